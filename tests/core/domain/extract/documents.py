"""Small documents for the rule tests, and the labelled files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.domain.extract.document import Document, Table
from core.domain.extract.html_reader import read_html
from core.domain.extract.pdf_reader import read_pdf

HERE = Path(__file__).parent
URL = "https://board.example/notice.pdf"


def document(*pages: str, tables: list[Table] | None = None, url: str = URL) -> Document:
    return Document(url=url, kind="pdf", pages=list(pages), tables=tables or [], page_count=len(pages))


@cache
def labelled(name: str) -> Document:
    """A file of ``notices/`` or ``bad/`` read as a crawl reads it (cached: PDFs take seconds)."""
    path = next(p for folder in ("notices", "bad") for p in (HERE / folder).glob(f"{name}.*") if p.suffix in (".pdf", ".html"))
    url = f"https://board.example/{path.name}"
    return read_pdf(path.read_bytes(), url) if path.suffix == ".pdf" else read_html(path.read_bytes(), url)
