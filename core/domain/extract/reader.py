"""A fetched document's bytes → a ``Document``: a PDF by its bytes, type or address, else a page."""

from __future__ import annotations

from core.domain.extract.document import Document
from core.domain.extract.html_reader import read_html
from core.domain.extract.pdf_reader import read_pdf
from core.domain.urls import is_pdf


def is_pdf_body(body: bytes, url: str, content_type: str | None = None) -> bool:
    return (body or b"").lstrip()[:5].startswith(b"%PDF") or "pdf" in (content_type or "").lower() or is_pdf(url)


def read_document(body: bytes, url: str, content_type: str | None = None) -> Document:
    """Never raises; a PDF address that answers with an HTML error page is a PDF that is "not a PDF"."""
    if is_pdf_body(body, url, content_type):
        return read_pdf(body, url)
    return read_html(body, url)
