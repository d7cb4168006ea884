"""Bring a database to the newest Alembic revision."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from core.config import PROJECT_ROOT
from core.storage.database import database_url


def alembic_config(url: str | None = None) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


_MIGRATION_LOCK = 7_243_001  # a pg_advisory_lock key: one process migrates at a time
_ready: set[str] = set()  # databases this process found at the newest revision


def ensure_schema(url: str | None = None) -> None:
    """Upgrade to the newest revision unless the database is there already.

    A developer's first ``scrapy crawl upsc`` meets a fresh embedded database; the flows and
    ``jobs demo`` migrate first anyway. Two crawls starting together take turns.
    """
    url = url or database_url()
    if url in _ready:
        return
    heads = set(ScriptDirectory.from_config(alembic_config(url)).get_heads())
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if set(MigrationContext.configure(conn).get_current_heads()) == heads:
                _ready.add(url)
                return
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
            try:
                upgrade(url)
                _ready.add(url)
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
    finally:
        engine.dispose()
