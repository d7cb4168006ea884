"""The Pelican generator of the feeds: ``feed.xml``/``atom.xml`` of the site and of every
listing (``categories/police/feed.xml``…), and ``calendar.ics``. Each feed's key is the digests
of the rows it shows, so a rebuild writes only the feeds whose entries changed; the changed ones
are written like the pages (``jobsite.plan``)."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from jobsite.catalogue import catalogue_of
from jobsite.manifest import IncrementalWriter, code_hash, manifest_file, plain_key
from jobsite.plan import FilePlan
from jobsite.pool import worker_count
from jobsite.views import row_digest
from pelican.generators import Generator

from .formats import FEED_ENTRIES, atom_xml, calendar_ics, rss_xml

log = logging.getLogger(__name__)
PLUGIN = "feeds"
CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "jobsite")
WRITE_SLICE = 200  # feeds per task of the pool that writes them


class FeedsGenerator(Generator):
    def generate_context(self):
        self.catalogue = catalogue_of(self)

    def generate_output(self, writer):
        site_url, title = self.settings["SITEURL"], self.settings["SITENAME"]
        manifest = IncrementalWriter(Path(self.output_path),
                                     manifest_file(self.settings["JOBS_BUILD_STATE"], PLUGIN),
                                     plain_key(code_hash(*CODE), site_url, title))
        plan = FilePlan(Path(self.output_path), size=WRITE_SLICE,
                        workers=worker_count(self.settings.get("JOBS_BUILD_WORKERS")))

        def feeds(base: str, heading: str, views: list[dict]) -> None:
            entries = views[:FEED_ENTRIES]
            rows = [row_digest(v) for v in entries]
            if manifest.changed(f"{base}feed.xml", plain_key("rss", heading, rows)):
                plan.add(f"{base}feed.xml", rss_xml, site_url, heading, base, entries)
            if manifest.changed(f"{base}atom.xml", plain_key("atom", heading, rows)):
                plan.add(f"{base}atom.xml", atom_xml, site_url, heading, base, entries)

        feeds("", title, self.catalogue.live)
        for listing in self.catalogue.listings:
            feeds(listing.url, listing.heading, listing.jobs)
        dated = [v for v in self.catalogue.rows if v["job"].apply_last and not v["archived"]]
        if manifest.changed("calendar.ics", plain_key("ics", [row_digest(v) for v in dated])):
            plan.add("calendar.ics", calendar_ics, site_url,
                     urlsplit(site_url).hostname or "localhost", dated)
        plan.write()
        report = manifest.finish()
        log.info("feeds: %d written, %d removed", len(report["written"]), len(report["removed"]))
