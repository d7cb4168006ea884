"""Publish a built site to the local CDN folder atomically: readers never see a half-written site.

``public`` is a symlink to ``.public-releases/<digest>``; a new release is copied beside it and
the link is swapped with one ``rename``. Unchanged builds publish nothing new. A release's
modification time is when it last went live, so the releases sorted by it are the publish
history, and rolling back is pointing the link at the one before the current one.

Every publish (folder or S3, changed or not) is recorded in ``var/publish.json``: that is the
"last publish" that ``jobs health`` reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

from core import config
from services.build import tree_digest

KEEP_RELEASES = 3
RECORD = "publish.json"


class PublishRefused(RuntimeError):
    """The configured target cannot take this publish; the message says what to change."""


def releases_dir(target: Path) -> Path:
    return target.parent / f".{target.name}-releases"


def current_release(target: Path) -> str | None:
    return Path(os.readlink(target)).name if target.is_symlink() else None


def publish_folder(output: Path, target: Path) -> tuple[Path, bool]:
    """Publish ``output`` at ``target``; returns (release folder, whether anything changed)."""
    digest = hashlib.sha256(repr(sorted(tree_digest(output).items())).encode()).hexdigest()[:16]
    releases = releases_dir(target)
    release = releases / digest
    if current_release(target) == digest and release.exists():
        return release, False
    releases.mkdir(parents=True, exist_ok=True)
    if not release.exists():
        staging = releases / f".{digest}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(output, staging)
        staging.rename(release)
    if target.exists() and not target.is_symlink():
        shutil.rmtree(target)  # an old plain folder from before releases existed
    _point(target, release)
    os.utime(release)  # it went live now: the history is ordered by this
    _prune(releases, keep=release)
    return release, True


def _point(target: Path, release: Path) -> None:
    """Swap the ``target`` link to ``release`` in one rename."""
    link = target.parent / f".{target.name}.swap"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(release.relative_to(target.parent))
    link.replace(target)


def _prune(releases: Path, keep: Path) -> None:
    olds = sorted((p for p in releases.iterdir() if p != keep and not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds[KEEP_RELEASES - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def release_history(target: Path) -> list[dict]:
    """The kept releases, the most recently live first: name, when it went live, current."""
    releases = releases_dir(target)
    if not releases.is_dir():
        return []
    current = current_release(target)
    found = [p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".")]
    found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    return [{"release": p.name, "current": p.name == current,
             "live_since": dt.datetime.fromtimestamp(p.stat().st_mtime, dt.UTC)} for p in found]


def rollback(target: Path, to: str | None = None) -> str:
    """Point ``target`` at release ``to``, or at the one live before the current one.

    A rollback keeps the releases' times, so rolling back again goes one further back; the
    next ``publish_folder`` makes its release the newest again.
    """
    history = release_history(target)
    names = [r["release"] for r in history]
    if to is None:
        current = current_release(target)
        if current not in names:
            raise PublishRefused(f"{target} points at no kept release: nothing to roll back from")
        older = names[names.index(current) + 1:]
        if not older:
            raise PublishRefused(f"no release older than {current} is kept in {releases_dir(target)}")
        to = older[0]
    elif to not in names:
        raise PublishRefused(f"no release {to!r}; kept: {', '.join(names) or 'none'}")
    _point(target, releases_dir(target) / to)
    record_publish({"target": str(target), "release": to, "changed": True, "rollback": True})
    return to


def s3_settings() -> dict | None:
    bucket = os.environ.get("JOBS_S3_BUCKET", "").strip()
    if not bucket:
        return None
    return {"bucket": bucket, "prefix": os.environ.get("JOBS_S3_PREFIX", ""),
            "endpoint_url": os.environ.get("JOBS_S3_ENDPOINT_URL") or None}


def check_bucket(settings: dict) -> None:
    """Raise PublishRefused, saying what to change, when the configured bucket cannot be used."""
    from botocore.exceptions import BotoCoreError, ClientError

    from services.publish_s3 import s3_client

    try:
        s3_client(settings["endpoint_url"], max_attempts=2).head_bucket(Bucket=settings["bucket"])
    except (BotoCoreError, ClientError) as exc:
        where = settings["endpoint_url"] or "AWS"
        raise PublishRefused(
            f"JOBS_S3_BUCKET={settings['bucket']} is set but the bucket cannot be used at {where} "
            f"({str(exc).splitlines()[0]}); fix the S3 settings or credentials, or unset "
            "JOBS_S3_BUCKET to publish to the local folder") from exc


def publish_output(output: Path, target: Path) -> dict:
    """Publish where the environment says: the S3 bucket ``JOBS_S3_BUCKET`` if set (see
    ``services.publish_s3``; refused when the bucket cannot be reached), else the local folder
    ``target`` (atomic symlink swap)."""
    if (settings := s3_settings()) is not None:
        from services.publish_s3 import publish_s3_from_env

        check_bucket(settings)
        report = publish_s3_from_env(output)
        result = {"target": f"s3://{report.bucket}/{report.prefix}", "changed": report.changed,
                  "uploaded": len(report.uploaded), "deleted": len(report.deleted),
                  "unchanged": report.unchanged,
                  "invalidation": report.invalidation["id"] if report.invalidation else None}
    else:
        release, changed = publish_folder(output, target)
        result = {"target": str(target), "release": release.name, "changed": changed}
    record_publish(result)
    return result


def record_publish(result: dict) -> None:
    record = {**result, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    path = config.var_dir() / RECORD
    tmp = path.with_name(f".{RECORD}.tmp")
    tmp.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def last_publish() -> dict:
    """The newest publish: {"at", "target", "release"}, or {} when the site was never published.

    Raises when the target cannot be read: the bucket is unreachable, or the folder's link
    points at a release that is gone.
    """
    path = config.var_dir() / RECORD
    record = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if (settings := s3_settings()) is not None:
        check_bucket(settings)
    else:
        target = config.publish_dir()
        if not target.is_symlink():
            return {}
        if not (target / "index.html").exists():
            raise PublishRefused(f"{target} points at {os.readlink(target)}, which has no index.html")
        if record.get("target") != str(target):  # published before records were kept
            record = {"target": str(target), "at": dt.datetime.fromtimestamp(
                target.lstat().st_mtime, dt.UTC).isoformat(timespec="seconds")}
        record["release"] = current_release(target)
    if record.get("at"):
        record["at"] = dt.datetime.fromisoformat(record["at"])
    return record
