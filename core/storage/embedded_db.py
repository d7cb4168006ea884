"""The embedded PostgreSQL server (pgserver) used when JOBS_DATABASE_URL is not set.

pgserver keeps the PIDs of the processes holding the server in ``.handle_pids.json`` and stops
the server when the last one exits. After a ``kill -9`` the dead PID stays in that file, so the
next process would reuse the server and never stop it. ``forget_dead_handles`` repairs the file
before every start.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import psutil

log = logging.getLogger(__name__)

HANDLES_FILE = ".handle_pids.json"


def forget_dead_handles(pgdata: Path) -> list[int]:
    """Drop PIDs of processes that no longer exist from pgserver's handle list; return them."""
    path = pgdata / HANDLES_FILE
    if not path.exists():
        return []
    try:
        pids = [int(p) for p in json.loads(path.read_text() or "[]")]
    except (ValueError, TypeError):
        pids = []
    alive = [p for p in pids if p != os.getpid() and psutil.pid_exists(p)]
    dead = [p for p in pids if p not in alive]
    if dead:
        log.warning("embedded database: forgetting dead handle PIDs %s in %s", dead, path)
        path.write_text(json.dumps(alive))
    return dead


def sqlalchemy_url(pg_uri: str) -> str:
    """pgserver gives ``postgresql://postgres:@/postgres?host=DIR``; SQLAlchemy wants the driver."""
    return pg_uri.replace("postgresql://", "postgresql+psycopg://", 1)


def start_embedded(pgdata: Path, cleanup_mode: str | None = "stop"):
    """Start (or join) the pgserver instance in ``pgdata`` and return the server handle."""
    from core import config

    config.runtime_dir()  # before pgserver's import: otherwise platformdirs warns on every call
    import pgserver  # only for the embedded default: with JOBS_DATABASE_URL it is never loaded

    pgdata = pgdata.resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    forget_dead_handles(pgdata)
    return pgserver.get_server(pgdata, cleanup_mode=cleanup_mode)
