"""Search indexing at scale: N jobs expanded from a real snapshot → documents, Pagefind bundle,
Meilisearch sync (against the loopback fake from the tests), first run and an unchanged re-run.

    .venv/bin/python bench/bench_search.py [--jobs 10000] [--snapshot var/snapshot.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import timed  # noqa: E402  (after the path is set)


def expand(snapshot: dict, count: int) -> dict:
    base = snapshot["jobs"]
    jobs = []
    for i in range(count):
        job = copy.deepcopy(base[i % len(base)])
        job["slug"] = f"{job['slug']}-{i:05d}"
        job["facts"]["title"] = f"{job['facts']['title']} {i}"
        job["content_hash"] = f"{job['content_hash']}-{i}"
        jobs.append(job)
    return {"version": snapshot.get("version", 1), "jobs": jobs}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=10_000)
    parser.add_argument("--snapshot", default=str(ROOT / "var" / "snapshot.json"))
    args = parser.parse_args()

    from search_index.client import meili_client, sync_documents
    from search_index.documents import search_documents
    from search_index.pagefind import build_pagefind
    from tests.search_index.fake_meili import FakeMeili, serve

    snapshot = expand(json.loads(Path(args.snapshot).read_text(encoding="utf-8")), args.jobs)
    print(f"{args.jobs} jobs expanded from {args.snapshot}")
    docs = timed("search_documents", lambda: search_documents(snapshot))
    with tempfile.TemporaryDirectory() as out:
        timed("Pagefind bundle", lambda: build_pagefind(docs, Path(out)))
        files = [p for p in (Path(out) / "pagefind").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        print(f"{'  bundle':<44} {len(files):8d} files, {size / 1e6:.1f} MB")
    fake = FakeMeili(key="k")
    server = serve(fake)
    client = meili_client(f"http://127.0.0.1:{server.server_address[1]}", "k", timeout=30)
    first = timed("Meilisearch sync, first", lambda: sync_documents(client, docs))
    again = timed("Meilisearch sync, unchanged", lambda: sync_documents(client, docs))
    docs[0] = {**docs[0], "content_hash": "changed"}
    one = timed("Meilisearch sync, one job changed", lambda: sync_documents(client, docs))
    print(f"{'  documents sent':<44} {first.sent} / {again.sent} / {one.sent}")
    server.shutdown()


if __name__ == "__main__":
    main()
