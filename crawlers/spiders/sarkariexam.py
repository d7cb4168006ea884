"""sarkariexam.com home page (WordPress): ``div.list`` boxes under an ``h2``; detail + PDF per row.

The page carries the boxes twice (desktop and mobile layouts), so a row is kept once per
(detail page, kind). Some PDF links point at the typo host ``sarkariexaam.com``; the path is the
site's own WordPress uploads tree, so the host is repaired and the repair counted.
"""

import re

from core.domain.urls import absolute_url, is_pdf
from crawlers.base import JobSpider, clean_text
from crawlers.engines.listing_filters import is_job_row, row_kind
from crawlers.engines.row_organisation import named_organisation

TYPO_HOST = re.compile(r"^(https?://(?:www\.)?)sarkariexaam\.com/", re.I)


class SarkariexamSpider(JobSpider):
    name = "sarkariexam"
    organisation = None  # the row names it (engines.row_organisation)
    source_kind = "aggregator"
    start_urls = ["http://sarkariexam.com/"]
    # Here these boxes list citizen services (CCC, Rojgar Mela, scholarships, Khasra), not DV notices.
    skip_boxes = ("Document Verification", "Doc Verification")

    def parse(self, response):
        seen = set()
        for box in response.css("div.list"):
            heading = clean_text(box.css("h2 ::text").getall())
            for row in box.css("li"):
                item = self.row_item(response, heading, row)
                if item is None or (item["source_url"], item["notice_kind"]) in seen:
                    continue
                seen.add((item["source_url"], item["notice_kind"]))
                yield item

    def row_item(self, response, heading, row):
        detail = absolute_url(response.url, row.css("a.postnew-left::attr(href)").get())
        # the "New" marker is a <sup> inside the link
        title = clean_text(row.css("a.postnew-left ::text").getall()[:1] + row.css(
            "a.postnew-left > :not(sup)::text").getall())
        kind = None if heading in self.skip_boxes else row_kind(heading, title)
        if not detail or not kind or "/category/" in detail or not is_job_row(title):
            return None
        pdf = self.repaired(absolute_url(response.url, row.css("a.postnew-right::attr(href)").get()))
        pdf = pdf if is_pdf(pdf) else None
        links = [{"label": title, "url": detail}]
        if pdf:
            links.append({"label": "Notification PDF", "url": pdf})
        return self.make_job(
            response,
            source_url=detail,
            title=title,
            organisation=named_organisation(title),
            notice_kind=kind,
            links=links,
            pdf_url=pdf,
        )

    def repaired(self, url):
        if url and TYPO_HOST.match(url):
            self.crawler.stats.inc_value("jobs/repaired/typo_host")
            return TYPO_HOST.sub(r"\1sarkariexam.com/", url)
        return url
