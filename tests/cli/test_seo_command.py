"""``jobs seo [--refresh] [--limit N] [--slug S]`` for jobs already stored."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cli.main import main
from core.storage.database import session_scope
from core.storage.store import upsert_job
from core.storage.tables import Job
from tests.pipelines.fake_openai import FakeOpenAI
from tests.pipelines.seo_jobs import recruitment


@pytest.fixture
def fake(monkeypatch):
    server = FakeOpenAI().start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("JOBS_LLM_MODEL", "fake-model")
    yield server
    server.stop()


@pytest.fixture
def slugs(clean_db):
    with session_scope() as session:
        return [upsert_job(session, recruitment(title=f"Exam {n} 2026", advt_no=f"{n}/2026"),
                           dt.date(2026, 1, 20)).slug for n in range(3)]


def _origins() -> dict:
    with session_scope() as session:
        return dict(session.execute(select(Job.slug, Job.seo_origin)).all())


def test_writes_every_job_and_prints_the_counts(slugs, fake, capsys):
    assert main(["seo"]) == 0
    out = capsys.readouterr().out
    assert "3 jobs · LLM fake-model" in out and "jobs/seo/llm_call: 3" in out
    assert set(_origins().values()) == {"llm"}


def test_a_second_run_is_served_from_the_cache(slugs, fake, capsys):
    main(["seo"])
    capsys.readouterr()
    main(["seo"])
    out = capsys.readouterr().out
    assert "jobs/seo/cache_hit: 3" in out and "llm_call" not in out
    assert fake.calls() == 3


def test_refresh_regenerates(slugs, fake, capsys):
    main(["seo"])
    capsys.readouterr()
    main(["seo", "--refresh", "--slug", slugs[1]])
    out = capsys.readouterr().out
    assert out.startswith("1 jobs") and "jobs/seo/llm_call: 1" in out and "cache_hit" not in out
    assert fake.calls() == 4


def test_limit_and_slug_choose_the_jobs(slugs, fake):
    main(["seo", "--limit", "2"])
    assert fake.calls() == 2
    main(["seo", "--slug", slugs[2]])
    assert fake.calls() == 3 and _origins()[slugs[2]] == "llm"


def test_an_unknown_slug_is_an_error(slugs, fake):
    with pytest.raises(SystemExit, match="no such job"):
        main(["seo", "--slug", "nope"])


def test_without_an_llm_it_writes_the_template(slugs, monkeypatch, capsys):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert main(["seo"]) == 0
    assert "template (no LLM configured)" in capsys.readouterr().out
    assert set(_origins().values()) == {"template"}
