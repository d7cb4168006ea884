"""Join Indian Navy: "What's New" (titles without links) and Current Events; an almost empty board.

What's New rows have no link, so each gets the page URL with a fragment made from its title.
``may_be_empty``: the board itself shows "No Records Found" when there is nothing, and the few
rows it carries are often advisories, so a day with no notices is a real state, not a failure.
"""

import re

from slugify import slugify

from crawlers.base import JobSpider, clean_text

# A notice names a batch, an entry, a post or a stage; advisories ("update your Aadhaar…") do not.
NOTICE = re.compile(r"batch|entry|recruit|merit|call[- ]up|admit|result|appointment|sailor|officer", re.I)
KINDS = [("Appointment Letter", re.compile(r"appointment\s+letter", re.I)),
         ("Admit Card", re.compile(r"call[- ]up", re.I)),
         ("Merit List", re.compile(r"merit\s+list", re.I)),
         ("Result", re.compile(r"result", re.I))]


class NavySpider(JobSpider):
    name = "navy"
    organisation = "Indian Navy"
    category = "Defence"
    may_be_empty = True
    start_urls = ["http://joinindiannavy.gov.in/"]

    def parse(self, response):
        for row in response.css("ul#js-news li"):
            title = clean_text(row.css("::text").getall())
            if NOTICE.search(title):
                yield self.notice(response, title, source_url=f"{response.url}#{slugify(title)}")
        for row in response.css("#tabview_current ul.activityTicker li"):
            links = self.links_in(response, row)
            if links and NOTICE.search(links[0]["label"]):
                yield self.notice(response, links[0]["label"], source_url=links[0]["url"],
                                  notice_date=clean_text(row.css("span.date::text").getall()),
                                  links=links)

    def notice(self, response, title, **fields):
        kind = next((k for k, p in KINDS if p.search(title)), None)
        return self.make_job(response, title=title, notice_kind=kind, **fields)
