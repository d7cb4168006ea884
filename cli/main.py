"""The ``jobs`` command: argument parsing over the services and the ingest path, nothing more.

Each subcommand is a module of ``cli.commands`` (see its ``__init__``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from cli import commands


def _command_modules():
    return [importlib.import_module(f"cli.commands.{info.name}")
            for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobs", description="Sarkari Jobs Pipeline")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _command_modules():
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("JOBS_DEBUG"):
            raise
        print(f"jobs {args.command}: error: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
              " (set JOBS_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
