"""Purge changed URLs from the CDN cache: a CloudFront invalidation through boto3."""

from __future__ import annotations

import time
from urllib.parse import quote

# CloudFront allows 3,000 individual paths in progress; past this a single wildcard is cheaper.
MAX_PATHS = 1000


def url_paths(keys: list[str]) -> list[str]:
    """The URL paths readers use for site-relative object keys (``a/index.html`` is ``/a/`` too)."""
    paths: set[str] = set()
    for key in keys:
        path = "/" + key.lstrip("/")
        paths.add(path)
        if path.endswith("/index.html"):
            paths.add(path.removesuffix("index.html"))
    return sorted(quote(p, safe="/-_.~") for p in paths)


def invalidate(client, distribution_id: str, keys: list[str]) -> dict | None:
    """Create one invalidation for ``keys``; returns {id, paths} or None when nothing changed."""
    paths = url_paths(keys)
    if not paths:
        return None
    if len(paths) > MAX_PATHS:
        paths = ["/*"]
    answer = client.create_invalidation(
        DistributionId=distribution_id,
        InvalidationBatch={"Paths": {"Quantity": len(paths), "Items": paths},
                           "CallerReference": f"jobs-publish-{time.time_ns()}"},
    )
    return {"id": answer["Invalidation"]["Id"], "paths": paths}
