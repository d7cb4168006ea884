"""Flow: publish the built site to the CDN target (a local folder by default)."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from jobcore import config
from jobcore.publish import publish_folder


@task(retries=2, retry_delay_seconds=[5, 30])
def publish_output(output: Path, target: Path) -> dict:
    release, changed = publish_folder(output, target)
    return {"target": str(target), "release": release.name, "changed": changed}


@flow(name="publish-site")
def publish_site() -> dict:
    return publish_output(config.site_output_dir(), config.publish_dir())


if __name__ == "__main__":
    print(publish_site())
