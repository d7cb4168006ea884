"""ASP.NET WebForms boards (UPSSSC, HSSC, OPSC): postback links and rows without a real URL.

``javascript:__doPostBack('ctl00$…','')`` only works by re-posting the page's ``__VIEWSTATE``;
it never names a document, so it must never become a link. A row whose only link is a postback
(or that has no link at all) is keyed by the page URL plus a fragment made from its own text.
"""

from __future__ import annotations

import re

_POSTBACK = re.compile(r"^\s*javascript:\s*(?:WebForm_DoPostBackWithOptions|__doPostBack)\b", re.I)


def is_postback(href: str | None) -> bool:
    return bool(href) and bool(_POSTBACK.match(href))


class AspNetBoardMixin:
    """For a JobSpider: count the postback links a board offers (they are never followed)."""

    def postback_count(self, selector) -> int:
        """How many postback anchors ``selector`` holds; counted in ``jobs/skipped/postback``."""
        count = sum(1 for href in selector.css("a::attr(href)").getall() if is_postback(href))
        if count:
            self.crawler.stats.inc_value("jobs/skipped/postback", count)
        return count
