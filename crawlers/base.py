"""JobSpider: what every source spider shares — source metadata, make_job(), links, documents,
errors."""

from __future__ import annotations

import asyncio
import re

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from core import config
from core.domain.extract.document import failed_document
from core.domain.extract.reader import read_document
from core.domain.urls import absolute_url, is_pdf
from crawlers.items import RawJob
from crawlers.redirects import soft_redirect_target

_SPACE = re.compile(r"\s+")


def clean_text(parts) -> str:
    """Join text nodes and fold white space (including non-breaking spaces)."""
    if isinstance(parts, str):
        parts = [parts]
    return _SPACE.sub(" ", " ".join(p for p in parts if p).replace("\u00a0", " ")).strip()


MAX_UNDECODABLE_SHARE = 0.001


def undecodable_share(text: str) -> float:
    """Share of U+FFFD replacement characters: bytes the declared encoding could not decode."""
    return text.count("\ufffd") / len(text) if text else 0.0


class JobSpider(scrapy.Spider):
    """Base of every source spider. Subclasses set the metadata and write ``parse``."""

    organisation: str = ""
    department: str | None = None
    state: str | None = None
    category: str | None = None
    source_kind: str = "official"
    may_be_empty: bool = False
    start_urls: list[str] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._check_decoding, signal=signals.response_received)
        return spider

    def _check_decoding(self, response, request, spider):
        """Record a page whose bytes do not match its declared encoding (mojibake is not data)."""
        if spider is not self or not isinstance(response, TextResponse) or not response.body:
            return
        bad = undecodable_share(response.text)
        if bad > MAX_UNDECODABLE_SHARE:
            self.record_error(response.url,
                              f"encoding: {bad:.1%} of the text is undecodable as {response.encoding}")

    async def start(self):
        for url in self.start_urls:
            yield self.request(url, callback=self.parse)

    def request(self, url: str, callback=None, **kwargs) -> scrapy.Request:
        """A request whose failures are recorded against the source with their URL."""
        return scrapy.Request(url, callback=callback or self.parse, errback=self.on_error, **kwargs)

    def follow(self, response: Response, url: str, callback, **kwargs) -> scrapy.Request:
        kwargs.setdefault("errback", self.on_error)
        return response.follow(url, callback=callback, **kwargs)

    def follow_document(self, response: Response, url: str, item: RawJob) -> scrapy.Request:
        """Fetch a notice's document (its notification PDF or its detail page) and yield ``item``
        with the document read into ``item["documents"]``.

        The item is yielded whatever happens to the document (404, timeout, scan, legacy font,
        broken or encrypted file): the problem is kept in the document record and recorded
        against the source with the document's URL, and the item keeps what it had.
        """
        absolute = response.urljoin(url)
        if is_pdf(absolute):
            item.setdefault("pdf_url", absolute)
        # dont_filter: several notices may share one document and each must come back.
        return self.follow(response, url, callback=self._document_fetched, errback=self._document_failed,
                           cb_kwargs={"item": item}, dont_filter=True)

    async def _document_fetched(self, response: Response, item: RawJob):
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        # A 37-page notice takes seconds to read: off the reactor thread, so downloads go on.
        document = await asyncio.to_thread(read_document, response.body, response.url, content_type)
        item.setdefault("documents", []).append(document.to_record())
        if document.problem:
            what = "PDF" if document.kind == "pdf" else "detail page"
            self.record_error(response.url, f"{what} {document.problem}")
        yield item

    def _document_failed(self, failure: Failure):
        reason = self.on_error(failure)
        request = failure.request
        item = request.cb_kwargs["item"]
        kind = "pdf" if is_pdf(request.url) else "html"
        item.setdefault("documents", []).append(failed_document(request.url, kind, reason).to_record())
        yield item

    def on_error(self, failure: Failure) -> str:
        request = failure.request
        reason = failure.value.__class__.__name__
        response = getattr(failure.value, "response", None)
        if response is not None:
            reason = f"HTTP {response.status}"
        self.record_error(request.url, reason)
        return reason

    def record_error(self, url: str, reason: str) -> None:
        kind = re.sub(r"\W+", "_", reason.split()[0].lower()).strip("_") if reason.strip() else "unknown"
        self.crawler.stats.inc_value(f"jobs/error/{kind}")
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
            url = absolute_url(response.url, anchor.attrib.get("href"))
            label = clean_text(anchor.css("::text").getall())
            if url and label:
                links.append({"label": label, "url": url})
        return links
