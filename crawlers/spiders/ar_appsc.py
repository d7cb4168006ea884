"""Arunachal Pradesh PSC (FrontPage): the live NOTICE column of the home page.

About 150 older notices sit inside HTML comments: the HTML parser drops comments, so they are
never seen (the test counts them). The page declares windows-1252 but its bytes are UTF-8.
"""

import re

from core.domain.urls import is_pdf
from crawlers.base import JobSpider, clean_text
from crawlers.engines.charset import true_charset_response
from crawlers.engines.file_dates import date_in_file_name
from crawlers.engines.notice_filter import is_job_notice

_KIND = re.compile(
    r"\b(Advertisement|(?:Written\s+)?Result\s+Notification|Notification|Accepted\s+List|"
    r"Addendum|Order|Syllabus)\b",
    re.I,
)


class ArAppscSpider(JobSpider):
    name = "ar_appsc"
    organisation = "Arunachal Pradesh Public Service Commission"
    state = "AR"
    category = "State PSC"
    start_urls = ["http://appsc.gov.in/"]

    def parse(self, response):
        response = true_charset_response(response)
        column = response.xpath("//td[.//a[@href='photogallery.htm']]")
        for row in column.xpath(".//p[@align='left'][a]"):
            links = self.links_in(response, row)
            if not links or not is_job_notice(links[0]["label"]):
                continue
            notice = links[0]
            kind = _KIND.search(notice["label"])
            yield self.make_job(
                response,
                source_url=notice["url"],
                title=clean_text(notice["label"]),
                notice_date=date_in_file_name(notice["url"]),
                notice_kind=kind.group(1) if kind else None,
                links=links,
                pdf_url=notice["url"] if is_pdf(notice["url"]) else None,
            )
