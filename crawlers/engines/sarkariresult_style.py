"""The sarkariresult-style home page: boxes of links under a heading (sarkariresult, rojgarresult).

Each box is a ``div#heading`` (or ``#heading2``) holding the box name in its first div, next to a
``div#post`` with one ``li`` per notice. Rows wrap the real link in an empty ``<a href="">``; some
carry a ``div#last`` line ("Last Date: 04 May 2018", "Form Start: …").
"""

from __future__ import annotations

import re

from crawlers.base import clean_text
from crawlers.engines.listing_filters import box_kind, is_job_row
from crawlers.engines.row_organisation import named_organisation

_LABELLED = re.compile(r"^\s*([^:]{2,40}?)\s*:\s*(.+)$")


class SarkariresultStyle:
    """Mixin for a JobSpider: ``parse`` yields one item per row of the job boxes."""

    source_kind = "aggregator"
    organisation = None  # the row names it (engines.row_organisation)
    skip_boxes: tuple[str, ...] = ()  # box names that hold no job notices on this site

    def parse(self, response):
        # Broken markup nests one box inside another, so a row belongs to the nearest heading
        # before it in document order, not to the box that contains it.
        for row in response.xpath("//div[@id='post']//li"):
            # the box name is the heading's first div (usually div#font; not always: Admit Card)
            heading = row.xpath("preceding::div[starts-with(@id, 'heading')][1]/div[1]//text()")
            name = clean_text(heading.getall())
            kind = None if name in self.skip_boxes else box_kind(name)
            if kind is None:
                self.crawler.stats.inc_value("jobs/skipped/not_a_job_box")
                continue
            item = self.row_item(response, row, kind)
            if item is not None:
                yield item

    def row_item(self, response, row, kind):
        links = self.links_in(response, row)  # the empty wrapper link has no URL and drops out
        if not links or not is_job_row(links[0]["label"]):
            return None
        dates = [
            f"{m[1]} : {m[2]}"
            for line in row.xpath(".//div[@id='last']")
            if (m := _LABELLED.match(clean_text(line.xpath(".//text()").getall())))
        ]
        return self.make_job(
            response,
            source_url=links[0]["url"],
            title=links[0]["label"],
            organisation=named_organisation(links[0]["label"]),
            notice_kind=kind,
            important_dates=dates,
            links=links[:1],
        )
