"""``jobs backup`` and ``jobs restore``: pg_dump's custom format, kept with a retention count.

Works on the embedded server and on any ``JOBS_DATABASE_URL``. The client programs are chosen
by version: pg_dump refuses a server newer than itself, so the candidates (pgserver's bundled
PostgreSQL, Debian's ``/usr/lib/postgresql/<major>/bin``, whatever is on PATH) are asked their
major version and the oldest one not older than the server wins. The connection goes to the
programs as libpq environment variables, so a password never shows in a process listing.

A dump is written beside its final name and renamed when complete, so a dump that exists is a
whole one; retention removes the oldest ``jobs-*.dump`` beyond the count.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from core import config

PREFIX, SUFFIX = "jobs-", ".dump"
TIMEOUT_S = 4 * 3600


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message says why and what to do."""


@dataclass(frozen=True)
class ClientTools:
    bin_dir: Path
    major: int

    def program(self, name: str) -> str:
        return str(self.bin_dir / name)


def candidate_dirs() -> list[Path]:
    """Folders that may hold pg_dump and pg_restore, in no particular order."""
    dirs = []
    try:
        import pgserver

        dirs.append(Path(pgserver.__file__).parent / "pginstall" / "bin")
    except ImportError:
        pass
    dirs += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"))]
    if on_path := shutil.which("pg_dump"):
        dirs.append(Path(on_path).resolve().parent)
    unique = []
    for d in dirs:
        if d not in unique and (d / "pg_dump").exists() and (d / "pg_restore").exists():
            unique.append(d)
    return unique


def tools_major(bin_dir: Path) -> int | None:
    """The major version of a folder's pg_dump (``pg_dump (PostgreSQL) 16.2`` → 16)."""
    try:
        out = subprocess.run([str(bin_dir / "pg_dump"), "--version"], capture_output=True,
                             text=True, timeout=30).stdout
    except OSError:
        return None
    found = re.search(r"\)\s*(\d+)", out)
    return int(found.group(1)) if found else None


def pick_tools(server_major: int, candidates: list[ClientTools]) -> ClientTools:
    """The oldest client not older than the server (a pure function)."""
    fitting = sorted((c for c in candidates if c.major >= server_major), key=lambda c: c.major)
    if not fitting:
        found = ", ".join(f"{c.major} ({c.bin_dir})" for c in candidates) or "none"
        raise BackupError(f"the server is PostgreSQL {server_major} but the newest pg_dump found "
                          f"is older (found: {found}); install postgresql-client-{server_major}")
    return fitting[0]


def libpq_env(url: str) -> dict[str, str]:
    """libpq's PG* variables for a database URL (pgserver's socket folder comes as ``?host=``)."""
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host")
    if isinstance(host, tuple):
        host = host[0]
    values = {"PGHOST": host, "PGPORT": parsed.port, "PGUSER": parsed.username,
              "PGPASSWORD": parsed.password, "PGDATABASE": parsed.database}
    return {k: str(v) for k, v in values.items() if v not in (None, "")}


def _database_url(url: str | None) -> str:
    from core.storage.database import database_url

    return url or database_url()


def server_major(url: str) -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    finally:
        engine.dispose()


def tools_for(url: str) -> ClientTools:
    candidates = [ClientTools(d, m) for d in candidate_dirs() if (m := tools_major(d))]
    return pick_tools(server_major(url), candidates)


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    proc = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=TIMEOUT_S)
    if proc.returncode != 0:
        detail = next((line for line in proc.stderr.splitlines() if line.strip()), "")
        raise BackupError(f"{what} failed (exit {proc.returncode}): {detail}")


def dumps(directory: Path) -> list[Path]:
    """The dumps in ``directory``, newest first (their names sort by time)."""
    return sorted(directory.glob(f"{PREFIX}*{SUFFIX}"), reverse=True)


def prune(directory: Path, keep: int) -> list[Path]:
    removed = dumps(directory)[keep:]
    for path in removed:
        path.unlink()
    return removed


def backup(url: str | None = None, directory: Path | None = None, keep: int | None = None) -> dict:
    """Dump the database to ``directory/jobs-<UTC time>.dump``; keep the newest ``keep``."""
    url = _database_url(url)
    directory = directory or config.backup_dir()
    keep = keep or config.backup_keep()
    directory.mkdir(parents=True, exist_ok=True)
    tools = tools_for(url)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = directory / f"{PREFIX}{stamp}{SUFFIX}"
    partial = path.with_name(f".{path.name}.partial")
    started = time.monotonic()
    try:
        _run([tools.program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
              f"--file={partial}"], libpq_env(url), "pg_dump")
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return {"path": str(path), "bytes": path.stat().st_size,
            "seconds": round(time.monotonic() - started, 2), "pg_dump": tools.major,
            "removed": [p.name for p in prune(directory, keep)]}


def restore(dump: Path, url: str | None = None) -> dict:
    """Replace the dumped objects in the database with the dump's, in one transaction.

    ``--clean --if-exists`` drops each object of the dump before recreating it, and
    ``--single-transaction --exit-on-error`` leaves the database as it was if anything fails.
    """
    if not dump.is_file():
        raise BackupError(f"no dump at {dump}")
    url = _database_url(url)
    tools = tools_for(url)
    env = libpq_env(url)
    started = time.monotonic()
    _run([tools.program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", "--exit-on-error", f"--dbname={env.get('PGDATABASE', 'postgres')}",
          str(dump)], env, "pg_restore")
    return {"path": str(dump), "seconds": round(time.monotonic() - started, 2),
            "pg_restore": tools.major}
