"""A sarkariresult-style aggregator's detail posts, served as a JSON feed, split into sections."""

import json

from slugify import slugify

from crawlers.base import JobSpider


class SarkariafsarSpider(JobSpider):
    name = "sarkariafsar"
    organisation = None  # each post names its own organisation; the normaliser finds it
    source_kind = "aggregator"
    start_urls = ["https://www.sarkariafsar.com/feed/posts.json"]

    def parse(self, response):
        try:
            feed = json.loads(response.text)
        except ValueError as exc:
            self.record_error(response.url, f"broken JSON feed: {exc}")
            return
        for post in feed.get("jobs", []):
            tables = [
                {"headers": t.get("headers", []), "rows": t.get("rows", [])}
                for t in post.get("vacancyDetails", [])
            ]
            yield self.make_job(
                response,
                source_url=f"{response.url}#{slugify(post.get('title') or '')}",
                title=post.get("title"),
                summary=post.get("shortInfo"),
                important_dates=post.get("importantDates", []),
                application_fee=post.get("applicationFee", []),
                age_limit=post.get("ageLimit", []),
                vacancy_tables=tables,
                other_details=post.get("otherDetails", []),
                links=[
                    {"label": link.get("label"), "url": link.get("url")}
                    for link in post.get("importantLinks", [])
                    if link.get("url")
                ],
            )
