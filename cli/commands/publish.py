"""``jobs publish``: publish the built site atomically to the CDN target (a local folder)."""

from __future__ import annotations

from core import config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("publish", help="publish the built site to the CDN target (a local folder by default)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from services.publish import publish_folder  # imported when run (cli/commands/__init__.py)

    output = config.site_output_dir()
    if not (output / "index.html").exists():
        raise SystemExit(f"nothing to publish: build the site first (`jobs build`); {output} is empty")
    release, changed = publish_folder(output, config.publish_dir())
    print(f"published {output} to {config.publish_dir()} ({'new release ' + release.name if changed else 'unchanged'})")
    return 0
