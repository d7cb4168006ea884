"""Redirects that servers do without a 3xx status: meta refresh, JavaScript, IIS "Object moved"."""

from __future__ import annotations

import re

from scrapy.http import Response, TextResponse
from w3lib.html import get_meta_refresh

from core.domain.urls import absolute_url

_JS_LOCATION = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*['"]([^'"]+)['"]"""
    r"""|location\.(?:replace|assign)\(\s*['"]([^'"]+)['"]\s*\)""",
    re.I,
)
_OBJECT_MOVED = re.compile(r"<title>\s*Object moved\s*</title>", re.I)
MAX_BODY_FOR_SOFT_REDIRECT = 20_000  # a real page with content is not a redirect


def soft_redirect_target(response: Response) -> str | None:
    if not isinstance(response, TextResponse) or len(response.body) > MAX_BODY_FOR_SOFT_REDIRECT:
        return None
    text = response.text
    _, url = get_meta_refresh(text, response.url)
    if url:
        return url
    if _OBJECT_MOVED.search(text):
        href = response.css("a::attr(href)").get()
        if href:
            return absolute_url(response.url, href)
    match = _JS_LOCATION.search(text)
    if match:
        return absolute_url(response.url, match.group(1) or match.group(2))
    return None
