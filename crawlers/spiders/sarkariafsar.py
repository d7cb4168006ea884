"""A sarkariresult-style aggregator's detail posts, served as a JSON feed, split into sections."""

import json

from core.domain.fields.aggregator_post import post_to_raw
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
            # The same conversion serves `jobs normalise FILE`, so both read a post alike.
            yield self.make_job(response, **post_to_raw(post, response.url))
