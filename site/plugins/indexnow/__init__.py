"""Pelican plugin: IndexNow. The key file at the site root, and once the build is done one
ping with the URLs of the pages it wrote or removed (only when ``JOBS_INDEXNOW_URL`` is set)."""

from __future__ import annotations

import logging
from pathlib import Path

from jobsite.manifest import IncrementalWriter, build_reports, manifest_file
from pelican import signals
from pelican.generators import Generator

from .ping import indexnow_key, ping_indexnow

log = logging.getLogger(__name__)
PLUGIN = "indexnow"


class KeyFileGenerator(Generator):
    """Writes ``<key>.txt``, the file that proves the site owns its IndexNow key."""

    def generate_output(self, writer):
        key = indexnow_key(self.settings["SITEURL"], self.settings.get("JOBS_INDEXNOW_KEY"))
        manifest = IncrementalWriter(Path(self.output_path),
                                     manifest_file(self.settings["JOBS_BUILD_STATE"], PLUGIN), "")
        manifest.text(f"{key}.txt", key)
        manifest.finish()


def changed_pages(reports: dict[str, dict]) -> list[str]:
    """The pages (``…/index.html``) the last build of each plugin wrote or removed."""
    return sorted({path for report in reports.values()
                   for path in report.get("written", []) + report.get("removed", [])
                   if path.endswith("index.html")})


def ping_changed_pages(pelican) -> None:
    settings = pelican.settings
    endpoint = settings.get("JOBS_INDEXNOW_URL")
    if not endpoint:
        return
    site_url = settings["SITEURL"]
    pages = changed_pages(build_reports(Path(settings["JOBS_BUILD_STATE"])))
    urls = [f"{site_url}/{path.removesuffix('index.html')}" for path in pages]
    if urls:
        key = indexnow_key(site_url, settings.get("JOBS_INDEXNOW_KEY"))
        accepted = ping_indexnow(endpoint, site_url, key, urls)
        log.info("IndexNow: %d of %d changed URLs accepted", accepted, len(urls))


def get_generators(pelican):
    return KeyFileGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(ping_changed_pages)
