"""RSS 2.0 and Atom feeds and an iCalendar of last dates; every date comes from the data."""

from __future__ import annotations

import datetime as dt
import functools
import re
from xml.sax.saxutils import escape, quoteattr

FEED_ENTRIES = 30
_DAY = dt.timedelta(days=1)
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value) -> str:
    return escape(_XML_INVALID.sub("", str(value or "")))


def _rfc822(day: str) -> str:
    d = dt.date.fromisoformat(day[:10])
    return d.strftime("%a, %d %b %Y 00:00:00 +0530")


def _entries(views: list[dict]) -> list[dict]:
    return views[:FEED_ENTRIES]


def _summary(view: dict) -> str:
    return view["seo"].get("description") or view["job"].title


def rss_xml(site_url: str, title: str, page_url: str, views: list[dict]) -> str:
    entries = _entries(views)
    updated = max((v["lastmod"] for v in entries), default="1970-01-01")
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
           f"<title>{xml_text(title)}</title>",
           f"<link>{xml_text(f'{site_url}/{page_url}')}</link>",
           f"<atom:link href={quoteattr(f'{site_url}/{page_url}feed.xml')} rel=\"self\" type=\"application/rss+xml\"/>",
           f"<description>{xml_text(title)}</description>",
           f"<lastBuildDate>{_rfc822(updated)}</lastBuildDate>"]
    for v in entries:
        link = f"{site_url}/{v['url']}"
        out.append(
            f"<item><title>{xml_text(v['job'].title)}</title><link>{xml_text(link)}</link>"
            f"<guid isPermaLink=\"true\">{xml_text(link)}</guid>"
            f"<pubDate>{_rfc822(v['lastmod'])}</pubDate>"
            f"<category>{xml_text(v['stage_label'])}</category>"
            f"<description>{xml_text(_summary(v))}</description></item>")
    out.append("</channel></rss>")
    return "\n".join(out) + "\n"


def atom_xml(site_url: str, title: str, page_url: str, views: list[dict]) -> str:
    entries = _entries(views)
    updated = max((v["lastmod"] for v in entries), default="1970-01-01")
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{xml_text(title)}</title>",
           f"<id>{xml_text(f'{site_url}/{page_url}')}</id>",
           f"<link href={quoteattr(f'{site_url}/{page_url}')}/>",
           f"<link rel=\"self\" href={quoteattr(f'{site_url}/{page_url}atom.xml')}/>",
           f"<updated>{updated[:10]}T00:00:00+05:30</updated>"]
    for v in entries:
        link = f"{site_url}/{v['url']}"
        out.append(
            f"<entry><title>{xml_text(v['job'].title)}</title><id>{xml_text(link)}</id>"
            f"<link href={quoteattr(link)}/><updated>{v['lastmod'][:10]}T00:00:00+05:30</updated>"
            f"<author><name>{xml_text(v['job'].organisation)}</name></author>"
            f"<summary>{xml_text(_summary(v))}</summary></entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"


def _ics_text(value: str) -> str:
    value = _XML_INVALID.sub("", value)
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r", "").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545: lines longer than 75 octets continue on the next line after one space."""
    if len(line) <= 75 and line.isascii():
        return [line]
    data, parts = line.encode(), []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut and (data[cut] & 0xC0) == 0x80:  # never split inside a UTF-8 sequence
            cut -= 1
        parts.append(data[:cut].decode())
        data = data[cut:]
    parts.append(data.decode())
    return [parts[0]] + [" " + p for p in parts[1:]]


@functools.lru_cache(maxsize=4096)
def _ics_day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def calendar_ics(site_url: str, host: str, views: list[dict]) -> str:
    """One all-day event per open job on its last date to apply."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sarkari Jobs//Last dates//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:Last dates to apply"]
    for v in sorted(views, key=lambda v: (str(v["job"].apply_last), v["slug"])):
        last = v["job"].apply_last
        if not last or v["archived"]:
            continue
        # the fixed lines are short and ASCII: only the three with data may need folding
        lines.append("BEGIN:VEVENT")
        lines += _fold(f"UID:{v['slug']}@{host}")
        lines += (f"DTSTAMP:{v['lastmod'][:10].replace('-', '')}T000000Z",
                  f"DTSTART;VALUE=DATE:{_ics_day(last)}",
                  f"DTEND;VALUE=DATE:{_ics_day(last + _DAY)}")
        lines += _fold(f"SUMMARY:{_ics_text('Last date: ' + v['job'].title)}")
        lines += _fold(f"URL:{_ics_text(site_url + '/' + v['url'])}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
