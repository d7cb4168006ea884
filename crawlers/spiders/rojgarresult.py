"""rojgarresult.com home page (sarkariresult-style boxes; rows with "Last Date"/"Form Start")."""

from crawlers.base import JobSpider
from crawlers.engines.sarkariresult_style import SarkariresultStyle


class RojgarresultSpider(SarkariresultStyle, JobSpider):
    name = "rojgarresult"
    start_urls = ["http://rojgarresult.com/"]
    # Here this box lists citizen services (CCC course, Rojgar Panjiyan, PAN, Aadhaar), not DV notices.
    skip_boxes = ("Document Verification",)
