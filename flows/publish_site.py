"""Flow: publish the built site to the CDN target (a local folder by default)."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from core import config
from services.publish import publish_output as publish


@task(retries=2, retry_delay_seconds=[5, 30])
def publish_output(output: Path, target: Path) -> dict:
    """An S3 bucket when JOBS_S3_BUCKET is set, else the atomic local folder."""
    return publish(output, target)


@flow(name="publish-site")
def publish_site() -> dict:
    return publish_output(config.site_output_dir(), config.publish_dir())


if __name__ == "__main__":
    print(publish_site())
