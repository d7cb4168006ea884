"""Search over the jobs: Meilisearch when ``MEILI_URL`` is set, else a static Pagefind bundle."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from search_index.documents import search_document, search_documents
from search_index.pagefind import build_pagefind

__all__ = ["index_search", "search_document", "search_documents"]


def _load(snapshot) -> dict:
    if isinstance(snapshot, dict):
        return snapshot
    return json.loads(Path(snapshot).read_text(encoding="utf-8"))


def index_search(snapshot: dict | str | Path, site_output: str | Path) -> dict:
    """Index every job of ``snapshot`` (a dict or a snapshot file).

    With ``MEILI_URL`` set the documents go to Meilisearch (index ``MEILI_INDEX``, default
    ``jobs``); otherwise a Pagefind bundle is written to ``site_output/pagefind/``, so call this
    after the site is built and before it is published.
    """
    started = time.monotonic()
    documents = search_documents(_load(snapshot))
    if os.environ.get("MEILI_URL", "").strip():
        # only with MEILI_URL: the Meilisearch client is not imported for the Pagefind default
        from search_index.client import meili_client, sync_documents
        from search_index.index_settings import INDEX_UID

        report = sync_documents(meili_client(), documents,
                                os.environ.get("MEILI_INDEX", INDEX_UID))
        return {"backend": "meilisearch", "documents": len(documents), "sent": report.sent,
                "deleted": report.deleted, "unchanged": report.unchanged,
                "seconds": round(time.monotonic() - started, 2)}
    indexed = build_pagefind(documents, Path(site_output))
    return {"backend": "pagefind", "documents": indexed,
            "bundle": str(Path(site_output) / "pagefind"),
            "seconds": round(time.monotonic() - started, 2)}
