"""Loopback HTTP servers that stand in for a Prometheus pushgateway and an alert webhook."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

from prometheus_client.parser import text_string_to_metric_families


class Pushgateway(ThreadingHTTPServer):
    """The pushgateway protocol: ``PUT|POST /metrics/job/<job>{/<label>/<value>}`` with a text
    exposition body; PUT replaces the group's metrics, POST replaces same-named metrics only."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _PushHandler)
        self.groups: dict[tuple, dict[str, list]] = {}
        self.requests: list[tuple[str, str]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def value(self, metric: str, **labels) -> float | None:
        """A sample's value across all groups (labels of the group and of the sample)."""
        for group, families in self.groups.items():
            for sample in families.get(metric, []):
                if {**dict(group), **sample.labels}.items() >= labels.items():
                    return sample.value
        return None


class _PushHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _group(self) -> tuple | None:
        parts = [unquote(p) for p in self.path.split("/")]
        if len(parts) < 4 or parts[1:3] != ["metrics", "job"] or len(parts) % 2:
            return None
        return tuple(sorted(zip(parts[2::2], parts[3::2], strict=True)))

    def _push(self, replace: bool):
        group = self._group()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        self.server.requests.append((self.command, self.path))
        if group is None:
            self.send_response(400)
            self.end_headers()
            return
        families = {f.name: f.samples for f in text_string_to_metric_families(body)}
        if replace:
            self.server.groups[group] = families
        else:
            self.server.groups.setdefault(group, {}).update(families)
        self.send_response(200)
        self.end_headers()

    def do_PUT(self):
        self._push(replace=True)

    def do_POST(self):
        self._push(replace=False)


class Webhook(ThreadingHTTPServer):
    """Records JSON POSTs; answers the first ``fail`` of them with ``fail_status``, and waits
    ``delay_s`` before answering each (to exercise the client's timeout)."""

    def __init__(self, fail: int = 0, fail_status: int = 503, delay_s: float = 0.0):
        super().__init__(("127.0.0.1", 0), _WebhookHandler)
        self.fail, self.fail_status, self.delay_s = fail, fail_status, delay_s
        self.attempts = 0
        self.received: list[dict] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _WebhookHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.attempts += 1
        time.sleep(self.server.delay_s)
        if self.server.attempts <= self.server.fail:
            self.send_response(self.server.fail_status)
            self.end_headers()
            return
        self.server.received.append({"content_type": self.headers.get("Content-Type"),
                                     "json": json.loads(body)})
        self.send_response(204)
        self.end_headers()


def serving(server):
    """Start ``server`` in a thread; use as a context manager."""
    class _Running:
        def __enter__(self):
            self.thread = threading.Thread(target=server.serve_forever, daemon=True)
            self.thread.start()
            return server

        def __exit__(self, *exc):
            server.shutdown()
            server.server_close()

    return _Running()
