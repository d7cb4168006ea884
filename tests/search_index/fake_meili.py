"""A loopback HTTP server speaking the part of Meilisearch's API the client uses.

Indexes, settings, documents (add/replace, fetch with fields, delete-batch), tasks (all succeed at
once), and a naive ``search`` (every query word must occur in a searchable field).
Every request is recorded so tests can count what was sent.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

NOW = "2026-02-15T00:00:00.000000Z"


class FakeMeili:
    def __init__(self, key: str | None = None):
        self.key = key
        self.indexes: dict[str, dict] = {}
        self.tasks: dict[int, dict] = {}
        self.requests: list[tuple[str, str, object]] = []
        self._lock = threading.Lock()

    # -- state changes, each one a succeeded task
    def _task(self, index_uid, kind, details=None) -> dict:
        uid = len(self.tasks)
        self.tasks[uid] = {"uid": uid, "indexUid": index_uid, "status": "succeeded", "type": kind,
                           "details": details or {}, "error": None, "duration": "PT0S",
                           "enqueuedAt": NOW, "startedAt": NOW, "finishedAt": NOW}
        return {"taskUid": uid, "indexUid": index_uid, "status": "enqueued", "type": kind,
                "enqueuedAt": NOW}

    def handle(self, method: str, path: str, query: dict, body):
        self.requests.append((method, path, body))
        parts = [p for p in path.split("/") if p]
        with self._lock:
            if parts == ["health"]:
                return 200, {"status": "available"}
            if parts[:1] == ["tasks"] and len(parts) == 2:
                return 200, self.tasks[int(parts[1])]
            if parts == ["indexes"] and method == "POST":
                self.indexes[body["uid"]] = {"primaryKey": body.get("primaryKey"), "docs": {},
                                             "settings": _default_settings()}
                return 202, self._task(body["uid"], "indexCreation")
            if parts[:1] != ["indexes"] or len(parts) < 2:
                return 404, {"message": "not found", "code": "not_found"}
            uid, rest = parts[1], parts[2:]
            index = self.indexes.get(uid)
            if index is None:
                return 404, {"message": f"Index `{uid}` not found.", "code": "index_not_found",
                             "type": "invalid_request", "link": ""}
            if not rest:
                return 200, {"uid": uid, "primaryKey": index["primaryKey"],
                             "createdAt": NOW, "updatedAt": NOW}
            if rest == ["settings"] and method == "GET":
                return 200, index["settings"]
            if rest == ["settings"] and method == "PATCH":
                index["settings"].update(body)
                return 202, self._task(uid, "settingsUpdate")
            if rest == ["documents"] and method in ("POST", "PUT"):
                key = (query.get("primaryKey") or [index["primaryKey"] or "id"])[0]
                for doc in body:
                    index["docs"][str(doc[key])] = doc
                return 202, self._task(uid, "documentAdditionOrUpdate",
                                       {"receivedDocuments": len(body)})
            if rest == ["documents", "fetch"]:
                docs = list(index["docs"].values())
                offset, limit = body.get("offset", 0), body.get("limit", 20)
                fields = body.get("fields")
                page = [{k: d.get(k) for k in fields} if fields else d
                        for d in docs[offset:offset + limit]]
                return 200, {"results": page, "offset": offset, "limit": limit,
                             "total": len(docs)}
            if rest == ["documents", "delete-batch"]:
                for doc_id in body:
                    index["docs"].pop(str(doc_id), None)
                return 202, self._task(uid, "documentDeletion", {"providedIds": len(body)})
            if rest == ["search"]:
                return 200, self._search(index, body)
        return 404, {"message": "not found", "code": "not_found"}

    def _search(self, index, body):
        words = re.findall(r"\w+", (body.get("q") or "").lower())
        fields = index["settings"].get("searchableAttributes") or ["*"]

        def text(doc):
            values = doc.values() if fields == ["*"] else (doc.get(f) for f in fields)
            return " ".join(" ".join(v) if isinstance(v, list) else str(v or "") for v in values)

        hits = [d for d in index["docs"].values() if all(w in text(d).lower() for w in words)]
        limit = body.get("limit", 20)
        return {"hits": hits[:limit], "query": body.get("q"), "limit": limit, "offset": 0,
                "estimatedTotalHits": len(hits), "processingTimeMs": 0}

    def sent_documents(self) -> int:
        return sum(len(b) for m, p, b in self.requests if p.endswith("/documents") and m == "POST")


def _default_settings() -> dict:
    return {"displayedAttributes": ["*"], "searchableAttributes": ["*"],
            "filterableAttributes": [], "sortableAttributes": [],
            "rankingRules": ["words", "typo", "proximity", "attribute", "sort", "exactness"],
            "typoTolerance": {"enabled": True, "disableOnAttributes": [], "disableOnWords": []},
            "pagination": {"maxTotalHits": 1000}}


def serve(fake: FakeMeili) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if fake.key and self.headers.get("Authorization") != f"Bearer {fake.key}":
                status, payload = 401, {"message": "bad key", "code": "invalid_api_key"}
            else:
                status, payload = fake.handle(self.command, url.path, parse_qs(url.query),
                                              json.loads(raw) if raw else None)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(data)

        def do_OPTIONS(self):  # CORS preflight of the browser's search fetch
            self.send_response(204)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
            self.send_header("Access-Control-Allow-Methods", "POST, GET")
            self.end_headers()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
