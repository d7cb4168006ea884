"""IndexNow: a key file at the site root and one POST of the URLs a build changed.

Off unless ``JOBS_INDEXNOW_URL`` is set (e.g. https://api.indexnow.org/indexnow); a failed ping
is logged, never fatal: the site is already built.
"""

from __future__ import annotations

import hashlib
import json
import logging
import urllib.request
from urllib.parse import urlsplit

log = logging.getLogger(__name__)
BATCH = 10_000  # IndexNow accepts up to 10,000 URLs per request


def indexnow_key(site_url: str, configured: str | None = None) -> str:
    return configured or hashlib.sha256(f"indexnow {site_url}".encode()).hexdigest()[:32]


def ping_indexnow(endpoint: str, site_url: str, key: str, urls: list[str], timeout: float = 10) -> int:
    """POST ``urls`` to ``endpoint``; returns how many URLs were accepted (HTTP 200/202)."""
    accepted = 0
    for i in range(0, len(urls), BATCH):
        body = json.dumps({"host": urlsplit(site_url).hostname, "key": key,
                           "keyLocation": f"{site_url}/{key}.txt",
                           "urlList": urls[i:i + BATCH]}).encode()
        request = urllib.request.Request(endpoint, data=body, method="POST",
                                         headers={"Content-Type": "application/json; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status in (200, 202):
                    accepted += len(urls[i:i + BATCH])
        except OSError as exc:
            log.warning("IndexNow ping to %s failed: %s", endpoint, exc)
    return accepted
