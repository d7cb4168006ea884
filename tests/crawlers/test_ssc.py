"""SSC: an empty GWT shell; the reconstructed fixture's script draws the rows (see pages/ssc/README.md)."""

import asyncio
import datetime as dt
import json
import os
import subprocess
from html import escape
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.settings import Settings

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.items import RawJob
from crawlers.spiders.ssc import SscSpider
from tests.crawlers.conftest import PAGES, captured_file, captured_response, spider_for

ROOT = Path(__file__).resolve().parents[2]
UPLOADS = "http://ssc.nic.in/SSCFileServer/PortalManagement/UploadedFiles/"


def script_rows() -> list[dict]:
    """The rows the fixture's script inserts into the DOM."""
    html = (PAGES / "ssc" / "home.html").read_text(encoding="utf-8")
    start = html.index('id="ssc-rows">') + len('id="ssc-rows">')
    return json.loads(html[start:html.index("</script>", start)])


def rendered_response() -> HtmlResponse:
    """What Chromium hands back once the script has run: the shell with the rows in the body."""
    shell = (PAGES / "ssc" / "home.html").read_text(encoding="utf-8")
    cells = "".join(
        f'<tr class="notice"><td>{escape(r["date"])}</td><td>{escape(r["kind"])}</td>'
        f'<td><a href="{escape(r["href"])}">{escape(r["title"])}</a></td></tr>'
        for r in script_rows()
    )
    body = shell.replace("  </body>", f'<table class="latestNews"><tbody>{cells}</tbody></table></body>')
    return HtmlResponse(url="http://ssc.nic.in/", body=body.encode(), encoding="utf-8",
                        request=Request("http://ssc.nic.in/"))


def _parsed(frozen):
    frozen("ssc")
    return list(spider_for(SscSpider).parse(rendered_response()))


def test_rendered_rows_become_items(frozen):
    out = _parsed(frozen)
    items = [x for x in out if isinstance(x, RawJob)]
    assert len(out) == 5 and len(items) == 4
    assert dict(items[2]) == {
        "source": "ssc",
        "source_kind": "official",
        "source_url": UPLOADS + "result_je_2016_final.pdf",
        "organisation": "Staff Selection Commission",
        "category": "SSC",
        "scraped_at": "2018-10-22",
        "title": "SSC Junior Engineer 2016 Final Result",
        "notice_kind": "Result",
        "links": [{"label": "SSC Junior Engineer 2016 Final Result", "url": UPLOADS + "result_je_2016_final.pdf"}],
        "pdf_url": UPLOADS + "result_je_2016_final.pdf",
    }


def test_the_notification_pdf_is_followed_with_its_item(frozen):
    request = next(x for x in _parsed(frozen) if isinstance(x, Request))
    assert request.url == UPLOADS + "notice_jht_22102018.pdf"
    item = request.cb_kwargs["item"]
    assert item["title"].startswith("Junior Hindi Translator, Junior Translator")
    assert item["notice_date"] == "22-10-2018"


def test_the_followed_notice_gives_its_official_facts_with_evidence(frozen):
    request = next(x for x in _parsed(frozen) if isinstance(x, Request))
    pdf = Response(request.url, body=captured_file("ssc", request.url).read_bytes(), request=request)

    async def collect():
        return [x async for x in request.callback(pdf, **request.cb_kwargs)]

    [item] = asyncio.run(collect())
    job = validate_job(normalise_job(dict(item)), dict(item))
    assert (job.apply_start, job.apply_last, job.exam_date) == (dt.date(2018, 10, 22), dt.date(2018, 11, 19), dt.date(2019, 1, 12))
    assert job.evidence["apply_last"].model_dump() == {
        "document": request.url, "page": 1,
        "quote": "Date for submission of online applications: 22-10-2018 to 19-11-2018"}


def test_the_bare_shell_has_no_rows(frozen):
    frozen("ssc")
    assert list(spider_for(SscSpider).parse(captured_response("ssc"))) == []


def test_every_rendered_item_validates(frozen):
    for item in (dict(x) for x in _parsed(frozen) if isinstance(x, RawJob)):
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)


def test_the_browser_is_pointed_at_the_replay_only_when_replaying():
    replayed = Settings({"JOBS_REPLAY": str(PAGES)})
    SscSpider.update_settings(replayed)
    proxy = replayed.getdict("PLAYWRIGHT_CONTEXTS")["default"]["proxy"]["server"]
    assert proxy.startswith("http://127.0.0.1:")
    live = Settings({"JOBS_REPLAY": None})
    SscSpider.update_settings(live)
    assert not live.getdict("PLAYWRIGHT_CONTEXTS")
    assert live.getdict("DOWNLOAD_HANDLERS")["http"] == "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"


@pytest.mark.slow
@pytest.mark.browser
def test_real_crawl_through_chromium_and_the_replay(tmp_path):
    out = tmp_path / "ssc.jsonl"
    env = {**os.environ, "JOBS_TODAY": "2018-10-22"}
    subprocess.run(
        [str(ROOT / ".venv/bin/scrapy"), "crawl", "ssc", "-s", "JOBS_REPLAY=tests/crawlers/pages",
         "-s", "JOBS_RECORD_RUNS=0", "-s", "ITEM_PIPELINES={}", "-O", str(out)],
        cwd=ROOT, env=env, check=True, capture_output=True, timeout=180,
    )
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(i["title"] for i in items) == sorted(r["title"] for r in script_rows())
    jht = next(i for i in items if i["notice_kind"] == "Notice")
    [document] = jht["documents"]  # the real PDF, replayed
    assert "Date of Computer Based Examination (Paper-I)" in document["pages"][0]
    for item in items:
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)
