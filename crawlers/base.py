"""JobSpider: what every source spider shares — source metadata, make_job(), links, errors."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.items import RawJob
from crawlers.redirects import soft_redirect_target
from jobcore import config

_JS_LINK = re.compile(r"^\s*(javascript|mailto|tel|data|vbscript):", re.I)
_SPACE = re.compile(r"\s+")


def clean_text(parts) -> str:
    """Join text nodes and fold white space (including non-breaking spaces)."""
    if isinstance(parts, str):
        parts = [parts]
    return _SPACE.sub(" ", " ".join(p for p in parts if p).replace("\u00a0", " ")).strip()


def absolute_link(response: Response, href: str | None) -> str | None:
    """An absolute http(s) URL for a scraped href, or None for empty, script and mail links.

    Real boards write ``_http://…``, hrefs with spaces and empty hrefs; all are handled here.
    """
    if href is None:
        return None
    href = href.strip().strip("'\"")
    if not href or href == "#" or _JS_LINK.match(href):
        return None
    href = re.sub(r"^_+(https?://)", r"\1", href)
    url = urljoin(response.url, href.replace(" ", "%20"))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


class JobSpider(scrapy.Spider):
    """Base of every source spider. Subclasses set the metadata and write ``parse``."""

    organisation: str = ""
    department: str | None = None
    state: str | None = None
    category: str | None = None
    source_kind: str = "official"
    may_be_empty: bool = False
    start_urls: list[str] = []

    async def start(self):
        for url in self.start_urls:
            yield self.request(url, callback=self.parse)

    def request(self, url: str, callback=None, **kwargs) -> scrapy.Request:
        """A request whose failures are recorded against the source with their URL."""
        return scrapy.Request(url, callback=callback or self.parse, errback=self.on_error, **kwargs)

    def follow(self, response: Response, url: str, callback, **kwargs) -> scrapy.Request:
        return response.follow(url, callback=callback, errback=self.on_error, **kwargs)

    def on_error(self, failure: Failure):
        request = failure.request
        reason = failure.value.__class__.__name__
        response = getattr(failure.value, "response", None)
        if response is not None:
            reason = f"HTTP {response.status}"
        self.record_error(request.url, reason)

    def record_error(self, url: str, reason: str) -> None:
        self.crawler.stats.inc_value(f"jobs/error/{reason.split()[0].lower()}")
        errors = self.crawler.stats.get_value("jobs/error_log") or []
        errors.append({"url": url, "reason": reason})
        self.crawler.stats.set_value("jobs/error_log", errors)
        self.logger.error("%s: %s (%s)", self.name, reason, url)

    def soft_redirect(self, response: Response) -> scrapy.Request | None:
        """Follow a meta refresh, a JavaScript location change or an IIS 'Object moved' body."""
        target = soft_redirect_target(response)
        if target is None:
            return None
        self.crawler.stats.inc_value("jobs/redirect/soft")
        return self.follow(response, target, callback=response.request.callback or self.parse,
                           cb_kwargs=response.request.cb_kwargs)

    def make_job(self, response: Response, **fields) -> RawJob:
        """A RawJob with this source's metadata; ``fields`` are raw texts and absolute URLs."""
        values = {
            "source": self.name,
            "source_kind": self.source_kind,
            "source_url": fields.pop("source_url", None) or response.url,
            "organisation": fields.pop("organisation", None) or self.organisation,
            "department": fields.pop("department", None) or self.department,
            "state": fields.pop("state", None) or self.state,
            "category": fields.pop("category", None) or self.category,
            "scraped_at": config.today().isoformat(),
            **fields,
        }
        return RawJob(**{k: v for k, v in values.items() if v not in (None, "", [])})

    def links_in(self, response: Response, selector) -> list[dict]:
        """Every usable link inside ``selector`` as ``{"label", "url"}``."""
        links = []
        for anchor in selector.css("a"):
            url = absolute_link(response, anchor.attrib.get("href"))
            label = clean_text(anchor.css("::text").getall())
            if url and label:
                links.append({"label": label, "url": url})
        return links
