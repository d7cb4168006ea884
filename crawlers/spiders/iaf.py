"""Indian Air Force (Drupal): the "What's New" ticker, recruitment items only; dates from Events."""

import re

from core.domain.urls import absolute_url
from crawlers.base import JobSpider, clean_text

# What's New mixes recruitment with pensioner notices, rescue operations and honours.
RECRUITMENT = re.compile(r"recruit|career|employment|vacanc|airmen|afcat|admit|result|selection", re.I)
KINDS = [("Recruitment", re.compile(r"recruit|career|vacanc", re.I)),
         ("Employment seminar", re.compile(r"employment\s+seminar", re.I)),
         ("Admit Card", re.compile(r"admit", re.I)), ("Result", re.compile(r"result|selection", re.I))]


class IafSpider(JobSpider):
    name = "iaf"
    organisation = "Indian Air Force"
    category = "Defence"
    start_urls = ["http://indianairforce.nic.in/"]

    def parse(self, response):
        dates = event_dates(response)
        for link in self.links_in(response, response.css("div.view-what-s-new ul#js-news li")):
            if not RECRUITMENT.search(link["label"]):
                continue
            yield self.make_job(
                response,
                source_url=link["url"],
                title=link["label"],
                notice_kind=next((k for k, p in KINDS if p.search(link["label"])), None),
                notice_date=dates.get(link["url"]),
                links=[link],
            )


def event_dates(response) -> dict[str, str]:
    """URL → "04 Aug 2016" from the Events and Press Release tickers (day-month and year are split)."""
    dates = {}
    for row in response.css("ul.activityTicker li"):
        # the same URL links_in gives the What's New link, so that the two meet
        url = absolute_url(response.url, row.css(".news-contnt a::attr(href)").get())
        if url:
            dates.setdefault(url, clean_text(row.css(".calendrIcon ::text").getall()))
    return dates
