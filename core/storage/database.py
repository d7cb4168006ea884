"""Which PostgreSQL to use, and SQLAlchemy engines and sessions for it."""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache

import orjson
from psycopg.types.json import set_json_dumps
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from core import config
from core.storage.embedded_db import sqlalchemy_url, start_embedded

_server = None  # the pgserver handle of this process, kept alive until exit


def database_url() -> str:
    """JOBS_DATABASE_URL, or the embedded server (started on first use, exported to children)."""
    global _server
    url = os.environ.get("JOBS_DATABASE_URL", "").strip()
    if url:
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    if _server is None:
        _server = start_embedded(config.var_dir() / "pgdata")
    url = sqlalchemy_url(_server.get_uri())
    # Subprocesses (one crawl per spider) join the same server without managing it.
    os.environ["JOBS_DATABASE_URL"] = url
    return url


_engines: list[Engine] = []


def json_dumps(value) -> str:
    """JSON for JSONB columns (orjson: the store writes a lot of it)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


# COPY writes JSONB through psycopg's own adapter.
set_json_dumps(json_dumps)


@lru_cache(maxsize=4)
def _engine_for(url: str) -> Engine:
    made = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, future=True,
                         json_serializer=json_dumps, json_deserializer=orjson.loads)
    _engines.append(made)
    return made


def after_fork() -> None:
    """In a forked child: never touch the parent's pooled connections, open new ones."""
    for made in _engines:
        made.dispose(close=False)


def engine() -> Engine:
    return _engine_for(database_url())


@contextmanager
def session_scope(bind: Engine | None = None):
    """A session that commits on success and rolls back on error."""
    factory = sessionmaker(bind=bind or engine(), expire_on_commit=False)
    session: Session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
