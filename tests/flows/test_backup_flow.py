"""The scheduled backup: the flow writes a dump, and prefect.yaml schedules it at least hourly."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_the_backup_deployment_runs_at_least_every_hour():
    deployments = yaml.safe_load((ROOT / "flows" / "prefect.yaml").read_text())["deployments"]
    [backup] = [d for d in deployments if d["entrypoint"] == "flows/backup.py:backup_database"]
    [schedule] = backup["schedules"]
    minute, hour, *_ = schedule["cron"].split()
    assert minute.isdigit() and hour == "*"


def test_the_flow_writes_a_dump(clean_db, tmp_path, monkeypatch):
    from flows.backup import dump_database

    monkeypatch.setenv("JOBS_BACKUP_DIR", str(tmp_path))
    result = dump_database.fn()
    assert Path(result["path"]).parent == tmp_path and result["bytes"] > 0
