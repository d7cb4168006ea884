"""UP SSSC (ASP.NET, Hindi + English): "Important News and Alerts" and "Results / Impt. Declarations".

Each row is a ``<td title="…">`` with one link and a "Visible upto :23/04/2018'" line (the stray
quote is the site's): that line is the notice's expiry, passed on raw. Titles stay in the
language the board wrote them in (Hindi or English).
"""

import re

from crawlers.base import JobSpider, clean_text

_VISIBLE = re.compile(r"Visible\s+upto\s*:\s*(.+)", re.I)
_SERIAL = re.compile(r"^\d+\s*-\s*")
_ADVT = re.compile(r"(?:विज्ञापन\s+संख्या|Advt\.?\s*No\.?)\s*[^/]{0,20}/\s*\d{4}", re.I)


class UpUpssscSpider(JobSpider):
    name = "up_upsssc"
    organisation = "Uttar Pradesh Subordinate Services Selection Commission"
    state = "UP"
    category = "State SSC"
    start_urls = ["http://upsssc.gov.in/"]

    def parse(self, response):
        boxes = {
            "Important News and Alerts": response.css("#Panel1 td[title]"),
            "Results / Impt. Declarations": response.xpath(
                "//div[@class='contact'][.//h2[contains(., 'Results')]]//td[@title]"),
        }
        for kind, cells in boxes.items():
            for cell in cells:
                links = self.links_in(response, cell)
                if links:
                    yield self.notice(response, cell, links[0], kind)

    def notice(self, response, cell, link, kind):
        title = _SERIAL.sub("", link["label"])
        visible = _VISIBLE.search(clean_text(cell.css("::text").getall()))
        advt = _ADVT.search(title)
        return self.make_job(
            response,
            source_url=link["url"],
            title=title,
            summary=clean_text(cell.attrib.get("title")) or None,
            notice_kind=kind,
            expires=visible.group(1) if visible else None,
            advt_no=clean_text(advt.group(0)) if advt else None,
            links=[{"label": title, "url": link["url"]}],
        )
