"""Publish a built site to the local CDN folder atomically: readers never see a half-written site.

``public`` is a symlink to ``.releases/<digest>``; a new release is copied beside it and the link
is swapped with one ``rename``. Unchanged builds publish nothing new.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from services.build import tree_digest

KEEP_RELEASES = 3


def publish_folder(output: Path, target: Path) -> tuple[Path, bool]:
    """Publish ``output`` at ``target``; returns (release folder, whether anything changed)."""
    digest = hashlib.sha256(repr(sorted(tree_digest(output).items())).encode()).hexdigest()[:16]
    releases = target.parent / f".{target.name}-releases"
    release = releases / digest
    if target.is_symlink() and Path(os.readlink(target)).name == digest and release.exists():
        return release, False
    releases.mkdir(parents=True, exist_ok=True)
    if not release.exists():
        staging = releases / f".{digest}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(output, staging)
        staging.rename(release)
    if target.exists() and not target.is_symlink():
        shutil.rmtree(target)  # an old plain folder from before releases existed
    link = target.parent / f".{target.name}.swap"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(release.relative_to(target.parent))
    link.replace(target)
    _prune(releases, keep=release)
    return release, True


def _prune(releases: Path, keep: Path) -> None:
    olds = sorted((p for p in releases.iterdir() if p != keep and not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds[KEEP_RELEASES - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def publish_output(output: Path, target: Path) -> dict:
    """Publish where the environment says: the S3 bucket ``JOBS_S3_BUCKET`` if set (see
    ``services.publish_s3``), else the local folder ``target`` (atomic symlink swap)."""
    if os.environ.get("JOBS_S3_BUCKET", "").strip():
        from services.publish_s3 import publish_s3_from_env

        report = publish_s3_from_env(output)
        return {"target": f"s3://{report.bucket}/{report.prefix}", "changed": report.changed,
                "uploaded": len(report.uploaded), "deleted": len(report.deleted),
                "unchanged": report.unchanged,
                "invalidation": report.invalidation["id"] if report.invalidation else None}
    release, changed = publish_folder(output, target)
    return {"target": str(target), "release": release.name, "changed": changed}
