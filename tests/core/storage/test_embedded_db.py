"""The embedded PostgreSQL (pgserver): recovery after a killed process, and a clean stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from core.storage.embedded_db import HANDLES_FILE, forget_dead_handles, sqlalchemy_url

pytestmark = pytest.mark.slow

HOLD = """
import sys, time
from pathlib import Path
from core.storage.embedded_db import start_embedded
server = start_embedded(Path(sys.argv[1]))
print(server.get_uri(), flush=True)
time.sleep(600)
"""

USE_AND_EXIT = """
import sys
from pathlib import Path
from sqlalchemy import create_engine, text
from core.storage.embedded_db import start_embedded, sqlalchemy_url
server = start_embedded(Path(sys.argv[1]))
with create_engine(sqlalchemy_url(server.get_uri())).connect() as conn:
    print(conn.execute(text("select 41 + 1")).scalar())
"""


def _postmaster_running(pgdata: Path) -> bool:
    pid_file = pgdata / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().splitlines()[0])
    return psutil.pid_exists(pid)


def _python(code: str, *args, **kwargs):
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[3], **kwargs)


def test_forget_dead_handles_keeps_live_pids(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / HANDLES_FILE).write_text(json.dumps([dead.pid, os.getppid()]))
    assert forget_dead_handles(tmp_path) == [dead.pid]
    assert json.loads((tmp_path / HANDLES_FILE).read_text()) == [os.getppid()]


def test_sqlalchemy_url_names_the_driver():
    uri = "postgresql://postgres:@/postgres?host=/tmp/pg"
    assert sqlalchemy_url(uri) == "postgresql+psycopg://postgres:@/postgres?host=/tmp/pg"


def test_recovers_after_kill_9_and_stops_cleanly(tmp_path):
    pgdata = tmp_path / "pgdata"
    holder = _python(HOLD, str(pgdata))
    uri = holder.stdout.readline().strip()
    assert uri.startswith("postgresql://")
    assert _postmaster_running(pgdata)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    # The known gap: the server outlives its killed owner, and the dead PID stays listed.
    assert _postmaster_running(pgdata)
    assert holder.pid in json.loads((pgdata / HANDLES_FILE).read_text())

    user = _python(USE_AND_EXIT, str(pgdata))
    out, _ = user.communicate(timeout=120)
    assert out.strip() == "42"
    deadline = time.monotonic() + 20
    while _postmaster_running(pgdata) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _postmaster_running(pgdata), "the next user must stop the orphaned server at exit"
