"""Spider test helpers: a stored capture as a Scrapy response, time frozen at its capture date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import time_machine
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.test import get_crawler

from crawlers.items import RawJob
from crawlers.replay import capture_file

PAGES = Path(__file__).resolve().parent / "pages"


def manifest(slug: str) -> dict:
    return json.loads((PAGES / slug / "urls.json").read_text(encoding="utf-8"))


def entries(slug: str) -> dict[str, dict]:
    """``slug``'s urls.json entries, each as a dict (a bare string is a file name)."""
    return {u: (e if isinstance(e, dict) else {"file": e}) for u, e in manifest(slug)["urls"].items()}


def captured_file(slug: str, url: str) -> Path:
    """The stored file ``slug``'s urls.json names for ``url`` (possibly another source's)."""
    return capture_file(PAGES / slug / "urls.json", entries(slug)[url]["file"])


def captured_response(slug: str, url: str | None = None, **meta) -> Response:
    """The captured page of ``slug`` for ``url`` (default: its first URL with a file)."""
    if url is None:
        url = next(u for u, e in entries(slug).items() if e.get("file"))
    entry = entries(slug)[url]
    body = captured_file(slug, url).read_bytes()
    headers = entry.get("headers", {})
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "text/html")
    if "pdf" in content_type:
        cls = Response
    else:
        cls = HtmlResponse if "html" in content_type else TextResponse
    return cls(url=url, body=body, headers={"Content-Type": content_type}, request=Request(url, meta=meta))


@pytest.fixture
def frozen(monkeypatch):
    """Freeze time (and JOBS_TODAY) at a source's capture date, inside the test only."""
    travellers = []

    def freeze(slug_or_date: str):
        date = slug_or_date if slug_or_date[:1].isdigit() else manifest(slug_or_date)["capture_date"]
        monkeypatch.setenv("JOBS_TODAY", date[:10])
        traveller = time_machine.travel(f"{date[:10]}T09:00:00+05:30", tick=False)
        traveller.start()
        travellers.append(traveller)
        return date

    yield freeze
    for traveller in travellers:
        traveller.stop()


def spider_for(spider_cls, **kwargs):
    """A spider bound to a crawler with the project settings, as Scrapy would make it."""
    crawler = get_crawler(spider_cls, settings_dict={"JOBS_RECORD_RUNS": False})
    return spider_cls.from_crawler(crawler, **kwargs)


def parse_all(spider, response) -> list:
    """Every item the spider's parse yields for a response (requests are left out)."""
    return [x for x in spider.parse(response) if isinstance(x, RawJob | dict)]
