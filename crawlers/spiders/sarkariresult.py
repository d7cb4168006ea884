"""sarkariresult.com home page: Result, Admit Card, Latest Jobs and Answer Key boxes."""

from crawlers.base import JobSpider
from crawlers.engines.sarkariresult_style import SarkariresultStyle


class SarkariresultSpider(SarkariresultStyle, JobSpider):
    name = "sarkariresult"
    start_urls = ["http://www.sarkariresult.com/"]
