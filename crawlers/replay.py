"""Local replay of captured pages: a loopback HTTP server and the download handler that uses it.

With ``JOBS_REPLAY`` set to a folder, every ``<folder>/*/urls.json`` maps original URLs to
captured files::

    {"capture_date": "2018-03-15",
     "urls": {"http://upsc.gov.in/": "home.html",
              "http://www.upsc.gov.in/": {"status": 301, "headers": {"Location": "http://upsc.gov.in/"}},
              "http://upsc.gov.in/notice.pdf": {"file": "notice.pdf", "headers": {"Content-Type": "application/pdf"}},
              "http://slow.example/": {"file": "home.html", "delay": 40},
              "http://down.example/": {"file": "error.html", "status": 500},
              "http://cut.example/": {"file": "home.html", "truncate": 2000},
              "http://hssc.gov.in/": "../notice_board/real/hssc_gov_in_home_2018.html"}}

``status`` and ``headers`` are sent as captured (a 301 with its ``Location`` is followed by
Scrapy's own redirect middleware); ``delay`` holds the answer back (timeouts); ``truncate`` sends
that many bytes of the body and closes the connection (Scrapy sees a data loss). A ``file`` is
relative to its ``urls.json``: a page several sources replay is stored once, and the others name
it by a relative path (``capture_file``).

Requests keep their original URLs everywhere in Scrapy (robots.txt, redirects, dupefilter, cache);
only the last hop, the real Twisted HTTP client, talks to the loopback server. A URL that was not
captured answers 404 and is counted (``jobs/replay/miss``); nothing is invented. The server also
answers proxy-style requests (``GET http://host/path``), so a browser can be pointed at it.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Request, Response
from w3lib.url import canonicalize_url

log = logging.getLogger(__name__)

REPLAY_PATH = "/__replay__"
_FRAMING_HEADERS = {"content-length", "transfer-encoding", "content-encoding", "connection"}
_TYPES = {".html": "text/html", ".htm": "text/html", ".json": "application/json", ".pdf": "application/pdf"}


def replay_key(url: str) -> str:
    parts = urlsplit(url.strip())
    url = parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower(), fragment="").geturl()
    return canonicalize_url(url, keep_fragments=False)


@dataclass
class Capture:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    file: Path | None = None
    delay: float = 0.0
    truncate: int | None = None  # send only this many bytes of the body, then drop the connection


def capture_file(manifest: Path, name: str) -> Path:
    """The file a ``urls.json`` entry names, relative to that manifest's real folder (a folder
    linked into another replay root still finds the pages it shares with its siblings)."""
    return (manifest.resolve().parent / name).resolve()


def load_captures(root: Path) -> dict[str, Capture]:
    captures: dict[str, Capture] = {}
    for manifest in sorted(root.glob("*/urls.json")):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        for url, entry in data.get("urls", {}).items():
            if isinstance(entry, str):
                entry = {"file": entry}
            file = capture_file(manifest, entry["file"]) if entry.get("file") else None
            if file is not None and not file.is_file():
                log.warning("replay: %s names %s, which does not exist", manifest, file)
                continue
            headers = dict(entry.get("headers", {}))
            if file is not None and not any(k.lower() == "content-type" for k in headers):
                headers["Content-Type"] = _TYPES.get(file.suffix.lower()) or (
                    mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                )
            captures[replay_key(url)] = Capture(
                status=int(entry.get("status", 200)), headers=headers, file=file,
                delay=float(entry.get("delay", 0)),
                truncate=int(entry["truncate"]) if entry.get("truncate") is not None else None,
            )
    return captures


class _QuietServer(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: a crawl opening more connections at once than
    # that has SYNs dropped and retried a second later, which no real web server would do.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # Scrapy drops keep-alive connections when a crawl closes: not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class ReplayServer:
    """A threaded loopback HTTP server answering from the captures; one per folder per process."""

    _shared: dict[Path, ReplayServer] = {}
    _lock = threading.Lock()

    def __init__(self, root: Path):
        self.root = root
        self.captures = load_captures(root)
        self.hits = 0
        self.misses: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server's naming)
                server._answer(self)

            def do_HEAD(self):  # noqa: N802
                server._answer(self, body=False)

            def log_message(self, *args):
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="replay", daemon=True)
        self.thread.start()
        log.info("replay: %d captured URLs from %s on 127.0.0.1:%d", len(self.captures), root, self.port)

    @classmethod
    def shared(cls, root: Path) -> ReplayServer:
        root = root.resolve()
        with cls._lock:
            if root not in cls._shared:
                cls._shared[root] = cls(root)
            return cls._shared[root]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url_for(self, original: str) -> str:
        return f"{self.base_url}{REPLAY_PATH}?url={quote(original, safe='')}"

    def _answer(self, handler: BaseHTTPRequestHandler, body: bool = True) -> None:
        if handler.path.startswith(REPLAY_PATH):
            original = parse_qs(urlsplit(handler.path).query).get("url", [""])[0]
        elif handler.path.startswith(("http://", "https://")):
            original = handler.path  # proxy-style request from a browser
        else:
            original = f"http://{handler.headers.get('Host', '')}{handler.path}"
        capture = self.captures.get(replay_key(original)) if original else None
        if capture is None:
            self.misses.append(original)
            payload = f"not captured: {original}\n".encode()
            handler.send_response(404)
            handler.send_header("Content-Type", "text/plain; charset=utf-8")
            handler.send_header("Content-Length", str(len(payload)))
            handler.send_header("X-Replay", "miss")
            handler.end_headers()
            if body:
                handler.wfile.write(payload)
            return
        self.hits += 1
        if capture.delay:
            threading.Event().wait(capture.delay)
        payload = capture.file.read_bytes() if capture.file else b""
        handler.send_response(capture.status)
        for name, value in capture.headers.items():
            # The file is stored decoded and whole: its framing headers are the server's to write.
            if name.lower() not in _FRAMING_HEADERS:
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(payload)))
        handler.send_header("X-Replay", "hit")
        if capture.truncate is not None:
            handler.send_header("Connection", "close")
        handler.end_headers()
        if not body:
            return
        if capture.truncate is None:
            handler.wfile.write(payload)
        else:  # a connection that dies mid-body, as slow government servers' do
            handler.wfile.write(payload[: capture.truncate])
            handler.wfile.flush()
            handler.close_connection = True


class ReplayDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's own HTTP/1.1 handler, pointed at the replay server when JOBS_REPLAY is set."""

    def __init__(self, crawler):
        super().__init__(crawler)
        root = crawler.settings.get("JOBS_REPLAY")
        self.server = ReplayServer.shared(Path(root)) if root else None
        self.stats = crawler.stats

    async def download_request(self, request: Request) -> Response:
        if self.server is None:
            return await super().download_request(request)
        proxied = request.replace(url=self.server.url_for(request.url))
        response = await super().download_request(proxied)
        outcome = response.headers.get(b"X-Replay", b"miss").decode()
        if outcome == "miss" and not request.url.endswith("/robots.txt"):
            self.stats.inc_value("jobs/replay/miss")
            log.warning("replay: not captured: %s", request.url)
        elif outcome == "hit":
            self.stats.inc_value("jobs/replay/hit")
        return response.replace(url=request.url, request=request)
