"""Flow: snapshot the database (sorted) and render the static site from it."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from core import config
from core.storage.database import session_scope
from core.storage.snapshot import take_snapshot, write_snapshot
from services.build import build_site as render


@task(retries=2, retry_delay_seconds=[2, 10])
def snapshot_jobs(path: Path) -> int:
    with session_scope() as session:
        snapshot = take_snapshot(session)
    write_snapshot(snapshot, path)
    return len(snapshot["jobs"])


@task
def render_site(snapshot: Path, output: Path) -> int:
    return render(snapshot, output, config.today().isoformat(), config.site_url())


@flow(name="build-site")
def build_site() -> dict:
    snapshot = config.var_dir() / "snapshot.json"
    jobs = snapshot_jobs(snapshot)
    output = config.site_output_dir()
    pages = render_site(snapshot, output)
    return {"jobs": jobs, "pages": pages, "site": str(output), "snapshot": str(snapshot)}


if __name__ == "__main__":
    print(build_site())
