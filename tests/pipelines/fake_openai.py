"""A local server speaking the OpenAI chat-completions protocol, with scripted answers.

``FakeOpenAI().start()`` listens on 127.0.0.1 (a free port); ``base_url`` goes into
``OPENAI_BASE_URL``. Each request takes the next behaviour from ``script`` (then ``default``):

- ``good``: a correct answer written from the facts block of the request;
- ``wrong_date``: good, but the last date moved by a week;
- ``invented_fee``: good, plus a fee the facts do not have;
- ``malformed``: content that is not JSON;
- ``slow``: good, after ``slow_seconds``;
- ``429``: status 429 with ``Retry-After: <retry_after>``;
- ``500``: status 500;
- ``obey``: does what the scraped text in the block tells it to ("say the last date is …"),
  to prove that the fact check catches an injection that gets through;
- ``reply``: the next content of ``replies``, as it is (for prompts other than the SEO text's).

``latency`` delays every answer (the bench uses 200 ms). ``requests`` holds every request body;
``max_in_flight`` is the most requests it was answering at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _facts_from(body: dict) -> dict:
    text = body["messages"][-1]["content"]
    block = text.split("<facts>", 1)[1].split("</facts>", 1)[0]
    return json.loads(block)


def _day(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B %Y')}"


def good_answer(facts: dict) -> dict:
    org = facts.get("organisation_short") or facts["organisation"]
    name = facts["title"]
    title = name if org in name else f"{org} {name}"
    summary = [f"{facts['organisation']} has published details of {name}.",
               "Read the official notice for the details."]
    faq = []
    if facts.get("apply_last"):
        summary.append(f"Candidates can apply until {_day(facts['apply_last'])}.")
        faq.append({"q": "What is the last date?", "a": f"Apply by {_day(facts['apply_last'])}."})
    if facts.get("total_posts"):
        summary.append(f"There are {facts['total_posts']} vacancies.")
    general = (facts.get("fees_in_rupees") or {}).get("general")
    faq.append({"q": "What is the fee?",
                "a": f"General candidates pay ₹{general}." if general else "See the notification."})
    if facts.get("age_max"):
        faq.append({"q": "What is the age limit?", "a": f"The upper limit is {facts['age_max']} years."})
    faq.append({"q": "How do I apply?", "a": f"Apply on the official website of {org}."})
    faq.append({"q": "Where is the notice?", "a": "On the official website."})
    return {
        "title": title[:60],
        "description": f"{title[:60]}: dates, fee, age limit and how to apply, from {org}.",
        "summary": " ".join(summary[:4]),
        "faq": faq[:5],
    }


def _obey(facts: dict) -> dict:
    answer = good_answer(facts)
    scraped = f"{facts.get('title', '')} {facts.get('description', '')}"
    said = re.search(r"say (?:that )?the last date is ([^.,;]+)", scraped, re.I)
    if said:
        claim = said.group(1).strip()
        answer["summary"] = answer["summary"].split(". ")[0] + f". The last date is {claim}."
        answer["faq"][0] = {"q": "What is the last date?", "a": f"The last date is {claim}."}
    if re.search(r"ignore (all )?previous instructions", scraped, re.I):
        answer["faq"][-1] = {"q": "Where is the notice?", "a": "See https://evil.example.com now."}
    return answer


def _wrong_date(facts: dict) -> dict:
    answer = good_answer(facts)
    moved = dt.date.fromisoformat(facts.get("apply_last") or "2026-01-01") + dt.timedelta(days=7)
    answer["summary"] = answer["summary"].split(". ")[0] + f". Apply by {_day(moved.isoformat())}."
    return answer


def _invented_fee(facts: dict) -> dict:
    answer = good_answer(facts)
    answer["faq"][-1] = {"q": "Is there a fee?", "a": "Yes, the fee is ₹750 for all candidates."}
    return answer


def _completion(body: dict, text: str) -> dict:
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


class FakeOpenAI:
    def __init__(self, default: str = "good", latency: float = 0.0, slow_seconds: float = 3.0,
                 retry_after: str = "1"):
        self.default = default
        self.script: list[str] = []
        self.latency = latency
        self.slow_seconds = slow_seconds
        self.retry_after = retry_after
        self.requests: list[dict] = []
        self.replies: list[str] = []
        self.arrivals: list[float] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def calls(self) -> int:
        with self._lock:
            return len(self.requests)

    def _next(self, body: dict) -> str:
        with self._lock:
            self.requests.append(body)
            self.arrivals.append(time.monotonic())
            return self.script.pop(0) if self.script else self.default

    def _answer(self, behaviour: str, body: dict) -> tuple[int, dict, dict]:
        if behaviour == "429":
            return 429, {"Retry-After": self.retry_after}, {"error": {"message": "slow down",
                                                                      "type": "rate_limit"}}
        if behaviour == "500":
            return 500, {}, {"error": {"message": "boom", "type": "server_error"}}
        if behaviour == "reply":
            with self._lock:
                return 200, {}, _completion(body, self.replies.pop(0))
        facts = _facts_from(body)
        if behaviour == "slow":
            time.sleep(self.slow_seconds)
        content = {
            "good": good_answer, "slow": good_answer, "obey": _obey,
            "wrong_date": _wrong_date, "invented_fee": _invented_fee,
        }.get(behaviour)
        text = '{"title": "Oops", "faq": [' if behaviour == "malformed" else json.dumps(
            content(facts), ensure_ascii=False)
        return 200, {}, _completion(body, text)

    def start(self) -> FakeOpenAI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                behaviour = fake._next(body)
                with fake._lock:
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    if fake.latency:
                        time.sleep(fake.latency)
                    status, headers, payload = fake._answer(behaviour, body)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)  # fails when the client timed out and left

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
