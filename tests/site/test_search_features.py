"""Structured data, sitemaps, robots.txt, feeds, the calendar and IndexNow of a fixture site."""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import extruct
import pytest
from jobsite import jsonld  # site/plugins is on sys.path (tests/site/conftest.py)

from core.domain.schema import JobPosting
from tests.site.conftest import SITE_URL, TODAY

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
REQUIRED = {"title", "description", "datePosted", "validThrough", "hiringOrganization", "jobLocation"}


def _structured(page: str) -> dict[str, dict]:
    data = extruct.extract(page, base_url=SITE_URL, syntaxes=["json-ld"])["json-ld"]
    return {d["@type"]: d for d in data}


def test_job_page_has_valid_jobposting_breadcrumbs_and_faq(build, real_snapshot):
    output = build(real_snapshot)
    page = (output / "jobs/up-police-constable-2026-4870a7/index.html").read_text()
    found = _structured(page)
    posting = found["JobPosting"]
    assert set(posting) >= REQUIRED
    assert posting["validThrough"] == "2026-01-30T23:59:59+05:30"
    assert posting["hiringOrganization"]["name"] == "Uttar Pradesh Police Recruitment and Promotion Board"
    assert posting["jobLocation"]["address"] == {"@type": "PostalAddress", "addressCountry": "IN",
                                                 "addressRegion": "Uttar Pradesh"}
    assert {"employmentType", "identifier", "directApply"} <= set(posting)
    crumbs = found["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
    assert crumbs[-1]["item"] == f"{SITE_URL}/jobs/up-police-constable-2026-4870a7/"
    assert found["FAQPage"]["mainEntity"][0]["acceptedAnswer"]["text"]


def test_head_has_canonical_open_graph_and_twitter_tags(build, real_snapshot):
    output = build(real_snapshot)
    page = (output / "jobs/up-police-constable-2026-4870a7/index.html").read_text()
    url = f"{SITE_URL}/jobs/up-police-constable-2026-4870a7/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    for tag in ('property="og:title"', 'property="og:description"', 'name="twitter:card"',
                'name="twitter:title"'):
        assert tag in page


def test_jobposting_jsonld_carries_salary_and_identifier():
    job = JobPosting(source="upsc", source_url="https://upsc.gov.in/n", title="Engineering Services 2026",
                     organisation="Union Public Service Commission", organisation_short="UPSC",
                     advt_no="05/2026", apply_last=dt.date(2026, 3, 1), salary_min=56100,
                     salary_max=177500)
    data = jsonld.jobposting_jsonld(job, url="https://x.in/jobs/ese/", date_posted="2026-02-01",
                                    identifier="ese", state="All India")
    assert data["baseSalary"]["value"] == {"@type": "QuantitativeValue", "unitText": "MONTH",
                                           "minValue": 56100, "maxValue": 177500}
    assert data["identifier"]["value"] == "05/2026"
    assert "addressRegion" not in data["jobLocation"]["address"]


def test_sitemap_index_splits_below_the_limit_with_lastmod_from_the_data(build, real_snapshot):
    output = build(real_snapshot, JOBS_SITEMAP_LIMIT=20)
    index = ET.parse(output / "sitemap.xml").getroot()
    files = [s.find(f"{SM}loc").text.removeprefix(f"{SITE_URL}/") for s in index]
    assert len(files) >= 3
    dates = {j["first_seen"] for j in real_snapshot["jobs"]}
    urls = []
    for name in files:
        urlset = ET.parse(output / name).getroot()
        assert len(urlset) <= 20
        urls += [u.find(f"{SM}loc").text for u in urlset]
        assert {m.text for u in urlset if (m := u.find(f"{SM}lastmod")) is not None} <= dates
    assert len(urls) == len(set(urls))
    assert f"{SITE_URL}/jobs/up-police-constable-2026-4870a7/" in urls
    assert (output / "robots.txt").read_text().endswith(f"Sitemap: {SITE_URL}/sitemap.xml\n")


def test_site_and_listing_feeds_are_well_formed_rss_and_atom(build, real_snapshot):
    output = build(real_snapshot)
    rss = ET.parse(output / "feed.xml").getroot()
    items = rss.findall("channel/item")
    assert items and all(i.find("link").text.startswith(f"{SITE_URL}/jobs/") for i in items)
    atom = ET.parse(output / "categories/police/atom.xml").getroot()
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert entries and all("/jobs/" in e.find("{http://www.w3.org/2005/Atom}id").text for e in entries)
    assert ET.parse(output / "organisations/up-police/feed.xml").getroot().find("channel/item") is not None


def test_calendar_has_one_all_day_event_per_open_last_date(build, real_snapshot):
    output = build(real_snapshot)
    text = (output / "calendar.ics").read_bytes().decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "UID:up-police-constable-2026-4870a7@jobs.example.in" in unfolded
    assert "DTSTART;VALUE=DATE:20260130" in unfolded
    open_jobs = [j for j in real_snapshot["jobs"]
                 if (j["facts"]["apply_last"] or "") >= TODAY]
    assert unfolded.count("BEGIN:VEVENT") == len(open_jobs)


class _Catcher(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Catcher.received.append(json.loads(body))
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def indexnow_server():
    _Catcher.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Catcher)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/indexnow", _Catcher.received
    server.shutdown()
    server.server_close()


def test_indexnow_key_file_and_a_ping_of_only_the_changed_urls(build, real_snapshot, indexnow_server):
    endpoint, received = indexnow_server
    output = build(real_snapshot, JOBS_INDEXNOW_URL=endpoint, JOBS_INDEXNOW_KEY="0123456789abcdef")
    assert (output / "0123456789abcdef.txt").read_text() == "0123456789abcdef"
    assert len(received) == 1 and len(received[0]["urlList"]) > len(real_snapshot["jobs"])
    changed = copy.deepcopy(real_snapshot)
    job = next(j for j in changed["jobs"] if j["slug"] == "up-police-constable-2026-4870a7")
    job["facts"]["fees"]["general"] = 650
    build(changed, JOBS_INDEXNOW_URL=endpoint, JOBS_INDEXNOW_KEY="0123456789abcdef")
    assert received[1] == {"host": "jobs.example.in", "key": "0123456789abcdef",
                           "keyLocation": f"{SITE_URL}/0123456789abcdef.txt",
                           "urlList": [f"{SITE_URL}/jobs/up-police-constable-2026-4870a7/"]}


def test_no_ping_when_no_endpoint_is_configured(build, real_snapshot, indexnow_server):
    _, received = indexnow_server
    build(real_snapshot)
    assert received == []


def test_the_search_box_gets_the_meilisearch_search_key_from_the_environment(
        build, real_snapshot, monkeypatch):
    for name in ("MEILI_PUBLIC_URL", "MEILI_SEARCH_KEY", "MEILI_INDEX"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MEILI_URL", "http://meili.internal:7700")
    monkeypatch.setenv("MEILI_MASTER_KEY", "master-secret")
    output = build(real_snapshot)
    home = (output / "index.html").read_text()
    assert "data-meili-url" not in home  # no search-only key: the Pagefind box
    monkeypatch.setenv("MEILI_PUBLIC_URL", "https://search.example.in")
    monkeypatch.setenv("MEILI_SEARCH_KEY", "search-only")
    build(real_snapshot)  # the same output folder: every page shows the new box
    for page in (output / "index.html", output / "jobs/up-police-constable-2026-4870a7/index.html"):
        text = page.read_text()
        assert 'data-meili-url="https://search.example.in" data-meili-key="search-only"' in text
        assert "master-secret" not in text and "meili.internal" not in text
