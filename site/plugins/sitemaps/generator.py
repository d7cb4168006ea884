"""The Pelican generator of ``sitemap.xml``, ``sitemaps/N.xml`` and ``robots.txt``: every page
of the site (job pages, listings and their pages, group indexes, the home page, the editorial
pages), each with the date its content last changed."""

from __future__ import annotations

from pathlib import Path

from jobsite.catalogue import Catalogue, catalogue_of
from jobsite.manifest import IncrementalWriter, manifest_file
from pelican.generators import Generator

from .formats import SITEMAP_LIMIT, robots_txt, sitemap_files

PLUGIN = "sitemaps"


def _latest(views) -> str | None:
    return max((v["lastmod"] for v in views), default=None)


def site_pages(catalogue: Catalogue, editorial: list) -> list[tuple[str, str | None]]:
    """(URL relative to the site, lastmod or None) of every page the sitemaps list."""
    pages = [("", _latest(catalogue.live))]
    for index in catalogue.indexes:
        pages.append((index.url, _latest(g["jobs"][0] for g in index.groups if g["jobs"])))
    for listing in catalogue.listings:
        pages += [(page.url, _latest(page.jobs)) for page in listing.pages()]
    pages += [(v["url"], v["lastmod"]) for v in catalogue.rows]
    pages += [(p.url, None) for p in editorial]
    return pages


class SitemapsGenerator(Generator):
    def generate_context(self):
        self.catalogue = catalogue_of(self)

    def generate_output(self, writer):
        site_url = self.settings["SITEURL"]
        manifest = IncrementalWriter(Path(self.output_path),
                                     manifest_file(self.settings["JOBS_BUILD_STATE"], PLUGIN), "")
        limit = int(self.settings.get("JOBS_SITEMAP_LIMIT") or SITEMAP_LIMIT)
        pages = site_pages(self.catalogue, self.context.get("pages", []))
        for path, text in sitemap_files(site_url, pages, limit).items():
            manifest.text(path, text)
        manifest.text("robots.txt", robots_txt(site_url))
        manifest.finish()
