"""``jobs publish``: publish the built site to the CDN target, list its releases, or roll back.

The target is the S3 bucket ``JOBS_S3_BUCKET`` when that is set (refused, with the reason, when
the bucket cannot be reached), else the local folder ``JOBS_PUBLISH_DIR`` (default ``public/``),
a symlink to the current release.
"""

from __future__ import annotations

from pathlib import Path

from core import config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "publish", help="publish the built site (to JOBS_S3_BUCKET if set, else the local folder)")
    parser.add_argument("--output", help="built site folder to publish (default site/output)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--releases", action="store_true",
                        help="list the folder target's kept releases, the live one marked")
    action.add_argument("--rollback", action="store_true",
                        help="point the folder target back at the release live before this one")
    parser.add_argument("--to", metavar="RELEASE",
                        help="with --rollback: this release (a name from --releases) instead")
    parser.set_defaults(func=run)


def run(args) -> int:
    from services.publish import (
        PublishRefused,
        publish_output,
        release_history,
        rollback,
        s3_settings,
    )

    target = config.publish_dir()
    if args.to and not args.rollback:
        raise SystemExit("jobs publish: --to goes with --rollback")
    if args.releases or args.rollback:
        if s3_settings() is not None:
            raise SystemExit("jobs publish: releases and rollback are for the folder target; with "
                             "JOBS_S3_BUCKET set, roll back with the bucket's object versioning "
                             "or publish an older build (see README, Production)")
        if args.releases:
            history = release_history(target)
            for r in history:
                print(f"{'*' if r['current'] else ' '} {r['release']}  live since "
                      f"{r['live_since']:%Y-%m-%d %H:%M:%S} UTC")
            print(f"{len(history)} release(s) kept in {target.parent}")
            return 0
        try:
            release = rollback(target, args.to)
        except PublishRefused as exc:
            raise SystemExit(f"jobs publish: {exc}") from exc
        print(f"rolled back {target} to release {release}")
        return 0
    output = Path(args.output) if args.output else config.site_output_dir()
    if not (output / "index.html").exists():
        raise SystemExit(f"nothing to publish: build the site first (`jobs build`); {output} is empty")
    try:
        result = publish_output(output, target)
    except PublishRefused as exc:
        raise SystemExit(f"jobs publish: {exc}") from exc
    what = (f"new release {result['release']}" if result.get("release") else
            f"{result['uploaded']} uploaded, {result['deleted']} deleted, "
            f"{result['unchanged']} unchanged")
    print(f"published {output} to {result['target']} "
          f"({what if result['changed'] else 'unchanged'})")
    return 0
