"""Flow: dump the database (``jobs backup``) on a schedule; the recovery point is its interval."""

from __future__ import annotations

from prefect import flow, get_run_logger, task

from services.backup import backup


@task(retries=2, retry_delay_seconds=[30, 120])
def dump_database() -> dict:
    return backup()


@flow(name="backup-database")
def backup_database() -> dict:
    """Write ``JOBS_BACKUP_DIR/jobs-<time>.dump`` and keep the newest ``JOBS_BACKUP_KEEP``."""
    result = dump_database()
    get_run_logger().info("backup %s: %s bytes in %s s", result["path"], result["bytes"],
                          result["seconds"])
    return result


if __name__ == "__main__":
    print(backup_database())
