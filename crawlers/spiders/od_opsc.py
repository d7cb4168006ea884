"""Odisha PSC (ASP.NET): "What's New" rows (``#div_all_data li``).

The date is split over three spans (day in ``span.month``, month in ``span.Date``, year in
``span.year``); the advertisement number sits in the title; the "View Pdf" buttons are
``javascript:__doPostBack(…)`` and never become links, so a row is keyed by page URL +
fragment. The capture is UTF-16LE with a BOM (the BOM decides the decoding).
"""

import re

from crawlers.base import JobSpider, clean_text
from crawlers.engines.aspnet import AspNetBoardMixin
from crawlers.engines.fragments import FragmentKeys
from crawlers.engines.notice_filter import is_job_notice

_ADVT = re.compile(r"\bAdvt\.?\s*No\.?\s*\d{1,3}\s*(?:of|/)\s*\d{4}(?:\s*-\s*\d{2,4})?", re.I)
_KIND = re.compile(r"\)\s+-\s+(.+)$")


class OdOpscSpider(AspNetBoardMixin, JobSpider):
    name = "od_opsc"
    organisation = "Odisha Public Service Commission"
    state = "OD"
    category = "State PSC"
    start_urls = ["https://www.opsc.gov.in/"]

    def parse(self, response):
        board = response.css("#div_all_data")
        self.postback_count(board)
        rows = []
        for row in board.css("li"):
            title = clean_text(row.css(".content_title ::text").getall())
            if not is_job_notice(title):
                continue
            day, month, year = (clean_text(row.css(f".datebox span.{cls} ::text").getall())
                                for cls in ("month", "Date", "year"))
            rows.append((title, clean_text([day, month, year]), row))
        keys = FragmentKeys(response.url).urls([f"{date} {title}" for title, date, _ in rows])
        for (title, date, row), key in zip(rows, keys, strict=True):
            advt, kind = _ADVT.search(title), _KIND.search(title)
            yield self.make_job(
                response,
                source_url=key,
                title=title,
                notice_date=date or None,
                advt_no=clean_text(advt.group(0)) if advt else None,
                notice_kind=clean_text(kind.group(1)) if kind else None,
                links=self.links_in(response, row),  # postback buttons yield none
            )
