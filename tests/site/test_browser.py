"""The built site in real Chromium: no JavaScript, a 360-px phone, Hindi, axe-core, page weight, XSS."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from core.storage.snapshot import write_snapshot
from services.build import build_site
from tests.site.conftest import TODAY
from tests.site.realposts import real_postings, snapshot_of
from tests.site.xss import SLUG, evil_record

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JOB = "jobs/up-police-constable-2026-4870a7/"
PAGES = {"home": "", "job": JOB, "listing": "categories/police/", "archive": "archive/",
         "groups": "states/", "about": "about/", "notfound": "404.html"}
BUDGET = 14 * 1024


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site plus the XSS job, built for a loopback URL and served from there."""
    root = tmp_path_factory.mktemp("browser")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "site")))
    url = f"http://127.0.0.1:{server.server_address[1]}"
    snapshot = copy.deepcopy(snapshot_of(real_postings()))
    snapshot["jobs"].append(evil_record(dt.date.fromisoformat(TODAY)))
    build_site(write_snapshot(snapshot, root / "snapshot.json"), root / "site", TODAY, url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url, root / "site"
    server.shutdown()
    server.server_close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False,
                                  device_scale_factor=1, is_mobile=True, locale="hi-IN")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_renders_without_javascript_on_a_360px_phone(site, phone, artifacts_dir, name):
    url, _ = site
    phone.goto(f"{url}/{PAGES[name]}")
    assert phone.locator("h1").first.is_visible()
    assert phone.locator("header.top a.brand").is_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{name} scrolls sideways: {width}px"
    phone.screenshot(path=str(artifacts_dir / f"site-{name}-360px.png"), full_page=True)


def test_job_page_shows_hindi_text_with_a_devanagari_font(site, browser, artifacts_dir):
    url, _ = site
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{url}/{JOB}")
    heading = page.locator("#dates span[lang=hi]")
    assert heading.inner_text() == "महत्वपूर्ण तिथियाँ"
    # a missing font would draw one tofu box per code point: far narrower than shaped Devanagari
    fonts = page.evaluate("""() => document.fonts.check('16px "Lohit Devanagari"')""")
    box = heading.bounding_box()
    assert fonts and box["width"] > 60 and box["height"] > 8
    heading.screenshot(path=str(artifacts_dir / "site-hindi-heading.png"))
    context.close()


@pytest.mark.parametrize("name", ["home", "job", "listing", "notfound"])
def test_page_has_no_serious_accessibility_violations(site, browser, name):
    from axe_playwright_python.sync_playwright import Axe

    url, _ = site
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{url}/{PAGES[name]}")
    violations = Axe().run(page).response["violations"]
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in violations
           if v["impact"] in ("serious", "critical")]
    context.close()
    assert bad == []


def test_job_page_with_its_css_weighs_at_most_14kb_gzipped(site, phone):
    url, output = site
    fetched: list[str] = []
    phone.on("requestfinished", lambda request: fetched.append(request.url))
    phone.goto(f"{url}/{JOB}", wait_until="load")
    assert any(u.endswith(".css") for u in fetched)
    files = [output / (urlsplit(u).path.lstrip("/") or "index.html") for u in fetched]
    files = [f / "index.html" if f.is_dir() else f for f in files]
    weight = sum(len(gzip.compress(Path(f).read_bytes(), 6)) for f in files)
    assert weight <= BUDGET, f"{weight} bytes gzipped over {len(files)} files"


def test_no_script_from_the_data_runs_in_chromium(site, browser, artifacts_dir):
    url, _ = site
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: errors.append(msg.text) if "xss" in msg.text.lower() else None)
    for path in (f"jobs/{SLUG}/", "", "categories/", "organisations/"):
        page.goto(f"{url}/{path}", wait_until="load")
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__xss") == "undefined"
    page.goto(f"{url}/jobs/{SLUG}/")
    assert "<script>window.__xss=1" in page.locator("main").inner_text()
    page.screenshot(path=str(artifacts_dir / "site-xss-job.png"), full_page=True)
    context.close()
    assert dialogs == [] and errors == []
