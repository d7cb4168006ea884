"""Pages whose declared charset lies (APPSC: windows-1252 declared, UTF-8 stored and sent).

Scrapy believes the HTTP header, then the meta tag. When the bytes are valid UTF-8 and hold
non-ASCII characters, they are UTF-8 whatever is declared: a windows-1252 or latin-1 text is
almost never valid UTF-8 by accident.
"""

from __future__ import annotations

from scrapy.http import TextResponse


def true_charset_response(response: TextResponse) -> TextResponse:
    """``response`` decoded as UTF-8 when its bytes are UTF-8 but it claims another charset."""
    body = response.body
    if response.encoding.lower().replace("-", "") == "utf8" or body.isascii():
        return response
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return response
    return response.replace(encoding="utf-8")
