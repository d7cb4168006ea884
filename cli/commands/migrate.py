"""``jobs migrate``: bring the database to the newest schema (Alembic)."""

from __future__ import annotations


def add_parser(subparsers) -> None:
    subparsers.add_parser("migrate", help="bring the database to the newest schema").set_defaults(func=run)


def run(args) -> int:
    from core.storage.migrate import upgrade  # see cli/commands/__init__.py: imported when run

    upgrade()
    print("database is at the newest schema")
    return 0
