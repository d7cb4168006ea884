"""Tamil Nadu PSC: the "Latest News" ticker and the "What's New" marquee.

Both boxes repeat the same rank lists under URLs that differ only in case (``ResultGet`` /
``Resultget``; IIS does not care), so a notice is yielded once, from its first box.
"""

import re

from core.domain.urls import is_pdf
from crawlers.base import JobSpider, clean_text
from crawlers.engines.notice_filter import is_job_notice

_MARKER = re.compile(r"^[»\s]+")
_GUIDANCE = re.compile(r"\binstructions\s+to\s+(?:applicants|candidates)\b", re.I)
_KIND = re.compile(r"[\s-]*\b(Marks\s+and\s+Rank)$", re.I)


class TnTnpscSpider(JobSpider):
    name = "tn_tnpsc"
    organisation = "Tamil Nadu Public Service Commission"
    state = "TN"
    category = "State PSC"
    start_urls = ["http://tnpsc.gov.in/"]

    def parse(self, response):
        seen = set()
        for box in (response.css("ul#ticker01 li"), response.css("#vmarquee h2")):  # ticker first
            for row in box:
                link = next(iter(self.links_in(response, row)), None)
                if link is None:
                    continue
                title = _MARKER.sub("", clean_text(row.css("::text").getall())).rstrip(".")
                if not is_job_notice(title) or _GUIDANCE.search(title) or link["url"].lower() in seen:
                    continue
                seen.add(link["url"].lower())
                kind = _KIND.search(title)
                pdf = link["url"] if is_pdf(link["url"]) else None
                yield self.make_job(response, source_url=link["url"], title=title,
                                    notice_kind=kind.group(1) if kind else None,
                                    links=[{"label": title, "url": link["url"]}], pdf_url=pdf)
