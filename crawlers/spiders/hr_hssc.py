"""Haryana SSC (ASP.NET): per-advertisement portal banners, a Results row, an Interviews row.

The banner strip links each advertisement to its own portal (``adv12018.hryssc.in``), with the
text only in the image's ``title``/``alt``. The interview calendar's month links are postbacks
and are ignored; rows without a link are keyed by page URL + fragment.
"""

import re

from core.domain.urls import absolute_url
from crawlers.base import JobSpider, clean_text
from crawlers.engines.aspnet import AspNetBoardMixin
from crawlers.engines.fragments import FragmentKeys
from crawlers.engines.notice_filter import is_job_notice

_ADVT = re.compile(r"\b(?:Advt\.?|Advertisement)\s*(?:No\.?)?\s*\d{1,2}\s*/\s*\d{4}", re.I)
_GENERIC = re.compile(r"^\s*apply\s+(?:job\s+)?online\s*$", re.I)


class HrHsscSpider(AspNetBoardMixin, JobSpider):
    name = "hr_hssc"
    organisation = "Haryana Staff Selection Commission"
    state = "HR"
    category = "State SSC"
    start_urls = ["http://hssc.gov.in/"]

    def parse(self, response):
        self.postback_count(response.css("table.calendar"))
        yield from self.banners(response)
        keys = FragmentKeys(response.url)
        for row in response.css(".resultBox li"):
            advt = clean_text(row.css(".resultTitle ::text").getall())
            title = clean_text(row.css("span[id$=lblPost] ::text").getall())
            yield self.make_job(response, source_url=keys.url(f"result {advt} {title}"),
                                title=title, advt_no=advt, notice_kind="Results")
        for row in response.css(".interveiwBox li"):
            title = clean_text(row.css("a[id$=lblInterview] ::text").getall())
            yield self.make_job(
                response, source_url=keys.url(f"interview {title}"), title=title,
                notice_date=clean_text(row.css("span[id$=lblPublishDate] ::text").getall()),
                advt_no=self.advt_in(title), notice_kind="Interviews/Corrigendum",
            )

    def banners(self, response):
        for anchor in response.css("div.latnews > a"):
            if "displayNone" in anchor.attrib.get("class", ""):
                continue  # withdrawn from the page, kept in its markup
            image = anchor.css("img")
            title = clean_text(image.attrib.get("title") or image.attrib.get("alt")
                               or anchor.attrib.get("title"))
            url = absolute_url(response.url, anchor.attrib.get("href"))
            if not url or not is_job_notice(title) or _GENERIC.match(title):
                continue
            yield self.make_job(response, source_url=url, title=title,
                                advt_no=self.advt_in(title, anchor.attrib.get("title")),
                                links=[{"label": title, "url": url}])

    @staticmethod
    def advt_in(*texts):
        for text in texts:
            if text and (match := _ADVT.search(text)):
                return clean_text(match.group(0))
        return None
