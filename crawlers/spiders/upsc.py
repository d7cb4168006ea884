"""UPSC "What's New" (Drupal 7 view): result, interview and advertisement notices."""

from crawlers.base import JobSpider, clean_text


class UpscSpider(JobSpider):
    name = "upsc"
    organisation = "Union Public Service Commission"
    category = "UPSC"
    start_urls = ["http://upsc.gov.in/"]

    def parse(self, response):
        for row in response.css("div.view-what-new .views-row"):
            links = self.links_in(response, row)
            if not links:
                continue
            text = links[0]["label"]
            kind, sep, subject = text.partition(":")
            advt = clean_text(row.css(".views-field-field-advertisement-number ::text").getall())
            yield self.make_job(
                response,
                source_url=links[0]["url"],
                title=subject.strip() if sep else text,
                notice_kind=kind.strip() if sep else None,
                advt_no=advt or None,
                links=links,
            )
