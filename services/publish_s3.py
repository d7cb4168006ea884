"""Publish a built site to an S3-compatible bucket (a CDN origin), uploading only what changed.

Order, so that readers never get a page whose assets are missing: static assets first, then
pages, then the files that point at pages (sitemaps, feeds, robots.txt); removed objects are
deleted last; then the CDN cache is purged for every changed or removed URL.

A manifest object (``<prefix>.publish-manifest.json``) remembers each key's MD5 and headers,
and the bucket listing's ETags (the MD5 of a single-part upload) catch changes made behind our
back; an object is uploaded when either differs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import mimetypes
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from services import cdn

log = logging.getLogger(__name__)

MANIFEST = ".publish-manifest.json"
HTML_CACHE = "public, max-age=300"
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"
WORKERS = 8

# Names that carry a content hash: site.3f2a9c1b.css, pagefind/fragment/en_1a2b3c4.pf_fragment.
_FINGERPRINT = re.compile(r"[._-][0-9a-f]{7,}\.[A-Za-z0-9_]+$")
_TYPES = [  # (suffix, content type); the first match wins, so longer suffixes come first
    (".rss.xml", "application/rss+xml; charset=utf-8"),
    (".atom.xml", "application/atom+xml; charset=utf-8"),
    (".html", "text/html; charset=utf-8"),
    (".xml", "application/xml; charset=utf-8"),
    (".rss", "application/rss+xml; charset=utf-8"),
    (".atom", "application/atom+xml; charset=utf-8"),
    (".ics", "text/calendar; charset=utf-8"),
    (".jsonld", "application/ld+json; charset=utf-8"),
    (".json", "application/json; charset=utf-8"),
    (".css", "text/css; charset=utf-8"),
    (".js", "text/javascript; charset=utf-8"),
    (".txt", "text/plain; charset=utf-8"),
    (".svg", "image/svg+xml"),
    (".webmanifest", "application/manifest+json"),
    (".wasm", "application/wasm"),
    (".pagefind", "application/octet-stream"),
]
# Uploaded last among the new objects: they link to pages that must already be there.
_INDEX_FILES = re.compile(r"(^|/)(sitemap[^/]*\.xml|robots\.txt|[^/]*\.(rss|atom)(\.xml)?|"
                          r"feeds?/.*|[^/]*\.ics)$")


def content_type(key: str) -> str:
    name = key.lower()
    for suffix, kind in _TYPES:
        if name.endswith(suffix):
            return kind
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def cache_control(key: str) -> str:
    """Fingerprinted assets never change under their name; everything else is short-lived.

    Pagefind's fragment/index/filter files and its ``.pf_meta`` are content-addressed too.
    """
    if _FINGERPRINT.search(key) and not key.endswith(".html"):
        return IMMUTABLE_CACHE
    return HTML_CACHE


def upload_rank(key: str) -> int:
    if key.endswith(".html"):
        return 1
    if _INDEX_FILES.search(key):
        return 2
    return 0


@dataclass
class S3Report:
    bucket: str
    prefix: str
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    invalidation: dict | None = None
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.uploaded or self.deleted)

    def as_dict(self) -> dict:
        return {**asdict(self), "changed": self.changed}


def local_objects(output: Path) -> dict[str, dict]:
    """Every file under ``output`` by site-relative key: its MD5 and the headers it gets."""
    objects = {}
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        key = path.relative_to(output).as_posix()
        objects[key] = {"md5": hashlib.md5(path.read_bytes()).hexdigest(),
                        "content_type": content_type(key), "cache_control": cache_control(key)}
    return objects


def s3_client(endpoint_url: str | None = None, max_attempts: int = 5):
    import boto3  # only when publishing to S3: boto3 costs ~0.9 s to import
    from botocore.config import Config

    config = Config(connect_timeout=10, read_timeout=60, retries={"max_attempts": max_attempts,
                    "mode": "standard"}, s3={"addressing_style": "path"} if endpoint_url else {})
    return boto3.client("s3", endpoint_url=endpoint_url or None, config=config)


def cloudfront_client(endpoint_url: str | None = None):
    import boto3  # only when publishing to S3 (see s3_client)
    from botocore.config import Config

    return boto3.client("cloudfront", endpoint_url=endpoint_url or None,
                        config=Config(connect_timeout=10, read_timeout=60))


def _remote(client, bucket: str, prefix: str) -> tuple[dict[str, str], dict[str, dict]]:
    """The bucket's ETags by key, and our manifest from the last publish (empty if none)."""
    etags: dict[str, str] = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            etags[obj["Key"][len(prefix):]] = obj["ETag"].strip('"')
    manifest: dict[str, dict] = {}
    if etags.pop(MANIFEST, None) is not None:
        manifest = json.loads(client.get_object(Bucket=bucket, Key=prefix + MANIFEST)["Body"].read())
    return etags, manifest


