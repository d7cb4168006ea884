"""sarkarinaukridaily.in home page (WordPress): the ``article.post`` rows of the latest posts.

Each article is left unclosed, so every row contains all the rows after it; only the article's
own children are read. The slider above repeats 12 of the rows and is ignored. Titles read
"OAVS Recruitment 2018 – Odisha Adarsha Vidyalaya Sangathan – 1544 TGT … Vacancy – Last Date
10 April": the second part names the organisation, the last the closing date.
"""

import re
from datetime import datetime

from core.domain.fields.organisations import canonical_organisation
from crawlers.base import JobSpider, clean_text
from crawlers.engines.listing_filters import is_job_row, title_kind
from crawlers.engines.row_organisation import named_organisation

OWN = "./div[contains(@class, 'post-right')]"
NOT_JOBS = {"category-top-current-affairs", "category-certificate-verification"}
KIND_CLASSES = {"category-answer-key": "Answer Key", "category-admit-card": "Admit Card",
                "category-result": "Result"}
# WordPress category class → the category field, most specific first
CATEGORY_CLASSES = [("railway-jobs", "Railway"), ("bank-jobs", "Bank"), ("defence-jobs", "Defence"),
                    ("police-jobs", "Police"), ("faculty-teaching", "Teaching"),
                    ("medical-pharma", "Medical"), ("scientist-research", "Research"),
                    ("engineering-jobs", "Engineering")]
STATE_CLASSES = {"jobs-in-orissa": "OD", "jobs-in-west-bengal": "WB", "jobs-in-jammu-and-kashmir": "JK",
                 "jobs-in-arunachal-pradesh": "AR", "jobs-in-kerala": "KL", "jobs-in-maharashtra": "MH",
                 "jobs-in-uttarakhand": "UK", "jobs-in-uttar-pradesh": "UP", "jobs-in-haryana": "HR"}
RECRUITMENT_OF = re.compile(r"\bRecruitment\s+\d{4}$", re.I)
DEADLINE = re.compile(r"^(Last\s+Date|Walk[- ]in[- ]Interview)\s+(.+)$", re.I)


class SarkarinaukridailySpider(JobSpider):
    name = "sarkarinaukridaily"
    organisation = None  # the row names it
    source_kind = "aggregator"
    start_urls = ["http://sarkarinaukridaily.in/"]

    def parse(self, response):
        for article in response.css("article.post"):
            classes = set(article.attrib.get("class", "").split())
            link = article.xpath(f"{OWN}/h2[contains(@class, 'post-title')]/a")
            title = clean_text(link.xpath(".//text()").getall())
            url = self.links_in(response, link.xpath(".."))
            if not url or classes & NOT_JOBS or not is_job_row(title):
                continue
            parts = [p.strip() for p in title.split(" – ")]
            posted = clean_text(article.xpath(f"{OWN}/div[contains(@class, 'post-meta')]"
                                              "/span[contains(@class, 'post-time')]//text()").getall())
            kind = next((KIND_CLASSES[c] for c in classes if c in KIND_CLASSES), None)
            yield self.make_job(
                response,
                source_url=url[0]["url"],
                title=title,
                organisation=row_organisation(parts),
                category=next((cat for cls, cat in CATEGORY_CLASSES if f"category-{cls}" in classes), None),
                state=next((st for cls, st in STATE_CLASSES.items() if f"category-{cls}" in classes), None),
                notice_kind=kind or title_kind(title),
                notice_date=posted,
                summary=clean_text(article.xpath(f"{OWN}/div[contains(@class, 'post-content')]"
                                                 "/text()").getall()) or None,
                important_dates=[f"{m[1]} : {with_year(m[2], posted)}"
                                 for p in parts[1:] if (m := DEADLINE.match(p))],
                links=url[:1],
            )


def with_year(day_month: str, posted: str) -> str:
    """"10 April" → "10 April 2018": titles give the deadline without its year; the post's date
    ("19 Mar 2018 4:32 PM") supplies it (the next year when the day is already past)."""
    try:
        when = datetime.strptime(day_month.strip(), "%d %B")
        post = datetime.strptime(" ".join(posted.split()[:3]), "%d %b %Y")
    except ValueError:
        return day_month  # "15 Days from the Date of Publication", or no readable post date
    year = post.year + ((when.month, when.day) < (post.month, post.day))
    return f"{day_month.strip()} {year}"


def row_organisation(parts: list[str]) -> str | None:
    """"X Recruitment 2018 – <organisation> – …" names it second; otherwise it leads the title."""
    title = " – ".join(parts)
    if canonical_organisation(title):
        return None  # the normaliser knows it
    if len(parts) >= 3 and RECRUITMENT_OF.search(parts[0]) and not any(c.isdigit() for c in parts[1]):
        return parts[1]
    return named_organisation(title)
