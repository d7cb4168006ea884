"""The LLM client against the fake OpenAI server: timeout, retries, Retry-After, cap, budget."""

from __future__ import annotations

import json
import threading

import pytest

from core.seo.counters import Counters
from core.seo.llm_client import LlmClient, LlmSettings, LlmUnavailable, retry_after_seconds
from core.seo.prompt import build_messages, facts_block
from tests.pipelines.fake_openai import FakeOpenAI
from tests.pipelines.seo_jobs import recruitment

MESSAGES = build_messages(facts_block(recruitment()))


@pytest.fixture
def fake():
    server = FakeOpenAI().start()
    yield server
    server.stop()


def _client(fake, sleeps=None, **settings):
    values = {"base_url": fake.base_url, "api_key": "test", "model": "fake-model", "timeout": 2.0,
              "retries": 2, "backoff": 0.01, **settings}
    sleep = sleeps.append if sleeps is not None else (lambda s: None)
    return LlmClient(LlmSettings(**values), Counters(), sleep=sleep)


def test_no_base_url_and_no_key_means_no_client():
    assert LlmSettings.from_env({}) is None
    assert LlmClient.from_env(Counters(), {"JOBS_LLM_MODEL": "x"}) is None


def test_settings_come_from_the_environment():
    settings = LlmSettings.from_env({"OPENAI_BASE_URL": "http://127.0.0.1:1/v1",
                                     "JOBS_LLM_MODEL": "qwen2.5", "JOBS_LLM_CONCURRENCY": "3",
                                     "JOBS_LLM_MAX_CALLS": "7", "JOBS_LLM_TIMEOUT": "9"})
    assert (settings.model, settings.concurrency, settings.max_calls, settings.timeout) == (
        "qwen2.5", 3, 7, 9.0)
    assert settings.api_key == "not-needed"


def test_a_call_sends_the_model_and_structured_output_and_returns_the_content(fake):
    content = _client(fake).complete(MESSAGES)
    assert json.loads(content)["title"]
    body = fake.requests[0]
    assert body["model"] == "fake-model" and body["temperature"] == 0
    assert body["response_format"]["type"] == "json_schema"


def test_429_is_retried_after_the_time_the_server_asks_for(fake):
    fake.retry_after = "7"
    fake.script = ["429"]
    sleeps = []
    client = _client(fake, sleeps)
    assert json.loads(client.complete(MESSAGES))
    assert sleeps == [7.0] and fake.calls() == 2
    assert client.stats.get_value("jobs/seo/retry/429") == 1
    assert client.stats.get_value("jobs/seo/llm_call") == 1


def test_retry_after_is_capped(fake):
    fake.retry_after = "3600"
    fake.script = ["429"]
    sleeps = []
    _client(fake, sleeps, max_wait=5.0).complete(MESSAGES)
    assert sleeps == [5.0]


def test_500_backs_off_exponentially_then_gives_up(fake):
    fake.script = ["500", "500", "500"]
    sleeps = []
    with pytest.raises(LlmUnavailable) as failure:
        _client(fake, sleeps, backoff=0.5).complete(MESSAGES)
    assert failure.value.reason == "http_500"
    assert sleeps == [0.5, 1.0] and fake.calls() == 3


def test_a_slow_server_times_out(fake):
    fake.script = ["slow"]
    fake.slow_seconds = 2.0
    with pytest.raises(LlmUnavailable) as failure:
        _client(fake, timeout=0.3).complete(MESSAGES)
    assert failure.value.reason == "timeout"
    assert fake.calls() == 1


def test_a_connection_error_is_retried_then_given_up():
    server = FakeOpenAI().start()
    server.stop()  # nothing listens on that port any more: a connection error, retried, then given up
    sleeps = []
    client = LlmClient(LlmSettings(base_url=server.base_url, api_key="k", retries=1, backoff=0.01,
                                   timeout=1.0), Counters(), sleep=sleeps.append)
    with pytest.raises(LlmUnavailable) as failure:
        client.complete(MESSAGES)
    assert failure.value.reason == "connection" and sleeps == [0.01]


def test_the_budget_stops_calls(fake):
    client = _client(fake, max_calls=2)
    client.complete(MESSAGES)
    client.complete(MESSAGES)
    with pytest.raises(LlmUnavailable) as failure:
        client.complete(MESSAGES)
    assert failure.value.reason == "budget" and fake.calls() == 2


def test_concurrency_is_capped(fake):
    fake.latency = 0.15
    client = _client(fake, concurrency=2)
    threads = [threading.Thread(target=client.complete, args=(MESSAGES,)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fake.calls() == 6 and fake.max_in_flight == 2


@pytest.mark.parametrize("value,expected", [("3", 3.0), ("0.5", 0.5), (None, None), ("soon", None)])
def test_retry_after_header_values(value, expected):
    assert retry_after_seconds({"retry-after": value} if value else {}) == expected


def test_retry_after_as_an_http_date():
    assert 0 <= retry_after_seconds({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
