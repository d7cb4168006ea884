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
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache, meta
from pelican.generators import Generator
from pydantic import ValidationError

from core.config import PROJECT_ROOT
from core.domain.schema import Stage
from core.storage.snapshot import RecordReader, iter_snapshot

from .feeds import atom_xml, calendar_ics, rss_xml
from .forked import can_fork, start_helpers, stop_helpers, worker_count
from .fragments import (
    PARTIALS,
    fast_dict_getattr,
    install_job_row,
    memoize_constant_partials,
    template_reads,
)
from .indexnow import indexnow_key, ping_indexnow
from .jsonld import breadcrumbs_jsonld, faq_jsonld, jobposting_jsonld, use_orjson
from .manifest import IncrementalWriter, Saver, key_of, plain_key, text_key
from .overrides import read_overrides
from .rowcache import RowCache
from .sitemap import SITEMAP_LIMIT, robots_txt, sitemap_files
from .taxonomy import group_slug
from .views import (
    LISTING_KINDS,
    day,
    home_sections,
    http_url,
    job_view,
    listings,
    page_tables,
    paginate,
    related_jobs,
    row_key,
    row_static,
    row_view,
    sort_latest,
    thousands,
)

log = logging.getLogger(__name__)
PLUGIN_DIR = Path(__file__).resolve().parent
# What a job's row is computed from: the row cache is dropped when any of it changes.
CODE_ROOTS = (PLUGIN_DIR, PROJECT_ROOT / "core" / "domain" / "schema.py")
PER_PAGE = 50
LEND_CHECK = 8  # job pages rendered between two looks for a helper asking for more
MIN_SHARE = 200  # fewer jobs to validate per process than this: not worth forking


def _shares(items: list, workers: int, first_weight: float = 1.0) -> list[list]:
    """``items`` in ``workers`` consecutive runs; the first gets ``first_weight`` of an equal part."""
    if workers <= 1:
        return [list(items)]
    first = round(len(items) * first_weight / (first_weight + workers - 1))
    rest = items[first:]
    size, extra = divmod(len(rest), workers - 1)
    shares, at = [list(items[:first])], 0
    for k in range(workers - 1):
        step = size + (k < extra)
        shares.append(list(rest[at:at + step]))
        at += step
    return shares


def found_slugs(found: dict[int, dict], share: list[int]) -> list[str]:
    return [found[i]["slug"] for i in share if i in found]


def _today(settings) -> dt.date:
    value = settings.get("JOBS_TODAY") or ""
    return dt.date.fromisoformat(value) if value else dt.date.today()


def _tree_hash(*roots: Path) -> str:
    digest = hashlib.sha1()
    for root in roots:
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent if root.is_file() else root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def shown_days(view: dict):
    """What the page says about the deadline (a closed job's page no longer changes daily)."""
    return view["days_left"] if view["days_left"] is not None and view["days_left"] >= 0 else None


def _row(view: dict) -> str:
    """A digest of what a job's row shows, for the keys of the pages that list it (computed
    once per view: a listing page's key is then a hash of 50 short strings)."""
    row = view.get("_row")
    if row is None:
        key = row_key(view)  # strings, numbers, None and booleans: repr is exact and fast
        text = repr((*key[:5], shown_days(view), *key[6:]))
        row = view["_row"] = hashlib.sha1(text.encode()).hexdigest()
    return row


