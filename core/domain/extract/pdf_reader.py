"""A notice PDF's bytes → a ``Document``: the text of every page and the ruled tables.

Text comes from PDFium (``pypdfium2``, ~0.6 s for a 167-page notice where pdfminer takes over a
minute); tables from ``pdfplumber``'s line finder, which costs ~0.4 s a page, so only the first
``TABLE_PAGES`` pages and the last ``TABLE_TAIL`` pages are searched for tables (a post-wise table
opens a notice, a community-wise total closes its annexure); the rest are named in ``notes``.
Never raises: a broken, encrypted, scanned or legacy-font file is a ``problem``.
"""

from __future__ import annotations

import io
import logging
import re
import threading

from core.domain.extract.document import Document, Table, body_hash
from core.domain.extract.readable import unreadable_reason

log = logging.getLogger(__name__)

MAX_PAGES = 300  # a longer file is an archive or a gazette volume, not one notice
TABLE_PAGES = 12
TABLE_TAIL = 2
# PDFium is not thread-safe, and spiders read PDFs in worker threads (asyncio.to_thread).
_PDFIUM = threading.Lock()
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_pdf(body: bytes, url: str) -> Document:
    """The document in a PDF body; never raises."""
    document = Document(url=url, kind="pdf", hash=body_hash(body or b""))
    if not (body or b"").lstrip()[:5].startswith(b"%PDF"):
        document.problem = "not a PDF"
        return document
    try:
        pages, count = _page_texts(body)
    except Exception as exc:  # PDFium raises PdfiumError for every unreadable file
        document.problem = _load_problem(exc)
        return document
    document.page_count = count
    if count > MAX_PAGES:
        document.notes.append(f"text read from the first {MAX_PAGES} of {count} pages")
    if reason := unreadable_reason(pages):
        document.problem = reason
        return document
    document.pages = pages
    document.tables, notes = _tables(body, len(pages))
    document.notes += notes
    return document


def _load_problem(exc: Exception) -> str:
    text = str(exc)
    if "password" in text.lower():
        return "encrypted PDF: it needs a password"
    return f"broken PDF: {text}"[:300]


def clean_page_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", _CONTROL.sub("", line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _page_texts(body: bytes) -> tuple[list[str], int]:
    import pypdfium2 as pdfium  # here, not at the top: most notices never fetch a PDF

    with _PDFIUM:
        pdf = pdfium.PdfDocument(body)
        try:
            count = len(pdf)
            pages = []
            for index in range(min(count, MAX_PAGES)):
                page = pdf[index]
                textpage = page.get_textpage()
                pages.append(clean_page_text(textpage.get_text_bounded()))
                textpage.close()
                page.close()
        finally:
            pdf.close()
    return pages, count


def table_page_numbers(count: int) -> list[int]:
    """The 1-based pages searched for tables."""
    head = range(1, min(count, TABLE_PAGES) + 1)
    tail = range(max(count - TABLE_TAIL + 1, TABLE_PAGES + 1), count + 1)
    return [*head, *tail]


def _tables(body: bytes, count: int) -> tuple[list[Table], list[str]]:
    import pdfplumber  # ~0.3 s to import

    numbers = table_page_numbers(count)
    notes = []
    if len(numbers) < count:
        notes.append(f"tables read on pages {_ranges(numbers)} of {count}")
    tables: list[Table] = []
    try:
        with pdfplumber.open(io.BytesIO(body)) as pdf:
            for number in numbers:
                page = pdf.pages[number - 1]
                for rows in page.extract_tables():
                    cleaned = [[_cell(c) for c in row] for row in rows if any(c and c.strip() for c in row)]
                    if cleaned:
                        tables.append(Table(page=number, rows=cleaned))
                page.close()
    except Exception as exc:  # pdfminer raises many kinds on odd files; the text is still good
        log.info("no tables from %s: %s", count, exc)
        notes.append(f"tables not read: {exc.__class__.__name__}: {exc}"[:200])
    return tables, notes


def _cell(value) -> str:
    return " ".join(str(value).split()) if value else ""


def _ranges(numbers: list[int]) -> str:
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in spans)
