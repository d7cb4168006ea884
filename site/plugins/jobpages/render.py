"""Rendering the site's HTML pages with the theme's templates, through Jinja's public API.

What many pages share is rendered once and passed to their templates as context (``Markup``):
the header and the footer (the same on every page) and each job's row
(``partials/job_row.html``, shown on every listing, the home page and the related jobs of other
jobs), kept by job for the rest of the build. Everything else is plain ``Template.render``.
"""

from __future__ import annotations

from jobsite.catalogue import Catalogue, GroupIndex, Listing, ListingPage
from jobsite.jsonld import breadcrumbs_jsonld, faq_jsonld, jobposting_jsonld
from jobsite.views import page_tables, shown_days
from markupsafe import Markup

from core.storage.snapshot import RecordReader

TEMPLATES = ("job", "index", "listing", "groups", "404")
ROW = "partials/job_row.html"
SHARED = {"header_html": "partials/header.html", "footer_html": "partials/footer.html"}


class PageRenderer:
    """``base`` is the context every page gets (the settings the theme reads, the CSS URL…)."""

    def __init__(self, env, base: dict, catalogue: Catalogue, reader: RecordReader | None):
        self.catalogue, self.reader = catalogue, reader
        self.site_url = base["SITEURL"]
        self.templates = {name: env.get_template(f"{name}.html") for name in TEMPLATES}
        self.base = {**base, **{name: Markup(env.get_template(partial).render(base))
                                for name, partial in SHARED.items()}}
        self.row_template = env.get_template(ROW)
        self.row_html: dict[str, Markup] = {}

    def rows(self, views: list[dict]) -> list[Markup]:
        """Each job's row as HTML (rendered the first time a page of this process shows it)."""
        found = []
        for view in views:
            html = self.row_html.get(view["slug"])
            if html is None:
                html = self.row_html[view["slug"]] = Markup(
                    self.row_template.render({**self.base, "v": view}))
            found.append(html)
        return found

    def crumbs(self, *trail: tuple[str, str]) -> list[tuple[str, str]]:
        """(name, absolute URL) from the home page down, for ``trail`` of (name, relative URL)."""
        return [("Home", f"{self.site_url}/")] + [(n, f"{self.site_url}/{u}") for n, u in trail]

    def render(self, template: str, page_url: str, **context) -> str:
        return self.templates[template].render({**self.base, **context, "page_url": page_url})

    def job(self, slug: str, trail: list[tuple[str, str]]) -> str:
        view = self.catalogue.job_view(slug, self.reader)
        job = view["job"]
        url = f"{self.site_url}/{view['url']}"
        crumbs = self.crumbs(*trail, (job.title, view["url"]))
        structured = [
            jobposting_jsonld(job, url=url, date_posted=view["date_posted"],
                              identifier=view["slug"], summary=view["seo"].get("summary"),
                              state=view["state"]),
            breadcrumbs_jsonld(crumbs),
        ]
        if faq := faq_jsonld(view["seo"].get("faq")):
            structured.append(faq)
        return self.render("job", view["url"], view=view,
                           related=self.rows(self.catalogue.related[slug]),
                           structured=structured, trail=crumbs, days=shown_days(view),
                           og_type="article", **page_tables(view))

    def listing(self, listing: Listing, page: ListingPage) -> str:
        crumbs = self.crumbs(*listing.trail, (listing.heading, listing.url))
        nav = {"number": page.number, "count": page.count, "prev": page.prev, "next": page.next}
        return self.render("listing", page.url, heading=listing.heading, intro=listing.intro,
                           rows=self.rows(page.jobs), nav=nav, feed_base=listing.url,
                           breadcrumbs=breadcrumbs_jsonld(crumbs), trail=crumbs)

    def index(self, index: GroupIndex) -> str:
        groups = [(g["url"], g["name"], len(g["jobs"]), g["full"]) for g in index.groups]
        return self.render("groups", index.url, heading=index.heading, groups=groups,
                           trail=self.crumbs((index.heading, index.url)))

    def home(self, sections: dict, groups: dict) -> str:
        shown = {k: self.rows(s) if isinstance(s, list) else s for k, s in sections.items()}
        return self.render("index", "", sections=shown, groups=groups)

    def not_found(self, latest: list[dict]) -> str:
        return self.render("404", "404.html", latest=self.rows(latest))
