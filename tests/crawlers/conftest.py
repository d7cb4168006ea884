"""Spider test helpers: a stored capture as a Scrapy response, time frozen at its capture date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

PAGES = Path(__file__).resolve().parent / "pages"


def manifest(slug: str) -> dict:
    return json.loads((PAGES / slug / "urls.json").read_text(encoding="utf-8"))


def captured_response(slug: str, url: str | None = None, **meta) -> TextResponse:
    """The captured page of ``slug`` for ``url`` (default: its first URL with a file)."""
    data = manifest(slug)
    entries = {u: (e if isinstance(e, dict) else {"file": e}) for u, e in data["urls"].items()}
    if url is None:
        url = next(u for u, e in entries.items() if e.get("file"))
    entry = entries[url]
    body = (PAGES / slug / entry["file"]).read_bytes()
    headers = entry.get("headers", {})
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "text/html")
    cls = HtmlResponse if "html" in content_type else TextResponse
    if "pdf" in content_type:
        from scrapy.http import Response

        cls = Response
    return cls(url=url, body=body, headers={"Content-Type": content_type},
               request=Request(url, meta=meta), **({} if cls.__name__ == "Response" else {}))


@pytest.fixture
def frozen(monkeypatch):
    """Freeze time (and JOBS_TODAY) at a source's capture date, inside the test only."""
    import time_machine

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
    from crawlers.items import RawJob

    return [x for x in spider.parse(response) if isinstance(x, RawJob | dict)]
