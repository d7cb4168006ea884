"""The Pelican generator that writes every page built from the snapshot.

Job pages, listings, feeds, sitemaps and the calendar are rendered here with the theme's Jinja2
environment straight from the snapshot (Pelican's article pipeline is several times slower);
Pelican itself renders the editorial pages and copies the theme. Every output goes through the
content-hash manifest, so a rebuild writes only what changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator
from pydantic import ValidationError

from jobcore.schema import Stage
from jobcore.snapshot import read_snapshot

from .feeds import atom_xml, calendar_ics, rss_xml
from .indexnow import indexnow_key, ping_indexnow
from .jsonld import breadcrumbs_jsonld, faq_jsonld, jobposting_jsonld
from .manifest import IncrementalWriter, key_of
from .overrides import read_overrides
from .sitemap import SITEMAP_LIMIT, robots_txt, sitemap_files
from .taxonomy import group_slug
from .views import (
    LISTING_KINDS,
    home_sections,
    job_view,
    listings,
    paginate,
    related_jobs,
    row_key,
    sort_latest,
)

log = logging.getLogger(__name__)
PLUGIN_DIR = Path(__file__).resolve().parent
PER_PAGE = 50


def _today(settings) -> dt.date:
    value = settings.get("JOBS_TODAY") or ""
    return dt.date.fromisoformat(value) if value else dt.date.today()


def _tree_hash(*roots: Path) -> str:
    digest = hashlib.sha1()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def shown_days(view: dict):
    """What the page says about the deadline (a closed job's page no longer changes daily)."""
    return view["days_left"] if view["days_left"] is not None and view["days_left"] >= 0 else None


def http_url(value):
    """A link target only if it is an absolute http(s) URL: ``javascript:`` never becomes a link."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _row(view: dict) -> tuple:
    return (*row_key(view)[:5], shown_days(view), *row_key(view)[6:])


class JobPagesGenerator(Generator):
    def generate_context(self):
        path = Path(self.settings["JOBS_SNAPSHOT"])
        if not path.exists():
            log.warning("no snapshot at %s: building a site with no jobs", path)
        snapshot = read_snapshot(path) if path.exists() else {"jobs": []}
        self.records = {r["slug"]: r for r in snapshot["jobs"]}
        self.today = _today(self.settings)
        overrides = read_overrides(Path(self.settings["PATH"]) / "overrides")
        self.views = []
        for record in snapshot["jobs"]:
            try:
                self.views.append(job_view(record, self.today, overrides.get(record["slug"])))
            except ValidationError as exc:  # a corrupt record must not take the site down
                log.warning("job %s skipped: invalid facts: %s", record.get("slug"), exc.errors()[0]["msg"])
                self.records.pop(record.get("slug"), None)
        self.listings = listings(self.views)
        self.context["JOBS_TODAY"] = self.today
        self.context["JOB_COUNT"] = len(self.views)
        self.context["LISTING_KINDS"] = LISTING_KINDS

    # -- helpers ---------------------------------------------------------------------------

    def _salt(self, css_name: str) -> str:
        theme = Path(self.settings["THEME"])
        pages = [(p.url, p.title) for p in self.context.get("pages", [])]
        return key_of(_tree_hash(theme, PLUGIN_DIR), self.site_url, self.settings["SITENAME"],
                      pages, css_name, 3)

    def _render(self, template: str, page_url: str, **context) -> str:
        return self.templates[template].render(
            {**self.base, **context, "page_url": page_url})

    def _page(self, page_url: str, key, template: str, **context) -> None:
        self.writer.write(f"{page_url}index.html" if page_url.endswith("/") or not page_url
                          else page_url, key_of(template, page_url, key),
                          lambda: self._render(template, page_url, **context))

    def _crumbs(self, *trail: tuple[str, str]) -> list[tuple[str, str]]:
        return [("Home", f"{self.site_url}/")] + [(n, f"{self.site_url}/{u}") for n, u in trail]

    # -- output ----------------------------------------------------------------------------

    def generate_output(self, writer):
        self.site_url = self.settings["SITEURL"]
        out = Path(self.output_path)
        css = (Path(self.settings["THEME"]) / "static" / "site.css").read_text(encoding="utf-8")
        css_name = f"theme/site.{hashlib.sha1(css.encode()).hexdigest()[:10]}.css"
        self.writer = IncrementalWriter(out, Path(self.settings["JOBS_MANIFEST"]), self._salt(css_name))
        self.writer.write_text(css_name, css)
        self.templates = {name: self.get_template(name) for name in
                          ("job", "index", "listing", "groups", "archive", "404")}
        self.base = {**self.context, "CSS_URL": f"{self.site_url}/{css_name}",
                     "stage_labels": {s.value: s.label for s in Stage},
                     "FEED_URL": f"{self.site_url}/feed.xml"}
        self.base.pop("JOBS_TODAY", None)  # pages show dates relative to today, never today itself

        self._job_pages()
        self._home()
        self._listings()
        self._archive()
        self._page("404.html", None, "404", latest=sort_latest(
            [v for v in self.views if not v["archived"]])[:10])
        self._feeds_and_sitemaps(out)
        report = self.writer.finish()
        self._ping(report)
        log.info("jobpages: %d job pages, %d files written, %d removed",
                 len(self.views), len(report["written"]), len(report["removed"]))

    def _job_pages(self):
        related = related_jobs(self.views)
        for view in self.views:
            job = view["job"]
            url = f"{self.site_url}/{view['url']}"
            category = self.listings["category"].get(group_slug(view["category"]))
            organisation = self.listings["organisation"].get(view["org_slug"])
            trail = [("Archive", "archive/")] if view["archived"] else [
                (g["name"], g["url"]) for g in (category, organisation) if g]
            trail = self._crumbs(*trail, (job.title, view["url"]))
            structured = [
                jobposting_jsonld(job, url=url, date_posted=view["date_posted"],
                                  identifier=view["slug"], summary=view["seo"].get("summary"),
                                  state=view["state"]),
                breadcrumbs_jsonld(trail),
            ]
            if faq := faq_jsonld(view["seo"].get("faq")):
                structured.append(faq)
            rel = related[view["slug"]]
            record = self.records[view["slug"]]
            key = (record, view["override_key"], shown_days(view), view["archived"],
                   [_row(v) for v in rel], view["category"])
            self._page(view["url"], key, "job", view=view, related=rel, structured=structured,
                       trail=trail, days=shown_days(view), og_type="article")

    def _home(self):
        sections = home_sections(self.views)
        key = {k: ([_row(v) for v in s] if isinstance(s, list) else s) for k, s in sections.items()}
        groups = {kind: [(g["url"], g["name"], len(g["jobs"])) for g in found.values()]
                  for kind, found in self.listings.items() if kind in ("category", "state")}
        self._page("", (key, groups), "index", sections=sections, groups=groups)

    def _listing_pages(self, base_url: str, heading: str, intro: str, jobs: list[dict],
                       template: str = "listing", trail=()):
        pages = paginate(jobs, PER_PAGE)
        for n, chunk in enumerate(pages, start=1):
            page_url = base_url if n == 1 else f"{base_url}page/{n}/"
            nav = {"number": n, "count": len(pages),
                   "prev": None if n == 1 else (base_url if n == 2 else f"{base_url}page/{n - 1}/"),
                   "next": f"{base_url}page/{n + 1}/" if n < len(pages) else None}
            crumbs = self._crumbs(*trail, (heading, base_url))
            self._page(page_url, (heading, intro, nav, [_row(v) for v in chunk]), template,
                       heading=heading, intro=intro, jobs=chunk, nav=nav, feed_base=base_url,
                       breadcrumbs=breadcrumbs_jsonld(crumbs), trail=crumbs)
        entries = jobs[:30]
        rows = [_row(v) for v in entries]
        self.writer.write(f"{base_url}feed.xml", key_of("rss", heading, rows),
                          lambda: rss_xml(self.site_url, heading, base_url, entries))
        self.writer.write(f"{base_url}atom.xml", key_of("atom", heading, rows),
                          lambda: atom_xml(self.site_url, heading, base_url, entries))
        self.sitemap_pages += [(base_url if n == 1 else f"{base_url}page/{n}/",
                                max((v["lastmod"] for v in chunk), default=None))
                               for n, chunk in enumerate(pages, start=1)]

    def _listings(self):
        for kind, base, index_heading, pattern in LISTING_KINDS:
            found = self.listings[kind]
            groups = [(g["url"], g["name"], len(g["jobs"]), g["full"]) for g in found.values()]
            self._page(base, groups, "groups", heading=index_heading, groups=groups,
                       trail=self._crumbs((index_heading, base)))
            self.sitemap_pages.append((base, max((v["lastmod"] for g in found.values()
                                                  for v in g["jobs"][:1]), default=None)))
            for group in found.values():
                heading = pattern.format(name=group["name"])
                intro = group["full"] if group["full"] != group["name"] else ""
                self._listing_pages(group["url"], heading, intro, group["jobs"],
                                    trail=((index_heading, base),))

    def _archive(self):
        archived = sort_latest([v for v in self.views if v["archived"]])
        self._listing_pages("archive/", "Archive: closed jobs",
                            "Jobs past their last date. Their pages stay here for reference.",
                            archived)

    def _feeds_and_sitemaps(self, out: Path):
        live = sort_latest([v for v in self.views if not v["archived"]])
        rows = [_row(v) for v in live[:30]]
        title = self.settings["SITENAME"]
        self.writer.write("feed.xml", key_of("rss", rows), lambda: rss_xml(self.site_url, title, "", live))
        self.writer.write("atom.xml", key_of("atom", rows), lambda: atom_xml(self.site_url, title, "", live))
        host = urlsplit(self.site_url).hostname or "localhost"
        dated = [v for v in self.views if v["job"].apply_last and not v["archived"]]
        self.writer.write("calendar.ics", key_of("ics", [_row(v) for v in dated]),
                          lambda: calendar_ics(self.site_url, host, dated))
        pages = self.sitemap_pages + [("", max((v["lastmod"] for v in live), default=None))]
        pages += [(v["url"], v["lastmod"]) for v in self.views]
        pages += [(p.url, None) for p in self.context.get("pages", [])]
        limit = int(self.settings.get("JOBS_SITEMAP_LIMIT") or SITEMAP_LIMIT)
        for path, text in sitemap_files(self.site_url, pages, limit).items():
            self.writer.write_text(path, text)
        self.writer.write_text("robots.txt", robots_txt(self.site_url))
        self.key = indexnow_key(self.site_url, self.settings.get("JOBS_INDEXNOW_KEY"))
        self.writer.write_text(f"{self.key}.txt", self.key)

    def _ping(self, report: dict):
        endpoint = self.settings.get("JOBS_INDEXNOW_URL")
        if not endpoint:
            return
        changed = [p for p in report["written"] + report["removed"] if p.endswith("index.html")]
        urls = [f"{self.site_url}/{p.removesuffix('index.html')}" for p in sorted(changed)]
        if urls:
            accepted = ping_indexnow(endpoint, self.site_url, self.key, urls)
            log.info("IndexNow: %d of %d changed URLs accepted", accepted, len(urls))

    sitemap_pages: list

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sitemap_pages = []
        self.env.filters["http_url"] = http_url


def written_paths(manifest: Path) -> list[str]:
    return json.loads(manifest.read_text())["written"] if manifest.exists() else []
