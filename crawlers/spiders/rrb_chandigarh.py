"""RRB Chandigarh's notice table (DATE / SUBJECT): broken markup, rows without links, CEN numbers."""

from core.domain.urls import is_pdf
from crawlers.base import JobSpider, clean_text

MAX_TITLE = 220


class RrbChandigarhSpider(JobSpider):
    name = "rrb_chandigarh"
    organisation = "Railway Recruitment Board"
    department = "RRB Chandigarh"
    category = "Railway"
    start_urls = ["http://rrbcdg.gov.in/"]

    def parse(self, response):
        for row in response.xpath("//tr[td]"):
            cells = row.xpath("./td")
            if len(cells) < 2:
                continue
            date = clean_text(cells[0].css("::text").getall())
            subject = cells[1]
            text = clean_text(subject.css("::text").getall())
            if not text:
                continue
            links = self.links_in(response, subject)
            heading = clean_text(subject.css("a::text, span::text").getall()) or text
            title = heading if len(heading) <= MAX_TITLE else heading[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
            yield self.make_job(
                response,
                source_url=links[0]["url"] if links else response.url,
                title=title,
                notice_date=date,
                body_text=text if text != title else None,
                links=links,
                pdf_url=next((lk["url"] for lk in links if is_pdf(lk["url"])), None),
            )
