"""The LLM behind the ``openai`` client: timeout, retries honouring Retry-After, a concurrency
cap and a per-run budget. Any OpenAI-compatible server works (OpenAI, vLLM, Ollama, llama.cpp).

Settings (environment): ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``JOBS_LLM_MODEL``,
``JOBS_LLM_TIMEOUT`` (seconds per call), ``JOBS_LLM_RETRIES``, ``JOBS_LLM_CONCURRENCY``,
``JOBS_LLM_MAX_CALLS`` (per run), ``JOBS_LLM_MAX_WAIT`` (longest Retry-After honoured),
``JOBS_LLM_RESPONSE_FORMAT`` (``json_schema`` or ``json_object``). With neither a base URL nor a
key there is no client at all and the template is used, without any network call.
"""

from __future__ import annotations

import email.utils
import logging
import os
import threading
import time
from dataclasses import dataclass

from core.seo.prompt import RESPONSE_SCHEMA

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gpt-4o-mini"


class LlmUnavailable(Exception):
    """No usable answer this time (timeout, rate limit, server error, budget); not cached."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class LlmSettings:
    base_url: str | None
    api_key: str
    model: str = DEFAULT_MODEL
    timeout: float = 30.0
    retries: int = 3
    concurrency: int = 4
    max_calls: int = 500
    max_wait: float = 30.0
    backoff: float = 1.0
    response_format: str = "json_schema"

    @classmethod
    def from_env(cls, environ=None) -> LlmSettings | None:
        env = os.environ if environ is None else environ
        base_url = env.get("OPENAI_BASE_URL", "").strip() or None
        api_key = env.get("OPENAI_API_KEY", "").strip()
        if not base_url and not api_key:
            return None
        return cls(
            base_url=base_url,
            # Local servers (vLLM, Ollama, llama.cpp) accept any key; the client insists on one.
            api_key=api_key or "not-needed",
            model=env.get("JOBS_LLM_MODEL", "").strip() or DEFAULT_MODEL,
            timeout=float(env.get("JOBS_LLM_TIMEOUT", 30)),
            retries=int(env.get("JOBS_LLM_RETRIES", 3)),
            concurrency=max(1, int(env.get("JOBS_LLM_CONCURRENCY", 4))),
            max_calls=int(env.get("JOBS_LLM_MAX_CALLS", 500)),
            max_wait=float(env.get("JOBS_LLM_MAX_WAIT", 30)),
            backoff=float(env.get("JOBS_LLM_BACKOFF", 1.0)),
            response_format=env.get("JOBS_LLM_RESPONSE_FORMAT", "json_schema").strip(),
        )


def retry_after_seconds(headers) -> float | None:
    """Retry-After as seconds (it may be a number or an HTTP date); None if absent or unreadable."""
    value = (headers or {}).get("retry-after") if headers is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class LlmClient:
    """One client per run: ``complete(messages)`` is one counted call (retries included)."""

    def __init__(self, settings: LlmSettings, stats, sleep=time.sleep):
        self.settings = settings
        self.model = settings.model
        self.stats = stats
        self._sleep = sleep
        self._slots = threading.BoundedSemaphore(settings.concurrency)
        self._budget_lock = threading.Lock()
        self.calls = 0
        import openai  # only when an LLM is configured: it costs a crawl ~2 s to import

        self._openai = openai.OpenAI(
            base_url=settings.base_url, api_key=settings.api_key,
            timeout=settings.timeout, max_retries=0,
        )

    @classmethod
    def from_env(cls, stats, environ=None) -> LlmClient | None:
        settings = LlmSettings.from_env(environ)
        return cls(settings, stats) if settings else None

    def _take_budget(self) -> None:
        with self._budget_lock:
            if self.calls >= self.settings.max_calls:
                raise LlmUnavailable("budget", f"{self.settings.max_calls} calls used")
            self.calls += 1
        self.stats.inc_value("jobs/seo/llm_call")

    def _response_format(self, schema: dict | None = None) -> dict:
        if self.settings.response_format == "json_object":
            return {"type": "json_object"}
        return {"type": "json_schema", "json_schema": schema or RESPONSE_SCHEMA}

    def _wait(self, attempt: int, headers) -> float:
        asked = retry_after_seconds(headers)
        if asked is not None:
            return min(asked, self.settings.max_wait)
        return min(self.settings.backoff * 2**attempt, self.settings.max_wait)

    def complete(self, messages: list[dict], schema: dict | None = None) -> str:
        """One answer; ``schema`` is the JSON schema it must follow (the SEO text's by default)."""
        import openai

        self._take_budget()
        with self._slots:
            for attempt in range(self.settings.retries + 1):
                self.stats.inc_value("jobs/seo/llm_attempt")
                try:
                    response = self._openai.chat.completions.create(
                        model=self.model, messages=messages, temperature=0,
                        response_format=self._response_format(schema),
                    )
                    return response.choices[0].message.content or ""
                except openai.APITimeoutError as exc:
                    raise LlmUnavailable("timeout", f"no answer in {self.settings.timeout} s") from exc
                except openai.APIStatusError as exc:
                    status = exc.status_code
                    retryable = status == 429 or status >= 500
                    reason = "rate_limited" if status == 429 else f"http_{status}"
                    if not retryable or attempt == self.settings.retries:
                        raise LlmUnavailable(reason, str(exc)[:120]) from exc
                    headers = exc.response.headers if exc.response is not None else None
                except openai.APIConnectionError as exc:
                    if attempt == self.settings.retries:
                        raise LlmUnavailable("connection", str(exc)[:120]) from exc
                    status, headers = "connection", None
                delay = self._wait(attempt, headers)
                self.stats.inc_value(f"jobs/seo/retry/{status}")
                log.info("LLM answered %s; retrying in %.1f s", status, delay)
                self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover
