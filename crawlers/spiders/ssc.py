"""Staff Selection Commission: an empty GWT shell, the notice rows are drawn by JavaScript."""

import re

from scrapy_playwright.page import PageMethod

from core.domain.urls import is_pdf
from crawlers.base import JobSpider, clean_text
from crawlers.engines.browser import PLAYWRIGHT_HANDLERS, BrowserEngine

ROWS = "table.latestNews tr.notice"
# Only notifications carry the facts (dates, fees, posts); result and admit-card PDFs are lists
# of roll numbers, so they are linked but not fetched.
FETCH_PDF = re.compile(r"^notice|notification|advertisement", re.I)


class SscSpider(BrowserEngine, JobSpider):
    name = "ssc"
    organisation = "Staff Selection Commission"
    category = "SSC"
    start_urls = ["http://ssc.nic.in/"]
    custom_settings = {
        "DOWNLOAD_HANDLERS": PLAYWRIGHT_HANDLERS,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "DOWNLOADER_MIDDLEWARES": {"crawlers.engines.browser.ReplayProxyMiddleware": 740},
        "PLAYWRIGHT_ABORT_REQUEST": "crawlers.engines.browser.skip_static",
    }

    async def start(self):
        for url in self.start_urls:
            yield self.request(url, meta={
                "playwright": True,
                "playwright_page_methods": [PageMethod("wait_for_selector", ROWS, timeout=15000)],
            })

    def parse(self, response):
        for row in response.css(ROWS):
            cells = row.css("td")
            links = self.links_in(response, row)
            if len(cells) < 3 or not links:
                continue
            kind = clean_text(cells[1].css("::text").getall())
            url = links[0]["url"]
            item = self.make_job(
                response,
                source_url=url,
                title=links[0]["label"],
                notice_kind=kind or None,
                notice_date=clean_text(cells[0].css("::text").getall()) or None,
                links=links,
                pdf_url=url if is_pdf(url) else None,
            )
            if item.get("pdf_url") and FETCH_PDF.search(kind):
                yield self.follow_document(response, url, item)
            else:
                yield item
