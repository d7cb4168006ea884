"""The Pelican generator of the feeds: ``feed.xml``/``atom.xml`` of the site and of every
listing (``categories/police/feed.xml``…), and ``calendar.ics``. Each feed's key is the digests
of the rows it shows, so a rebuild writes only the feeds whose entries changed."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from jobsite.catalogue import catalogue_of
from jobsite.manifest import IncrementalWriter, code_hash, manifest_file, plain_key, write_text
from jobsite.views import row_digest
from pelican.generators import Generator

from .formats import FEED_ENTRIES, atom_xml, calendar_ics, rss_xml

log = logging.getLogger(__name__)
PLUGIN = "feeds"
CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "jobsite")


class FeedsGenerator(Generator):
    def generate_context(self):
        self.catalogue = catalogue_of(self)

    def generate_output(self, writer):
        site_url, title = self.settings["SITEURL"], self.settings["SITENAME"]
        out = str(self.output_path)
        manifest = IncrementalWriter(Path(out), manifest_file(self.settings["JOBS_BUILD_STATE"],
                                                              PLUGIN),
                                     plain_key(code_hash(*CODE), site_url, title))

        def feed(path: str, key, make) -> None:
            if manifest.changed(path, plain_key(key)):
                write_text(out, path, make())

        def feeds(base: str, heading: str, views: list[dict]) -> None:
            entries = views[:FEED_ENTRIES]
            rows = [row_digest(v) for v in entries]
            feed(f"{base}feed.xml", ("rss", heading, rows),
                 lambda: rss_xml(site_url, heading, base, entries))
            feed(f"{base}atom.xml", ("atom", heading, rows),
                 lambda: atom_xml(site_url, heading, base, entries))

        feeds("", title, self.catalogue.live)
        for listing in self.catalogue.listings:
            feeds(listing.url, listing.heading, listing.jobs)
        dated = [v for v in self.catalogue.rows if v["job"].apply_last and not v["archived"]]
        host = urlsplit(site_url).hostname or "localhost"
        feed("calendar.ics", ("ics", [row_digest(v) for v in dated]),
             lambda: calendar_ics(site_url, host, dated))
        report = manifest.finish()
        log.info("feeds: %d written, %d removed", len(report["written"]), len(report["removed"]))
