"""The static search fallback: a Pagefind bundle written into the built site (``pagefind/``).

The job documents (the same plain text Meilisearch gets) are written as tiny record pages in a
scratch folder and indexed by the Pagefind binary, so results carry filters and never depend on
the theme's markup. (Pagefind's Python API answers one record per ~0.1 s: 9.4 s for 91 jobs.)

Pagefind filters are off by default: Pagefind 1.x writes its filter indexes in a different order
on every run (upstream Pagefind/pagefind#638: only fragments were made stable), which would make
an unchanged site differ byte for byte and re-upload on every publish. Meilisearch has the filters.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

from pagefind_bin import get_executable

from search_index.documents import document_text

BUNDLE_DIR = "pagefind"
TIMEOUT_S = 600


def pagefind_binary() -> Path:
    return Path(get_executable())


def _filters(document: dict) -> list[tuple[str, str]]:
    pairs = [(key, document[key]) for key in ("organisation", "state", "category", "stage_label")
             if document.get(key)]
    return pairs + [("qualification", q) for q in document["qualification"]]


def _meta(document: dict) -> list[tuple[str, str]]:
    meta = [("title", document["title"] or document["id"]),
            ("organisation", document["organisation"] or ""),
            ("stage", document["stage_label"])]
    if document["last_date_iso"]:
        meta.append(("last_date", document["last_date_iso"]))
    return meta


def record_page(document: dict, filters: bool = False) -> str:
    """A minimal page Pagefind indexes as this job's record (every value escaped)."""
    kinds = [("meta", _meta(document))] + ([("filter", _filters(document))] if filters else [])
    hidden = "".join(f'<span data-pagefind-{kind}="{escape(k)}">{escape(v)}</span>'
                     for kind, pairs in kinds for k, v in pairs)
    sort = (f'<span data-pagefind-sort="last_date">{document["last_date"]}</span>'
            if document["last_date"] else "")
    body = "".join(f"<p>{escape(line)}</p>" for line in document_text(document).splitlines())
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>'
            f'{escape(document["title"] or document["id"])}</title></head>'
            f'<body><div data-pagefind-ignore hidden>{hidden}{sort}</div>'
            f"<main data-pagefind-body>{body}</main></body></html>")


def build_pagefind(documents: list[dict], site_output: Path, filters: bool = False) -> int:
    """Write ``site_output/pagefind/`` for ``documents``; returns the number indexed."""
    bundle = Path(site_output).resolve() / BUNDLE_DIR
    # Thousands of tiny scratch files: on tmpfs when there is one (10,000 records: 2.6 s vs 5 s).
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="pagefind-records-", dir=shm) as scratch:
        root = Path(scratch)
        for document in documents:
            page = root / document["url"].strip("/") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(record_page(document, filters), encoding="utf-8")
        staging = bundle.with_name(f".{BUNDLE_DIR}.tmp")
        shutil.rmtree(staging, ignore_errors=True)
        subprocess.run([str(pagefind_binary()), "--site", str(root), "--output-path",
                        str(staging), "--force-language", "en", "--quiet"],
                       check=True, capture_output=True, text=True, timeout=TIMEOUT_S)
    shutil.rmtree(bundle, ignore_errors=True)
    staging.rename(bundle)
    return len(documents)