class JobPagesGenerator(Generator):
    """Reads the snapshot (``generate_context``) and writes every page made from it.

    Work is shared with forked helper processes (``forked``) when the build may fork: the jobs
    that need validating are split between the processes, each keeps the views of its share,
    sends the rows to the parent, and later renders the pages of its share that changed. The
    parent computes every key, listing and feed, renders the pages that list jobs, then its own
    job pages, lending the last of them to a helper that has run out of pages (``_render_lending``),
    so the processes finish together however the machine's load shifts during the build.
    """

    # -- reading the snapshot -------------------------------------------------------------

    def generate_context(self):
        path = Path(self.settings["JOBS_SNAPSHOT"])
        if not path.exists():
            log.warning("no snapshot at %s: building a site with no jobs", path)
        self.snapshot_path = path
        self.today = _today(self.settings)
        self.overrides = read_overrides(Path(self.settings["PATH"]) / "overrides")
        self.row_cache = RowCache(Path(self.settings["JOBS_MANIFEST"]), _tree_hash(*CODE_ROOTS))
        self.full: dict[str, dict] = {}  # slug → job_view, for the jobs validated here
        self.owner: dict[str, int] = {}  # slug → the process holding its job_view
        self.sources: dict[str, tuple] = {}  # slug → (digest, offset, length, record or None)
        lines = []  # (digest, offset, length, record or None, cached static or None)
        for line in iter_snapshot(path) if path.exists() else ():
            static = self.row_cache.get(line.digest)
            if static is not None and static["slug"] in self.overrides:
                static = None  # an override changes the facts: always validated afresh
            record = line.record if line.offset < 0 else None
            lines.append((line.digest, line.offset, line.length, record, static))
        self.lines = lines
        self.reader = RecordReader(path) if path.exists() else None
        missing = [i for i, line in enumerate(lines) if line[4] is None]
        self.workers = worker_count(self.settings.get("JOBS_BUILD_WORKERS"))
        workers = self.workers if len(missing) >= 2 * MIN_SHARE and can_fork() else 1
        # the parent also merges the rows and renders the listings: it validates a smaller share
        # (0.8 of an equal one; what is left unbalanced the parent lends out at the end)
        self.shares = shares = _shares(missing, workers, first_weight=0.8)
        self.helpers = start_helpers(workers - 1, self._helper_main)
        try:
            self._merge(lines, shares)
        except BaseException:  # the helpers are stopped by generate_output, or here
            stop_helpers(self.helpers)
            self.helpers = []
            self._close_reader()
            raise
        finally:
            self.lines = None
        self.context["JOBS_TODAY"] = self.today
        self.context["JOB_COUNT"] = len(self.rows)
        self.context["LISTING_KINDS"] = LISTING_KINDS

    def _merge(self, lines: list[tuple], shares: list[list[int]]) -> None:
        """Validate this process's share, take the helpers' rows, and make every row."""
        found = self._validate(shares[0])
        for helper in self.helpers:
            found.update(helper.recv())
        for index in range(len(self.helpers) + 1):
            for slug in found_slugs(found, shares[index]):
                self.owner[slug] = index
        self.rows = []  # one row view per job, in snapshot order
        for i, (digest, offset, length, record, static) in enumerate(lines):
            if static is None:
                static = found.get(i)
                if static is None:
                    continue  # invalid: skipped (and logged)
            if static["slug"] not in self.overrides:
                self.row_cache.put(digest, static)
            self.rows.append(row_view(static, self.today))
            self.sources[static["slug"]] = (digest, offset, length, record)
        self.listings = listings(self.rows)

    def _record(self, i: int) -> dict:
        _, offset, length, record, _ = self.lines[i]
        return record if record is not None else self.reader.read(offset, length)

    def _validate(self, share: list[int]) -> dict[int, dict]:
        """Validate the records at these line numbers; keep their views; return their rows."""
        rows = {}
        for i in share:
            record = self._record(i)
            try:
                view = job_view(record, self.today, self.overrides.get(record.get("slug")))
            except ValidationError as exc:  # a corrupt record must not take the site down
                log.warning("job %s skipped: invalid facts: %s", record.get("slug"),
                            exc.errors()[0]["msg"])
                continue
            self.full[view["slug"]] = view
            rows[i] = row_static(view)
        return rows

    def _helper_main(self, index: int, channel) -> None:
        """A helper: validate a share, send its rows, then render the pages it is sent."""
        channel.send(self._validate(self.shares[index]))
        self.lines = None
        self._helper_render(index, channel)

    def _helper_render(self, index: int, channel) -> None:
        """Render the job pages this helper is sent (see ``_generate_output``): the output's
        salt first, then its own pages; then, as long as it asks, pages the parent lends it."""
        salt = channel.recv()["salt"]
        if getattr(self, "salt", None) != salt:  # forked before the output was prepared
            self._prepare_output(salt)
        tasks = channel.recv()
        with Saver(Path(self.output_path)) as saver:
            while tasks:
                for task in tasks:
                    saver.save(task[0], self._render_job(*task[1:]))
                channel.send(("idle",))
                tasks = channel.recv()
        channel.send(("done", saver.count))

    # -- helpers ---------------------------------------------------------------------------

    def _render(self, template: str, page_url: str, **context) -> str:
        return self.templates[template].render(
            {**self.base, **context, "page_url": page_url})

    def _page(self, page_url: str, key, template: str, **context) -> None:
        path = f"{page_url}index.html" if page_url.endswith("/") or not page_url else page_url
        if self.writer.changed(path, plain_key(template, page_url, key)):
            self.tasks.append((path, lambda: self._render(template, page_url, **context)))

    def _file(self, path: str, key: str, make) -> None:
        if self.writer.changed(path, key):
            self.tasks.append((path, make))

    def _text(self, path: str, text: str) -> None:
        self._file(path, text_key(text), lambda: text)

    def _crumbs(self, *trail: tuple[str, str]) -> list[tuple[str, str]]:
        return [("Home", f"{self.site_url}/")] + [(n, f"{self.site_url}/{u}") for n, u in trail]

    def _theme_reads(self, theme_hash: str) -> tuple[set[str], dict]:
        """Every variable a theme template reads from its context (the rest need not be
        passed), and what each partial reads (``fragments.template_reads``); kept next to the
        manifest for the theme it was read from."""
        cache = Path(self.settings["JOBS_MANIFEST"]).with_suffix(".templates.json")
        try:
            saved = json.loads(cache.read_text())
            if saved.get("theme") == theme_hash and "reads" in saved:
                return set(saved["names"]), saved["reads"]
        except (OSError, ValueError):
            pass
        theme = Path(self.settings["THEME"])
        names = set()
        for path in sorted(theme.rglob("*.html")):
            names |= meta.find_undeclared_variables(self.env.parse(path.read_text(encoding="utf-8")))
        partials = [p.relative_to(theme).as_posix() for p in sorted(theme.glob(f"{PARTIALS}*.html"))]
        reads = template_reads(self.env, partials)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"theme": theme_hash, "names": sorted(names), "reads": reads}))
        return names, reads

    # -- output ----------------------------------------------------------------------------

    def _prepare_output(self, salt: str | None = None) -> None:
        """Templates, the context every page gets, the CSS file name and the manifest salt."""
        self.site_url = self.settings["SITEURL"]
        self.css = (Path(self.settings["THEME"]) / "static" / "site.css").read_text(encoding="utf-8")
        self.css_name = f"theme/site.{hashlib.sha1(self.css.encode()).hexdigest()[:10]}.css"
        self.templates = {name: self.get_template(name) for name in
                          ("job", "index", "listing", "groups", "archive", "404")}
        base = {**self.context, "CSS_URL": f"{self.site_url}/{self.css_name}",
                "stage_labels": {s.value: s.label for s in Stage},
                "FEED_URL": f"{self.site_url}/feed.xml"}
        base.pop("JOBS_TODAY", None)  # pages show dates relative to today, never today itself
        theme_hash = _tree_hash(Path(self.settings["THEME"]), PLUGIN_DIR)
        used, reads = self._theme_reads(theme_hash)
        self.base = {k: v for k, v in base.items() if k in used}
        if "pages" in self.base:  # a Pelican Page works its URL out on every read: once here
            self.base["pages"] = [{"url": p.url, "title": p.title} for p in self.base["pages"]]
        install_job_row(self.env, self.base, reads)
        memoize_constant_partials(self.env, self.base, reads)
        shown = {k: ([(p["url"], p["title"]) for p in v] if k == "pages" else v)
                 for k, v in sorted(self.base.items())}
        self.salt = key_of(theme_hash, shown, 4)
        if salt is not None and salt != self.salt:
            raise RuntimeError("a helper process sees other settings than the build")

    def generate_output(self, writer):
        try:
            self._generate_output()
        finally:
            stop_helpers(self.helpers)
            self.helpers = []
            self.full.clear()
            self._close_reader()

    def _close_reader(self) -> None:
        if self.reader is not None:
            self.reader.close()
            self.reader = None

    def _generate_output(self):
        self._prepare_output()
        for helper in self.helpers:  # they prepare theirs while this process works out the keys
            helper.send({"salt": self.salt})
        out = Path(self.output_path)
        self.writer = IncrementalWriter(out, Path(self.settings["JOBS_MANIFEST"]), self.salt)
        self.tasks = []  # (path, render) of the pages this process renders
        self._text(self.css_name, self.css)
        mine = self._share_job_pages(self._job_pages())  # the helpers start on theirs now
        self._home()
        self._listings()
        self._archive()
        latest = sort_latest([v for v in self.rows if not v["archived"]])[:10]
        self._page("404.html", [_row(v) for v in latest], "404", latest=latest)
        self._feeds_and_sitemaps(out)
        self.row_cache.save()
        with Saver(out) as saver:
            for path, render in self.tasks:  # first: only this process has the listings
                saver.save(path, render())
            lent = self._render_lending(saver, mine)
        for helper in self.helpers:
            helper.recv()
        report = self.writer.finish()
        self._ping(report)
        log.info("jobpages: %d job pages, %d files written by %d processes (%d pages lent to "
                 "helpers), %d removed", len(self.rows), len(report["written"]),
                 len(self.helpers) + 1, lent, len(report["removed"]))

    def _render_lending(self, saver: Saver, tasks: list[tuple]) -> int:
        """Render this process's job pages from the front of its list, lending pages from the
        back to each helper that has finished its own and asks for more, so every process
        ends at about the same time whatever the load of the machine (a lent page costs its
        helper a validation more). Then tell each helper there is nothing left; returns how
        many pages were lent."""
        queue = deque(tasks)
        asking = [False] * len(self.helpers)
        done = lent_count = 0
        while queue:
            task = queue.popleft()
            saver.save(task[0], self._render_job(*task[1:]))
            done += 1
            if done % LEND_CHECK == 0:
                for i, helper in enumerate(self.helpers):
                    if not asking[i] and helper.ready():
                        asking[i] = helper.recv() == ("idle",)
                    if asking[i] and len(queue) >= 2:
                        # about what takes the helper as long as the rest takes this process
                        lent = [queue.pop() for _ in range(len(queue) * 2 // 5 or 1)]
                        helper.send(lent[::-1])
                        lent_count += len(lent)
                        asking[i] = False
        for i, helper in enumerate(self.helpers):
            if not asking[i]:
                helper.recv()  # its ("idle",)
            helper.send([])
        return lent_count

    def _share_job_pages(self, jobs: list[tuple]) -> list[tuple]:
        """Send each helper the changed job pages whose views it holds; return this process's.

        A page whose row came from the cache has its view nowhere: those are shared out, this
        process taking less (it also renders the listings). With many of them and no helpers
        yet (e.g. a new day changes every open job's page), the helpers are forked now.
        """
        late = not self.helpers and len(jobs) >= 2 * MIN_SHARE and self.workers > 1 and can_fork()
        if late:
            self.helpers = start_helpers(self.workers - 1, self._helper_render)
        plans: list[list[tuple]] = [[] for _ in range(len(self.helpers) + 1)]
        unowned = []
        for path, slug, rel, trail in jobs:
            task = (path, slug, rel, trail, self.sources[slug])
            owner = self.owner.get(slug)
            if owner is None:
                unowned.append(task)
            else:
                plans[owner].append(task)
        for plan, share in zip(plans, _shares(unowned, len(plans), first_weight=0.6),
                               strict=True):
            plan.extend(share)
        for helper, plan in zip(self.helpers, plans[1:], strict=True):
            if late:
                helper.send({"salt": self.salt})
            helper.send(plan)
        return plans[0]

    def _full_view(self, slug: str, source: tuple) -> dict:
        """The job_view of a job whose page is rendered here (validated now if its row came
        from the row cache)."""
        view = self.full.pop(slug, None)
        if view is None:
            _, offset, length, record = source
            if record is None:
                record = self.reader.read(offset, length)
            view = job_view(record, self.today, self.overrides.get(slug))
        return view

    def _render_job(self, slug: str, rel: list[dict], trail: list[tuple[str, str]],
                    source: tuple) -> str:
        view = self._full_view(slug, source)
        job = view["job"]
        url = f"{self.site_url}/{view['url']}"
        trail = self._crumbs(*trail, (job.title, view["url"]))
        structured = [
            jobposting_jsonld(job, url=url, date_posted=view["date_posted"],
                              identifier=view["slug"], summary=view["seo"].get("summary"),
                              state=view["state"]),
            breadcrumbs_jsonld(trail),
        ]
        if faq := faq_jsonld(view["seo"].get("faq")):
            structured.append(faq)
        return self._render("job", view["url"], view=view, related=rel, structured=structured,
                            trail=trail, days=shown_days(view), og_type="article",
                            **page_tables(view))

    def _job_pages(self) -> list[tuple]:
        """The job pages that changed: (path, slug, related rows, trail above the job)."""
        related = related_jobs(self.rows)
        changed = []
        for row in self.rows:
            slug = row["slug"]
            rel = related[slug]
            override_key = (self.overrides.get(slug) or {}).get("key", "")
            # what the page shows: its record, its override, the days left, the related rows
            # (strings, numbers and booleans only, so repr is exact and faster than key_of)
            shows = ("job", row["url"], self.sources[slug][0], override_key, shown_days(row),
                     row["archived"], [_row(v) for v in rel], row["category"])
            path = f"{row['url']}index.html"
            if self.writer.changed(path, hashlib.sha1(repr(shows).encode()).hexdigest()):
                category = self.listings["category"].get(group_slug(row["category"]))
                organisation = self.listings["organisation"].get(row["org_slug"])
                trail = [("Archive", "archive/")] if row["archived"] else [
                    (g["name"], g["url"]) for g in (category, organisation) if g]
                changed.append((path, slug, rel, trail))
        return changed

    def _home(self):
        sections = home_sections(self.rows)
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
        self._file(f"{base_url}feed.xml", plain_key("rss", heading, rows),
                   lambda: rss_xml(self.site_url, heading, base_url, entries))
        self._file(f"{base_url}atom.xml", plain_key("atom", heading, rows),
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
        archived = sort_latest([v for v in self.rows if v["archived"]])
        self._listing_pages("archive/", "Archive: closed jobs",
                            "Jobs past their last date. Their pages stay here for reference.",
                            archived)

    def _feeds_and_sitemaps(self, out: Path):
        live = sort_latest([v for v in self.rows if not v["archived"]])
        rows = [_row(v) for v in live[:30]]
        title = self.settings["SITENAME"]
        self._file("feed.xml", plain_key("rss", rows), lambda: rss_xml(self.site_url, title, "", live))
        self._file("atom.xml", plain_key("atom", rows), lambda: atom_xml(self.site_url, title, "", live))
        host = urlsplit(self.site_url).hostname or "localhost"
        dated = [v for v in self.rows if v["job"].apply_last and not v["archived"]]
        self._file("calendar.ics", plain_key("ics", [_row(v) for v in dated]),
                   lambda: calendar_ics(self.site_url, host, dated))
        pages = self.sitemap_pages + [("", max((v["lastmod"] for v in live), default=None))]
        pages += [(v["url"], v["lastmod"]) for v in self.rows]
        pages += [(p.url, None) for p in self.context.get("pages", [])]
        limit = int(self.settings.get("JOBS_SITEMAP_LIMIT") or SITEMAP_LIMIT)
        for path, text in sitemap_files(self.site_url, pages, limit).items():
            self._text(path, text)
        self._text("robots.txt", robots_txt(self.site_url))
        self.key = indexnow_key(self.site_url, self.settings.get("JOBS_INDEXNOW_KEY"))
        self._text(f"{self.key}.txt", self.key)

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
        self.helpers = []
        self.reader = None
        self.env.filters["http_url"] = http_url
        self.env.filters["day"] = day
        self.env.filters["thousands"] = thousands
        fast_dict_getattr(self.env)
        use_orjson(self.env)
        # compiled templates are kept next to the manifests: a rebuild does not compile them
        self.env.bytecode_cache = FileSystemBytecodeCache(
            str(_folder(Path(self.settings["JOBS_MANIFEST"]).parent / "templates")))


def written_paths(manifest: Path) -> list[str]:
    return json.loads(manifest.read_text())["written"] if manifest.exists() else []
