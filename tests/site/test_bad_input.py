"""Markup in any field is escaped in HTML, JSON-LD, feeds and sitemaps; javascript: never links."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests.site.conftest import TODAY
from tests.site.xss import EVIL, PAYLOADS, SLUG, evil_record


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))


SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)


@pytest.fixture
def evil_site(build, real_snapshot):
    snapshot = copy.deepcopy(real_snapshot)
    snapshot["jobs"].append(evil_record(dt.date.fromisoformat(TODAY)))
    return build(snapshot, "evil")


def test_no_markup_from_the_data_survives_in_any_html_page(evil_site):
    pages = list(evil_site.rglob("*.html"))
    assert any(SLUG in p.read_text() for p in pages if "jobs" not in p.parts)
    for page in pages:
        html = page.read_text()
        for attrs, body in SCRIPT.findall(html):
            if attrs.strip() == 'type="application/ld+json"':
                json.loads(body)  # whole, parseable JSON-LD: the data did not end the element
            else:  # only the theme's own scripts, never inline code
                assert re.fullmatch(r' src="https://jobs\.example\.in/theme/[\w/.-]+\.js"( defer)?', attrs)
                assert body == "", (page, attrs)
        parser = _Elements()
        parser.feed(html)
        assert not {"svg", "img", "iframe", "x"} & {tag for tag, _ in parser.elements}, page
        attributes = [(name, value or "") for _, attrs in parser.elements for name, value in attrs]
        assert not [name for name, _ in attributes if name.startswith("on")], page
        assert not [v for n, v in attributes if n in ("href", "src") and not v.startswith(("http", "#"))], page


def test_json_ld_round_trips_the_text_without_ending_the_script(evil_site):
    html = (evil_site / f"jobs/{SLUG}/index.html").read_text()
    blocks = [json.loads(body) for attrs, body in SCRIPT.findall(html) if "ld+json" in attrs]
    posting = next(b for b in blocks if b["@type"] == "JobPosting")
    assert posting["title"] == f"Evil Recruitment 2026 {PAYLOADS[2]}"
    assert all("</script" not in body.lower() for _, body in SCRIPT.findall(html))


def test_the_javascript_link_is_shown_as_text_not_as_a_link(evil_site):
    html = (evil_site / f"jobs/{SLUG}/index.html").read_text()
    assert "alert(10)" not in html  # the event's javascript: link is dropped, its title kept as text
    assert "&lt;script&gt;window.__xss=1" in html


def test_feeds_sitemaps_and_calendar_stay_well_formed(evil_site):
    for name in ("feed.xml", "atom.xml", "sitemap.xml", "sitemaps/1.xml",
                 "categories/other/feed.xml"):
        if (evil_site / name).exists():
            ET.parse(evil_site / name)  # raises on any unescaped markup
    rss = ET.parse(evil_site / "feed.xml").getroot()
    titles = [i.find("title").text for i in rss.findall("channel/item")]
    assert f"Evil Recruitment 2026 {PAYLOADS[2]}" in titles
    ics = (evil_site / "calendar.ics").read_text()
    assert "\nBEGIN:VEVENT" in ics and "<script>" in ics.replace("\r\n ", "")  # text, escaped for ICS


def test_a_record_with_an_invalid_link_is_skipped_not_built(build, real_snapshot):
    snapshot = copy.deepcopy(real_snapshot)
    bad = evil_record(dt.date.fromisoformat(TODAY))
    bad["facts"]["application_link"] = "javascript:alert(11)"
    snapshot["jobs"].append(bad)
    output = build(snapshot, "invalid")
    assert not (output / f"jobs/{SLUG}").exists()
    assert all("alert(11)" not in p.read_text() for p in output.rglob("*.html"))
    assert EVIL  # the corpus itself is not empty
