"""``jobs backup`` / ``jobs restore`` round-trip every row, on the embedded server and on a
PostgreSQL reached by URL (TCP, with a password); client programs chosen by version."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from cli.main import main
from services.backup import BackupError, ClientTools, backup, libpq_env, pick_tools, prune, restore

DAY = dt.date(2026, 2, 15)


def table_digests(url: str) -> dict[str, tuple[int, str]]:
    """Row count and an md5 over every row of every table, and every sequence's position."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                       "ORDER BY tablename")).scalars().all()
            digests = {name: tuple(conn.execute(text(
                f'SELECT count(*), md5(coalesce(string_agg(t::text, E\'\\n\' ORDER BY t::text), \'\')) '
                f'FROM "{name}" t')).one()) for name in tables}
            for name in conn.execute(text("SELECT sequencename FROM pg_sequences "
                                          "WHERE schemaname = 'public'")).scalars():
                digests[f"sequence {name}"] = (conn.execute(text(
                    f'SELECT last_value FROM "{name}"')).scalar_one(), "")
            return digests
    finally:
        engine.dispose()


def fill(url: str) -> None:
    """Real rows through the ingest path: jobs, notices, events, revisions, quarantine, runs."""
    from core.ingest import Ingest
    from core.storage.database import session_scope
    from core.storage.tables import CrawlRun

    os.environ["JOBS_DATABASE_URL"] = url
    raws = [{"source": "backuptest", "source_kind": "official",
             "source_url": f"https://rrb.example.in/notice-{n}",
             "organisation": "Railway Recruitment Board",
             "title": f"Recruitment of Technicians CEN {n:02d}/2026" if n % 7 else "",
             "important_dates": ["Last Date : 02-03-2026"]} for n in range(1, 40)]
    run = Ingest()
    run.run(raws, DAY)
    run.close()
    with session_scope() as session:
        session.add(CrawlRun(source="backuptest", started_at=dt.datetime.now(dt.UTC), status="ok",
                             items=len(raws), stats={"x": 1}, error_log=[]))


def wipe(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE jobs, quarantine, crawl_runs RESTART IDENTITY CASCADE"))
        conn.execute(text("DROP TABLE sources CASCADE"))
    engine.dispose()


def round_trip(url: str, tmp_path: Path) -> None:
    fill(url)
    before = table_digests(url)
    assert before["jobs"][0] > 0 and before["quarantine"][0] > 0
    made = backup(url, tmp_path / "backups", keep=3)
    wipe(url)
    assert table_digests(url) != before
    restore(Path(made["path"]), url)
    assert table_digests(url) == before


def test_round_trip_on_the_embedded_server(clean_db, pg_url, tmp_path):
    round_trip(pg_url, tmp_path)


@pytest.fixture
def tcp_server(tmp_path):
    """A second PostgreSQL on 127.0.0.1 with password (scram) auth, from pgserver's binaries."""
    import pgserver

    from core.storage.migrate import upgrade

    bin_dir = Path(pgserver.__file__).parent / "pginstall" / "bin"
    as_owner = ["runuser", "-u", "pgserver", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="jobs-pg-tcp-"))
    (home / "pw").write_text("s3cret pass\n")
    if as_owner:
        shutil.chown(home, "pgserver")
        shutil.chown(home / "pw", "pgserver")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    subprocess.run([*as_owner, str(bin_dir / "initdb"), "-D", str(home / "data"), "-U", "postgres",
                    "--auth=scram-sha-256", f"--pwfile={home / 'pw'}"], check=True,
                   capture_output=True, timeout=120)
    subprocess.run([*as_owner, str(bin_dir / "pg_ctl"), "-D", str(home / "data"), "-w", "-l",
                    str(home / "log"), "-o", f"-h 127.0.0.1 -p {port} -k {home}", "start"],
                   check=True, capture_output=True, timeout=120)
    url = f"postgresql+psycopg://postgres:s3cret%20pass@127.0.0.1:{port}/postgres"
    previous = os.environ.get("JOBS_DATABASE_URL")
    try:
        upgrade(url)
        yield url
    finally:
        subprocess.run([*as_owner, str(bin_dir / "pg_ctl"), "-D", str(home / "data"), "-m", "fast",
                        "stop"], capture_output=True, timeout=120)
        shutil.rmtree(home, ignore_errors=True)
        os.environ["JOBS_DATABASE_URL"] = previous or ""
        if previous is None:
            del os.environ["JOBS_DATABASE_URL"]


@pytest.mark.slow
def test_round_trip_on_a_server_reached_by_url_with_a_password(tcp_server, tmp_path, pg_url):
    round_trip(tcp_server, tmp_path)


def test_the_password_goes_in_the_environment_not_the_command_line():
    env = libpq_env("postgresql+psycopg://jobs:p%40ss@db.internal:5433/jobs")
    assert env == {"PGHOST": "db.internal", "PGPORT": "5433", "PGUSER": "jobs",
                   "PGPASSWORD": "p@ss", "PGDATABASE": "jobs"}


def test_the_embedded_servers_socket_folder_is_the_host():
    env = libpq_env("postgresql+psycopg://postgres:@/postgres?host=/srv/var/pgdata")
    assert env == {"PGHOST": "/srv/var/pgdata", "PGUSER": "postgres", "PGDATABASE": "postgres"}


@pytest.mark.parametrize(("server", "picked"), [(15, 15), (16, 16), (17, 17)])
def test_the_oldest_client_not_older_than_the_server_is_picked(server, picked):
    tools = [ClientTools(Path(f"/pg{m}/bin"), m) for m in (17, 15, 16)]
    assert pick_tools(server, tools).major == picked


def test_a_server_newer_than_every_client_is_refused_with_what_to_install():
    with pytest.raises(BackupError, match="install postgresql-client-18"):
        pick_tools(18, [ClientTools(Path("/pg16/bin"), 16)])


def test_retention_keeps_the_newest_dumps(tmp_path):
    for hour in range(5):
        (tmp_path / f"jobs-20260215T0{hour}0000000000Z.dump").write_bytes(b"x")
    removed = prune(tmp_path, keep=2)
    assert [p.name[5:16] for p in removed] == ["20260215T02", "20260215T01", "20260215T00"]
    assert sorted(p.name[5:16] for p in tmp_path.iterdir()) == ["20260215T03", "20260215T04"]


def test_the_commands_back_up_and_restore_the_latest(clean_db, pg_url, tmp_path, monkeypatch,
                                                     capsys):
    monkeypatch.setenv("JOBS_BACKUP_DIR", str(tmp_path / "backups"))
    fill(pg_url)
    before = table_digests(pg_url)
    assert main(["backup", "--keep", "2"]) == 0
    wipe(pg_url)
    assert main(["restore", "latest"]) == 2  # without --yes: nothing happens
    assert "add --yes" in capsys.readouterr().err
    assert main(["restore", "latest", "--yes"]) == 0
    assert table_digests(pg_url) == before
