"""Odisha SSC: "What is New" (``ul.list2``), ~280 rows that all link to ``archive.php``.

The link cannot be a notice's key, so each row gets ``archive.php#<title slug>``. Dates exist
only inside titles: the notice's own date follows "DT."/"Dtd." (outside an advertisement
reference, whose date belongs to ``advt_no``). Rows read "EXAM-YEAR: KIND".
"""

import re

from crawlers.base import JobSpider, clean_text
from crawlers.engines.fragments import FragmentKeys
from crawlers.engines.notice_filter import is_job_notice

_DATE = r"\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}"
_ADVT = re.compile(
    rf"\b(?:ADVT\.?|ADVERTISEMENT)\s*NO\.?\s*[-.]?\s*\d+\s*(?:/\s*OSSC\s*)?(?:/\s*)?(?:DT\.?|DTD\.?)?\s*(?:{_DATE})?",
    re.I,
)
_DATED = re.compile(rf"\b(?:DT|DTD)\b\s*[.\-]?\s*({_DATE})", re.I)
_KIND = re.compile(r":\s*([^:()]+)$")


class OdOsscSpider(JobSpider):
    name = "od_ossc"
    organisation = "Odisha Staff Selection Commission"
    state = "OD"
    category = "State SSC"
    start_urls = ["http://ossc.gov.in/"]

    def parse(self, response):
        rows = []
        for row in response.css("ul.list2 li"):
            title = clean_text(row.css("a ::text").getall())
            link = self.links_in(response, row)
            if link and is_job_notice(title):
                rows.append((title, link[0]["url"]))
        keys = FragmentKeys(rows[0][1]).urls([title for title, _ in rows]) if rows else []
        for (title, url), key in zip(rows, keys, strict=True):
            advt = _ADVT.search(title)
            outside = _ADVT.sub(" ", title)
            dated = _DATED.search(outside)
            kind = _KIND.search(title)
            yield self.make_job(
                response,
                source_url=key,
                title=title,
                notice_kind=clean_text(kind.group(1)) if kind else None,
                advt_no=clean_text(advt.group(0)) if advt else None,
                notice_date=clean_text(dated.group(1)) if dated else None,
                links=[{"label": title, "url": url}],
            )
