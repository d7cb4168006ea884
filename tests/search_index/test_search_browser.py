"""Search in real Chromium: a Pagefind bundle over a site built in tmp_path, the search box with
JavaScript on and off, and the box against a (fake) Meilisearch with a search-only key."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from core.config import PROJECT_ROOT
from search_index import index_search, search_documents
from services.build import build_site
from tests.search_index.conftest import job_record

pytestmark = [pytest.mark.browser, pytest.mark.slow]

def render_search_box(site_url: str, **settings) -> str:
    """The partial on a bare page (whether base.html includes it is the theme's business)."""
    env = Environment(loader=FileSystemLoader(PROJECT_ROOT / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    box = env.get_template("partials/search.html").render(SITEURL=site_url, **settings)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>'
            f"</head><body><main>{box}</main></body></html>")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A built site with its Pagefind bundle, served on loopback: (url, output folder)."""
    root = tmp_path_factory.mktemp("site")
    output = root / "output"
    output.mkdir()
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    snapshot = {"version": 1, "jobs": sample_jobs()}
    (root / "snapshot.json").write_text(json.dumps(snapshot), encoding="utf-8")
    build_site(root / "snapshot.json", output, "2026-02-15", url)
    index_search(root / "snapshot.json", output)
    (output / "search-box").mkdir()
    (output / "search-box" / "index.html").write_text(render_search_box(url), encoding="utf-8")
    yield url, output
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def sample_jobs() -> list[dict]:
    from tests.search_index.conftest import snapshot

    jobs = snapshot.__wrapped__()["jobs"]
    return [*jobs, job_record("xss-2026-000001", title='<img src=x onerror="alert(1)">Clerk '
                              "<script>alert(2)</script>Bharti", category="SSC")]


@pytest.fixture
def page(browser, artifacts_dir):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def test_pagefind_finds_the_right_job_on_the_built_site(served, page):
    url, output = served
    page.goto(url + "/")
    found = page.evaluate("""async () => {
        const pf = await import('/pagefind/pagefind.js');
        const r = await pf.search('graduate level');
        return Promise.all(r.results.map(x => x.data().then(d => [d.url, d.meta.title])));
    }""")
    assert found[0] == ["/jobs/ssc-cgl-2026-abc123/", "SSC Combined Graduate Level Examination 2026"]
    assert (output / "jobs" / "ssc-cgl-2026-abc123" / "index.html").exists()


def test_filters_narrow_pagefind_results_when_switched_on(served, page):
    from search_index.pagefind import build_pagefind

    url, output = served
    build_pagefind(search_documents({"jobs": sample_jobs()}), output / "filtered", filters=True)
    page.goto(url + "/")
    urls = page.evaluate("""async () => {
        const pf = await import('/filtered/pagefind/pagefind.js');
        await pf.options({baseUrl: '/'});
        const r = await pf.search('2026', {filters: {category: 'Police'}});
        return Promise.all(r.results.map(x => x.data().then(d => d.url)));
    }""")
    assert urls == ["/jobs/up-police-constable-2026-4870a7/"]


def test_the_search_box_finds_a_job_and_its_link_opens_the_page(served, page, artifacts_dir):
    url, _ = served
    page.goto(url + "/search-box/")
    page.fill("#search-q", "constable")
    page.press("#search-q", "Enter")
    link = page.locator(".search-results a").first
    link.wait_for(timeout=10_000)
    assert link.inner_text() == "UP Police Constable भर्ती 2026"
    page.screenshot(path=str(Path(artifacts_dir) / "search-box-results.png"), full_page=True)
    link.click()
    page.wait_for_url("**/jobs/up-police-constable-2026-4870a7/")
    assert "UP Police Constable" in page.title()


def test_without_javascript_the_box_is_a_link_to_the_listings(served, browser, artifacts_dir):
    url, _ = served
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(url + "/search-box/")
    assert not page.locator(".search-form").is_visible()
    fallback = page.locator(".search-fallback a")
    assert fallback.is_visible()
    page.screenshot(path=str(Path(artifacts_dir) / "search-box-no-js.png"), full_page=True)
    fallback.click()
    page.wait_for_url("**/organisations/")
    assert page.locator("main").inner_text().strip()
    context.close()


def test_markup_in_a_title_is_shown_as_text_and_runs_nothing(served, page):
    url, _ = served
    page.goto(url + "/search-box/")
    page.fill("#search-q", "bharti")
    page.press("#search-q", "Enter")
    link = page.locator(".search-results a").first
    link.wait_for(timeout=10_000)
    assert link.inner_text() == "Clerk Bharti"
    assert page.locator(".search-results img, .search-results script").count() == 0
    assert page.dialogs == []


def test_the_box_searches_meilisearch_with_the_search_key(served, page, fake_meili):
    from search_index.client import meili_client, sync_documents

    url, output = served
    sync_documents(meili_client(fake_meili.url, "admin-key"),
                   search_documents({"jobs": sample_jobs()}))
    fake_meili.indexes["jobs"]["docs"]["planted"] = {  # an index someone else wrote into
        "id": "planted", "url": "//evil.example/", "title": "Civil trap"}
    fake_meili.key = "search-key"
    (output / "search-meili").mkdir(exist_ok=True)
    (output / "search-meili" / "index.html").write_text(render_search_box(
        url, SEARCH_MEILI_URL=fake_meili.url, SEARCH_MEILI_KEY="search-key",
        SEARCH_MEILI_INDEX="jobs"), encoding="utf-8")
    page.goto(url + "/search-meili/")
    page.fill("#search-q", "civil")
    page.press("#search-q", "Enter")
    page.locator(".search-status").filter(has_text="found").wait_for(timeout=10_000)
    hrefs = page.locator(".search-results a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs == [url + "/jobs/upsc-cse-2026-def456/"]
    searches = [r for r in fake_meili.requests if r[1] == "/indexes/jobs/search"]
    assert searches and searches[-1][2]["q"] == "civil"
