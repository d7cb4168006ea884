"""Assam PSC: the "Latest Updates" marquee of PDF notices.

A notice's date exists only in its file name (``Advt_06_2018_17_March_2018.pdf``); hrefs carry
raw spaces (``Notification_CCM_19 Jan_18.pdf``). Rows read "Kind: subject" or
"Advertisement No. 06/2018 : subject"; the page declares iso-8859-1.
"""

import re

from core.domain.urls import is_pdf
from crawlers.base import JobSpider, clean_text
from crawlers.engines.charset import true_charset_response
from crawlers.engines.file_dates import date_in_file_name
from crawlers.engines.notice_filter import is_job_notice

_ADVT = re.compile(r"^(Advertisement\s+No\.?\s*\d{1,2}\s*/\s*\d{4})\s*:?\s*(.*)$", re.I)
_KIND = re.compile(r"^([A-Z][A-Za-z-]+)\s*:\s*(.+)$")


class AsApscSpider(JobSpider):
    name = "as_apsc"
    organisation = "Assam Public Service Commission"
    state = "AS"
    category = "State PSC"
    start_urls = ["http://apsc.nic.in/"]

    def parse(self, response):
        response = true_charset_response(response)
        for row in response.css("marquee p"):
            links = self.links_in(response, row)
            if not links or not is_job_notice(links[0]["label"]):
                continue
            text, url = links[0]["label"], links[0]["url"]
            advt, kind, title = None, None, text
            if match := _ADVT.match(text):
                advt, kind, title = clean_text(match[1]), "Advertisement", match[2] or text
            elif match := _KIND.match(text):
                kind, title = match[1], match[2]
            yield self.make_job(
                response,
                source_url=url,
                title=clean_text(title),
                notice_kind=kind,
                advt_no=advt,
                notice_date=date_in_file_name(url),
                links=[{"label": text, "url": url}],
                pdf_url=url if is_pdf(url) else None,
            )
