"""The Pelican generator of the site's HTML pages made from the snapshot.

Job pages, listings (with their pages), the group indexes, the home page and the 404 page are
rendered with the theme's Jinja environment straight from the catalogue (Pelican's article
pipeline is several times slower); Pelican itself renders the editorial pages and copies the
theme. Every page goes through this plugin's content-hash manifest, so a rebuild renders and
writes only the pages whose inputs changed.

The build plans first (every page's key, and the list of pages to render: ``jobsite.plan``),
then renders the list in slices: in a process pool, whose processes inherit the plan, or here.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache, meta
from jobsite.catalogue import Catalogue, catalogue_of
from jobsite.jsonld import use_orjson
from jobsite.manifest import IncrementalWriter, code_hash, manifest_file, plain_key
from jobsite.plan import FilePlan
from jobsite.pool import worker_count
from jobsite.taxonomy import group_slug
from jobsite.views import day, home_sections, http_url, row_digest, shown_days, thousands
from pelican.generators import Generator

from core.domain.schema import Stage
from core.storage.snapshot import RecordReader

from .render import PageRenderer

log = logging.getLogger(__name__)
PLUGIN = "jobpages"
CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "jobsite")
RENDER_SLICE = 100  # pages per task of the pool that renders them
LATEST_ON_404 = 10


def digests(views: list[dict]) -> list[str]:
    return [row_digest(v) for v in views]


class JobPagesGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.filters["http_url"] = http_url
        self.env.filters["day"] = day
        self.env.filters["thousands"] = thousands
        use_orjson(self.env)
        # compiled templates are kept with the build's state: a rebuild does not compile them
        templates = Path(self.settings["JOBS_BUILD_STATE"]) / "templates"
        templates.mkdir(parents=True, exist_ok=True)
        self.env.bytecode_cache = FileSystemBytecodeCache(str(templates))

    def generate_context(self):
        self.catalogue = catalogue_of(self)

    # -- what every page gets -------------------------------------------------------------

    def _theme_names(self, theme_hash: str) -> set[str]:
        """Every variable a theme template reads from its context (the rest is not passed);
        kept with the build's state for the theme it was read from (parsing every template
        is a tenth of a rebuild)."""
        cache = Path(self.settings["JOBS_BUILD_STATE"]) / "theme-names.json"
        try:
            saved = json.loads(cache.read_text())
            if saved["theme"] == theme_hash:
                return set(saved["names"])
        except (OSError, ValueError, KeyError):
            pass
        names = set()
        for path in sorted(Path(self.settings["THEME"]).rglob("*.html")):
            names |= meta.find_undeclared_variables(self.env.parse(path.read_text(encoding="utf-8")))
        cache.write_text(json.dumps({"theme": theme_hash, "names": sorted(names)}))
        return names

    def _base(self, css_name: str, theme_hash: str) -> dict:
        site_url = self.settings["SITEURL"]
        base = {**self.context, "CSS_URL": f"{site_url}/{css_name}",
                "stage_labels": {s.value: s.label for s in Stage},
                "FEED_URL": f"{site_url}/feed.xml"}
        names = self._theme_names(theme_hash)
        base = {k: v for k, v in base.items() if k in names}
        base.pop("JOBS_TODAY", None)  # pages show dates relative to today, never today itself
        if "pages" in base:  # a Pelican Page works its URL out on every read: once here
            base["pages"] = [{"url": p.url, "title": p.title} for p in base["pages"]]
        return base

    # -- output ---------------------------------------------------------------------------

    def generate_output(self, writer):
        out = Path(self.output_path)
        css = (Path(self.settings["THEME"]) / "static" / "site.css").read_text(encoding="utf-8")
        css_name = f"theme/site.{hashlib.sha1(css.encode()).hexdigest()[:10]}.css"
        theme_hash = code_hash(Path(self.settings["THEME"]))
        base = self._base(css_name, theme_hash)
        salt = plain_key(theme_hash, code_hash(*CODE), sorted((k, repr(v)) for k, v in base.items()))
        manifest = IncrementalWriter(out, manifest_file(self.settings["JOBS_BUILD_STATE"],
                                                        PLUGIN), salt)
        manifest.text(css_name, css)
        reader = RecordReader(self.catalogue.snapshot) if self.catalogue.snapshot.exists() else None
        try:
            renderer = PageRenderer(self.env, base, self.catalogue, reader)
            plan = FilePlan(out, size=RENDER_SLICE,
                            workers=worker_count(self.settings.get("JOBS_BUILD_WORKERS")))
            self._plan(plan, manifest, renderer)
            processes, rendered = plan.processes, plan.write()
        finally:
            if reader is not None:
                reader.close()
        report = manifest.finish()
        log.info("jobpages: %d jobs, %d pages rendered by %d processes, %d files removed",
                 len(self.catalogue.rows), rendered, processes, len(report["removed"]))

    def _plan(self, plan: FilePlan, manifest: IncrementalWriter, renderer: PageRenderer) -> None:
        """Add to ``plan`` every page whose key changed (recording every key in ``manifest``)."""
        catalogue: Catalogue = self.catalogue

        def page(url: str, key, render, *args) -> None:
            path = f"{url}index.html" if url.endswith("/") or not url else url
            if manifest.changed(path, plain_key(render.__name__, url, key)):
                plan.add(path, render, *args)

        self._plan_jobs(plan, manifest, renderer)
        live = catalogue.live
        sections = home_sections(catalogue.rows)
        groups = {kind: [(g["url"], g["name"], len(g["jobs"])) for g in found.values()]
                  for kind, found in catalogue.groups.items() if kind in ("category", "state")}
        page("", ({k: digests(s) if isinstance(s, list) else s for k, s in sections.items()},
                  groups), renderer.home, sections, groups)
        latest = live[:LATEST_ON_404]
        page("404.html", digests(latest), renderer.not_found, latest)
        for index in catalogue.indexes:
            page(index.url, [(g["url"], g["name"], len(g["jobs"]), g["full"]) for g in index.groups],
                 renderer.index, index)
        for listing in catalogue.listings:
            for shown in listing.pages():
                nav = (shown.number, shown.count, shown.prev, shown.next)
                page(shown.url, (listing.heading, listing.intro, nav, digests(shown.jobs)),
                     renderer.listing, listing, shown)

    def _plan_jobs(self, plan: FilePlan, manifest: IncrementalWriter,
                   renderer: PageRenderer) -> None:
        catalogue: Catalogue = self.catalogue
        related = catalogue.related
        for row in catalogue.rows:
            slug = row["slug"]
            override_key = (catalogue.overrides.get(slug) or {}).get("key", "")
            # what the page shows: its record, its override, the days left, the related rows
            # (strings, numbers and booleans only, so repr is exact and faster than key_of)
            shows = ("job", row["url"], catalogue.sources[slug][0], override_key,
                     shown_days(row), row["archived"], digests(related[slug]), row["category"])
            path = f"{row['url']}index.html"
            if manifest.changed(path, hashlib.sha1(repr(shows).encode()).hexdigest()):
                category = catalogue.groups["category"].get(group_slug(row["category"]))
                organisation = catalogue.groups["organisation"].get(row["org_slug"])
                trail = [("Archive", "archive/")] if row["archived"] else [
                    (g["name"], g["url"]) for g in (category, organisation) if g]
                plan.add(path, renderer.job, slug, trail)
