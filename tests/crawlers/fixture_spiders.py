"""Spiders for the test fixtures only; loaded with ``-s SPIDER_MODULES=tests.crawlers.fixture_spiders``
(never from crawlers/spiders, so neither the daily flow nor `scrapy list` sees them)."""

from core.domain.urls import is_pdf
from crawlers.base import JobSpider, clean_text


class FixturePagesSpider(JobSpider):
    """Crawls ``-a urls=URL[,URL…]``: follows soft redirects and notice PDFs, one item per page
    (its title) or per notice link."""

    name = "fixture_pages"
    organisation = "Fixture Board"

    def __init__(self, urls: str = "", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [u for u in urls.split(",") if u]

    def parse(self, response):
        redirect = self.soft_redirect(response)
        if redirect is not None:
            yield redirect
            return
        notices = self.links_in(response, response.css("ul.notices"))
        for link in notices:
            item = self.make_job(response, title=link["label"], source_url=link["url"],
                                 links=[link])
            if is_pdf(link["url"]):
                yield self.follow_document(response, link["url"], item)
            else:
                yield item
        if not notices:
            title = clean_text(response.css("title::text").getall())
            yield self.make_job(response, title=title or response.url)


class FixtureSilentSpider(JobSpider):
    """A source whose page answers but holds nothing: zero items."""

    name = "fixture_silent"
    organisation = "Fixture Board"
    start_urls = ["http://bad-input.example/error.html"]

    def parse(self, response):
        return []


class FixtureQuietSpider(FixtureSilentSpider):
    name = "fixture_quiet"
    may_be_empty = True
    start_urls = ["http://bad-input.example/whole.html"]
