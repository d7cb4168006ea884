"""A document a notice links to (its notification PDF, its detail page), as text and tables.

The record travels inside the RawJob (``documents``), so it is plain JSON::

    {"url": "https://…/notice.pdf", "kind": "pdf", "hash": "<sha256 of the bytes>",
     "page_count": 37, "pages": ["text of page 1", …], "tables": [{"page": 1, "rows": [[…]]}],
     "problem": None, "notes": []}

``problem`` says why no fact can come from it (a scan, a legacy font, a broken or encrypted file,
a 404); ``pages`` is then empty. ``notes`` say what was left unread (tables past a page budget).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["pdf", "html"]


@dataclass(frozen=True)
class Table:
    page: int  # 1-based
    rows: list[list[str]]


@dataclass
class Document:
    url: str
    kind: DocumentKind
    pages: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    problem: str | None = None
    hash: str | None = None
    page_count: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.problem is None and any(self.pages)

    def to_record(self) -> dict:
        return {
            "url": self.url, "kind": self.kind, "hash": self.hash, "page_count": self.page_count,
            "pages": list(self.pages),
            "tables": [{"page": t.page, "rows": t.rows} for t in self.tables],
            "problem": self.problem, "notes": list(self.notes),
        }

    @classmethod
    def from_record(cls, record) -> Document | None:
        """The document in a RawJob's ``documents`` entry; None for anything malformed (the
        record comes through the spool and quarantine, so it is not trusted)."""
        if not isinstance(record, dict) or not isinstance(record.get("url"), str):
            return None
        kind = record.get("kind") if record.get("kind") in ("pdf", "html") else "pdf"
        pages = [p if isinstance(p, str) else "" for p in _list(record.get("pages"))]
        tables = []
        for table in _list(record.get("tables")):
            if isinstance(table, dict) and isinstance(table.get("page"), int):
                rows = [[c if isinstance(c, str) else "" for c in _list(row)] for row in _list(table.get("rows"))]
                tables.append(Table(page=table["page"], rows=rows))
        problem = record.get("problem") if isinstance(record.get("problem"), str) else None
        page_count = record.get("page_count") if isinstance(record.get("page_count"), int) else len(pages)
        notes = [n for n in _list(record.get("notes")) if isinstance(n, str)]
        digest = record.get("hash") if isinstance(record.get("hash"), str) else None
        return cls(url=record["url"], kind=kind, pages=pages, tables=tables, problem=problem,
                   hash=digest, page_count=page_count, notes=notes)


def documents_in(raw: dict) -> list[Document]:
    """The documents of a RawJob: its ``documents`` records, or the text of a notice PDF that
    an older crawl kept in ``pdf_text`` (one page, since the pages were not told apart)."""
    records = raw.get("documents") if isinstance(raw.get("documents"), list) else []
    documents = [d for d in (Document.from_record(r) for r in records) if d is not None]
    legacy = raw.get("pdf_text")
    if not documents and isinstance(legacy, str) and legacy.strip():
        url = raw.get("pdf_url") if isinstance(raw.get("pdf_url"), str) else raw.get("source_url")
        if isinstance(url, str):
            documents.append(Document(url=url, kind="pdf", pages=[legacy], page_count=1))
    return documents


def _list(value) -> list:
    return value if isinstance(value, list) else []


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def failed_document(url: str, kind: DocumentKind, problem: str) -> Document:
    """A document that could not be fetched or read: the reason, and nothing else."""
    return Document(url=url, kind=kind, problem=problem)
