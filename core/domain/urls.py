"""Hrefs as real boards write them → absolute http(s) URLs, and which URLs are PDFs.

The one implementation the spiders (``crawlers.base``, link scoring, redirects) and the
normaliser (``core.domain.normalise``, ``core.domain.fields.links``) share.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

_NOT_A_DOCUMENT = re.compile(r"^\s*(javascript|mailto|tel|data|vbscript):", re.I)
_UNDERSCORED_SCHEME = re.compile(r"^_+(https?://)", re.I)
_PDF_SEGMENT = re.compile(r"\.pdf(?:/|$)", re.I)


def absolute_url(base_url: str, href: str | None) -> str | None:
    """The absolute http(s) URL an href on ``base_url`` points to, or None when it names no
    document: empty, an in-page anchor (``#``, ``#top``), a ``javascript:`` (ASP.NET postbacks),
    ``mailto:``, ``tel:`` or ``data:`` link, or any other scheme.

    Real boards write hrefs with white space or quotes around them (rojgarresult), raw spaces
    inside them (APSC's ``Notification_CCM_19 Jan_18.pdf``, UPSC's ``whats-new/04 - 2018``) and
    a stray ``_`` before the scheme (RRB Chandigarh's ``_http://…``); each is repaired.
    """
    if href is None:
        return None
    href = href.strip().strip("'\"")
    if not href or href.startswith("#") or _NOT_A_DOCUMENT.match(href):
        return None
    href = _UNDERSCORED_SCHEME.sub(r"\1", href)
    url = urljoin(base_url, href.replace(" ", "%20"))
    return url if is_http_url(url) else None


def is_http_url(url: str | None) -> bool:
    """An absolute http(s) URL: a scheme of http or https and a host."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_pdf(url: str | None) -> bool:
    """Whether a URL names a PDF by its file name, in any case: the path's last segment
    (``NOTICE.PDF``), an inner segment (Liferay's ``…/Notice.pdf/<uuid>``, Indian Bank), or a
    query value of a download script (``Download?param1=….pdf&param2=advertisement``, WBPSC)."""
    if not url:
        return False
    parts = urlsplit(url)
    if _PDF_SEGMENT.search(parts.path):
        return True
    return any(value.lower().endswith(".pdf") for _, value in parse_qsl(parts.query))
