"""The Pelican generator that writes every page built from the snapshot."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from pelican.generators import Generator

from jobcore.snapshot import read_snapshot

from .sitemap import robots_txt, sitemap_xml
from .views import by_organisation, home_sections, job_view, sort_latest

log = logging.getLogger(__name__)


def _today(settings) -> dt.date:
    value = settings.get("JOBS_TODAY") or ""
    return dt.date.fromisoformat(value) if value else dt.date.today()


class JobPagesGenerator(Generator):
    def generate_context(self):
        path = Path(self.settings["JOBS_SNAPSHOT"])
        snapshot = read_snapshot(path) if path.exists() else {"jobs": []}
        if not path.exists():
            log.warning("no snapshot at %s: building a site with no jobs", path)
        self.today = _today(self.settings)
        self.views = [job_view(record, self.today) for record in snapshot["jobs"]]
        self.organisations = by_organisation(self.views)
        self.context["JOBS_TODAY"] = self.today
        self.context["JOB_COUNT"] = len(self.views)

    def _write(self, path: str, template: str, **context):
        target = Path(self.output_path) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        html = self.get_template(template).render({**self.context, **context, "page_url": path.removesuffix("index.html")})
        target.write_text(html, encoding="utf-8")

    def generate_output(self, writer):
        live = [v for v in self.views if not v["archived"]]
        archived = [v for v in self.views if v["archived"]]
        for view in self.views:
            related = [
                v for v in self.organisations[view["org_slug"]]["jobs"] if v["slug"] != view["slug"]
            ][:5]
            self._write(f"{view['url']}index.html", "job", view=view, related=related)
        self._write("index.html", "index", sections=home_sections(self.views, self.today))
        for slug, org in self.organisations.items():
            self._write(f"organisations/{slug}/index.html", "listing",
                        heading=f"{org['name']} jobs", intro=org["full"], jobs=org["jobs"])
        self._write("organisations/index.html", "organisations", organisations=self.organisations)
        self._write("archive/index.html", "listing", heading="Archive: closed jobs",
                    intro="Jobs past their last date. Their pages stay here for reference.",
                    jobs=sort_latest(archived))
        self._write("404.html", "404")
        out = Path(self.output_path)
        urls = ["", "organisations/", "archive/"] + [f"organisations/{s}/" for s in self.organisations]
        pages = [(u, None) for u in urls] + [(v["url"], v["lastmod"]) for v in self.views]
        (out / "sitemap.xml").write_text(sitemap_xml(self.settings["SITEURL"], pages), encoding="utf-8")
        (out / "robots.txt").write_text(robots_txt(self.settings["SITEURL"]), encoding="utf-8")
        log.info("jobpages: %d job pages (%d live, %d archived), %d organisations",
                 len(self.views), len(live), len(archived), len(self.organisations))