def plan(local: dict[str, dict], etags: dict[str, str], manifest: dict[str, dict]
         ) -> tuple[list[str], list[str]]:
    """(keys to upload in upload order, keys to delete): pure, so it is tested on its own."""
    upload = [k for k, obj in local.items() if etags.get(k) != obj["md5"] or manifest.get(k) != obj]
    upload.sort(key=lambda k: (upload_rank(k), k))
    delete = sorted(set(etags) - set(local))
    return upload, delete


def publish_s3(output: Path, bucket: str, prefix: str = "", *, client=None,
               distribution_id: str | None = None, cloudfront=None,
               dry_run: bool = False) -> S3Report:
    """Make ``s3://bucket/prefix`` hold exactly the files of ``output``; see the module doc."""
    started = time.monotonic()
    prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
    client = client or s3_client()
    local = local_objects(Path(output))
    etags, manifest = _remote(client, bucket, prefix)
    upload, delete = plan(local, etags, manifest)
    report = S3Report(bucket=bucket, prefix=prefix, uploaded=upload, deleted=delete,
                      unchanged=len(local) - len(upload))
    if dry_run:
        return report

    def put(key: str) -> None:
        obj = local[key]
        body = (Path(output) / key).read_bytes()
        client.put_object(Bucket=bucket, Key=prefix + key, Body=body,
                          ContentType=obj["content_type"], CacheControl=obj["cache_control"],
                          ContentMD5=_b64md5(body))

    with ThreadPoolExecutor(WORKERS) as pool:
        for rank in (0, 1, 2):  # each group finishes before the next starts
            list(pool.map(put, [k for k in upload if upload_rank(k) == rank]))
    for start in range(0, len(delete), 1000):
        client.delete_objects(Bucket=bucket, Delete={
            "Objects": [{"Key": prefix + k} for k in delete[start:start + 1000]], "Quiet": True})
    if report.changed or manifest != local:
        client.put_object(Bucket=bucket, Key=prefix + MANIFEST, Body=json.dumps(
            local, sort_keys=True).encode(), ContentType="application/json",
            CacheControl="no-store")
    if distribution_id and report.changed:
        cloudfront = cloudfront or cloudfront_client(os.environ.get("JOBS_CLOUDFRONT_ENDPOINT_URL"))
        report.invalidation = cdn.invalidate(cloudfront, distribution_id, upload + delete)
    report.seconds = round(time.monotonic() - started, 2)
    log.info("s3://%s/%s: %d uploaded, %d deleted, %d unchanged", bucket, prefix,
             len(upload), len(delete), report.unchanged)
    return report


def _b64md5(body: bytes) -> str:
    return base64.b64encode(hashlib.md5(body).digest()).decode()


def publish_s3_from_env(output: Path) -> S3Report:
    """``publish_s3`` configured by JOBS_S3_BUCKET, JOBS_S3_ENDPOINT_URL, JOBS_S3_PREFIX and
    JOBS_CLOUDFRONT_DISTRIBUTION_ID (credentials come from boto3's usual chain)."""
    endpoint = os.environ.get("JOBS_S3_ENDPOINT_URL") or None
    return publish_s3(output, os.environ["JOBS_S3_BUCKET"], os.environ.get("JOBS_S3_PREFIX", ""),
                      client=s3_client(endpoint),
                      distribution_id=os.environ.get("JOBS_CLOUDFRONT_DISTRIBUTION_ID") or None)
