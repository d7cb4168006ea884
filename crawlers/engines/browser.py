"""Sources that need a browser (scrapy-playwright), and how they reach the loopback replay.

With ``JOBS_REPLAY`` set, Chromium is pointed at the replay server as an HTTP proxy (the server
answers proxy-style ``GET http://host/path``). Requests that scrapy-playwright does not render
(robots.txt, notice PDFs) fall back to Scrapy's plain HTTP handler, which knows nothing of the
replay; ``ReplayProxyMiddleware`` sends those through the same server as a proxy, so a replayed
crawl never reaches the network. Only http:// URLs can be replayed this way (no CONNECT).
"""

from __future__ import annotations

from pathlib import Path

from crawlers.replay import ReplayServer

PLAYWRIGHT_HANDLERS = {
    "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
}


STATIC = frozenset({"image", "font", "stylesheet", "media"})


def skip_static(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: the notices need the page's scripts, never its images or styles."""
    return request.resource_type in STATIC


def replay_proxy(settings) -> str | None:
    """The replay server's base URL when replay is on, else None."""
    root = settings.get("JOBS_REPLAY")
    return ReplayServer.shared(Path(root)).base_url if root else None


class BrowserEngine:
    """Mixin for a JobSpider whose ``custom_settings`` enable scrapy-playwright."""

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        proxy = replay_proxy(settings)
        if proxy:
            settings.set("PLAYWRIGHT_CONTEXTS", {"default": {"proxy": {"server": proxy}}},
                         priority="spider")


class ReplayProxyMiddleware:
    """Route the requests the browser does not render through the replay server (replay only)."""

    def __init__(self, proxy: str | None):
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler):
        return cls(replay_proxy(crawler.settings))

    def process_request(self, request):
        if self.proxy and not request.meta.get("playwright") and "proxy" not in request.meta:
            request.meta["proxy"] = self.proxy
        return None
