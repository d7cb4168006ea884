"""Push the job documents to Meilisearch: settings, changed documents, deletions; waits for tasks.

Only documents whose ``content_hash`` changed are sent, so a daily run over unchanged data
sends nothing but one listing of ids.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass, field

import meilisearch

from search_index.index_settings import INDEX_UID, PRIMARY_KEY, index_settings, settings_differ

log = logging.getLogger(__name__)

TIMEOUT_S = 10
BATCH = 1000
TASK_TIMEOUT_MS = 120_000


@dataclass
class MeiliReport:
    index: str
    sent: int = 0
    deleted: int = 0
    unchanged: int = 0
    settings_updated: bool = False
    tasks: list[int] = field(default_factory=list)


def meili_client(url: str | None = None, key: str | None = None,
                 timeout: float = TIMEOUT_S) -> meilisearch.Client:
    url = url or os.environ["MEILI_URL"]
    key = key or os.environ.get("MEILI_API_KEY") or os.environ.get("MEILI_MASTER_KEY")
    # The client's default timeout is None: a server that accepts and never answers hangs us.
    return meilisearch.Client(url.rstrip("/"), key, timeout=timeout)


def _wait(client: meilisearch.Client, task, report: MeiliReport) -> None:
    uid = task.task_uid
    report.tasks.append(uid)
    done = client.wait_for_task(uid, timeout_in_ms=TASK_TIMEOUT_MS, interval_in_ms=50)
    if done.status != "succeeded":
        raise RuntimeError(f"Meilisearch task {uid} {done.status}: {done.error}")


def _existing_hashes(index) -> dict[str, str | None]:
    hashes: dict[str, str | None] = {}
    offset = 0
    while True:
        page = index.get_documents({"fields": [PRIMARY_KEY, "content_hash"], "limit": BATCH,
                                    "offset": offset})
        for doc in page.results:
            doc = doc if isinstance(doc, dict) else dict(doc)
            hashes[str(doc[PRIMARY_KEY])] = doc.get("content_hash")
        offset += len(page.results)
        if not page.results or offset >= page.total:
            return hashes


def _ensure_index(client: meilisearch.Client, uid: str, report: MeiliReport):
    try:
        client.get_raw_index(uid)
    except meilisearch.errors.MeilisearchApiError as exc:
        if exc.code != "index_not_found":
            raise
        _wait(client, client.create_index(uid, {"primaryKey": PRIMARY_KEY}), report)
    return client.index(uid)


def sync_documents(client: meilisearch.Client, documents: list[dict],
                   index_uid: str = INDEX_UID) -> MeiliReport:
    """Make the index hold exactly ``documents`` (by id), sending only what changed."""
    report = MeiliReport(index=index_uid)
    index = _ensure_index(client, index_uid, report)
    wanted = index_settings()
    if settings_differ(index.get_settings(), wanted):
        _wait(client, index.update_settings(wanted), report)
        report.settings_updated = True
    have = _existing_hashes(index)
    changed = [d for d in documents if d["id"] not in have or have[d["id"]] != d["content_hash"]
               or d["content_hash"] is None]
    for start in range(0, len(changed), BATCH):
        _wait(client, index.add_documents(changed[start:start + BATCH], PRIMARY_KEY), report)
    report.sent = len(changed)
    report.unchanged = len(documents) - len(changed)
    gone = sorted(set(have) - {d["id"] for d in documents})
    for start in range(0, len(gone), BATCH):
        with warnings.catch_warnings():  # ids are "deprecated" for filters; ids stay exact
            warnings.simplefilter("ignore", DeprecationWarning)
            task = index.delete_documents(gone[start:start + BATCH])
        _wait(client, task, report)
    report.deleted = len(gone)
    log.info("meilisearch %s: %d sent, %d unchanged, %d deleted", index_uid, report.sent,
             report.unchanged, report.deleted)
    return report
