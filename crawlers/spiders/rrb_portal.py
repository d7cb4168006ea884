"""RRB application portal (CEN 02/2018): one notice, its Important Dates table and its PDFs."""

from core.domain.urls import is_pdf
from crawlers.base import JobSpider, clean_text


class RrbPortalSpider(JobSpider):
    name = "rrb_portal"
    organisation = "Railway Recruitment Board"
    category = "Railway"
    start_urls = ["http://www.rrbonlinereg.com/"]

    def parse(self, response):
        title = clean_text(response.css("div.header h2 span::text").getall()[-1:])
        notice = response.css("div.notice")
        links = self.links_in(response, notice)
        links += [lk for lk in self.links_in(response, response.css("div.sidebar"))
                  if "registration" in lk["label"].lower()][:1]
        cen = next((lk for lk in links if is_pdf(lk["url"])), None)
        yield self.make_job(
            response,
            title=title,
            notice_kind="Online Registration",
            advt_no=cen["label"] if cen else None,
            summary=clean_text(response.css("div.scroll-updates marquee::text").getall()) or None,
            important_dates=important_dates(response.css("div.box-content table tr")),
            links=links,
            pdf_url=cen["url"] if cen else None,
        )


def important_dates(rows) -> list[str]:
    """``Label : value`` lines; a one-cell heading row prefixes the rows under it.

    The portal lists the fee-payment deadline once per payment channel under a heading row.
    """
    lines, heading = [], ""
    for row in rows:
        cells = [clean_text(td.css("::text").getall()) for td in row.css("td")]
        if len(cells) == 1:
            heading = cells[0]
        elif len(cells) >= 2 and cells[0] and cells[1]:
            label = f"{heading} – {cells[0]}" if heading else cells[0]
            lines.append(f"{label.replace(':', ' ')} : {cells[1]}")
    return lines
