"""MP PSC (table layout): the one notice of the home page's centre column, among menus.

The centre column's ``p.style8`` paragraphs hold the current notice PDFs (and a link to the
commission's beta website, which is not a notice); everything else is navigation.
"""

import re

from core.domain.urls import is_pdf
from crawlers.base import JobSpider
from crawlers.engines.file_dates import date_in_file_name
from crawlers.engines.notice_filter import is_job_notice

_KIND = re.compile(r"^(.+?)\s+-\s+(.+)$")


class MpMppscSpider(JobSpider):
    name = "mp_mppsc"
    organisation = "Madhya Pradesh Public Service Commission"
    state = "MP"
    category = "State PSC"
    start_urls = ["http://mppsc.nic.in/"]

    def parse(self, response):
        for link in self.links_in(response, response.css("p.style8")):
            if not is_pdf(link["url"]) or not is_job_notice(link["label"]):
                continue
            kind = _KIND.match(link["label"])
            yield self.make_job(
                response,
                source_url=link["url"],
                title=link["label"],
                notice_kind=kind.group(1) if kind else None,
                notice_date=date_in_file_name(link["url"]),
                links=[link],
                pdf_url=link["url"],
            )
