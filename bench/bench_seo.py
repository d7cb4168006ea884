"""SEO text: LLM calls on a re-crawl of unchanged jobs (target 0), and the time for N jobs against
an OpenAI-compatible server with 200 ms latency, serial vs concurrent.

    .venv/bin/python bench/bench_seo.py                 # 200 jobs, concurrency 8, demo re-crawl
    .venv/bin/python bench/bench_seo.py --jobs 50 --concurrency 4 --no-crawl

Everything is local: a throwaway PostgreSQL (pgserver), the fake server from the tests
(tests/pipelines/fake_openai.py), and the captured pages through the replay server for the
re-crawl of the demo sources (each crawl a real ``scrapy crawl`` subprocess).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEMO_SOURCES = (("upsc", "2018-03-15"), ("rrb_chandigarh", None), ("sarkariafsar", None))


def _setup_database():
    from core.storage.embedded_db import sqlalchemy_url, start_embedded
    from core.storage.migrate import upgrade

    scratch = Path(tempfile.mkdtemp(prefix="bench-seo-"))
    (scratch / "run").mkdir(mode=0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(scratch / "run")
    os.environ["JOBS_VAR_DIR"] = str(scratch / "var")
    server = start_embedded(scratch / "pgdata", cleanup_mode="delete")
    url = sqlalchemy_url(server.get_uri())
    upgrade(url)
    os.environ["JOBS_DATABASE_URL"] = url
    return server


def _postings(n: int):
    from tests.pipelines.seo_jobs import recruitment

    return [
        recruitment(title=f"Combined Recruitment Examination {i} 2026", advt_no=f"{i:03d}/2026",
                    total_posts=100 + i, apply_last=dt.date(2026, 2, 1) + dt.timedelta(days=i % 20))
        for i in range(n)
    ]


def _store(postings) -> list:
    from core.storage.database import session_scope
    from core.storage.store import upsert_job

    with session_scope() as session:
        return [upsert_job(session, p, dt.date(2026, 1, 20)) for p in postings]


def _configure(fake, concurrency: int) -> None:
    os.environ.update({
        "OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "bench", "JOBS_LLM_MODEL": "fake-model",
        "JOBS_LLM_CONCURRENCY": str(concurrency), "JOBS_LLM_MAX_CALLS": "100000",
        "JOBS_LLM_TIMEOUT": "10",
    })


def _write_all(results, concurrency: int, refresh: bool) -> tuple[float, dict]:
    from core.seo.counters import Counters
    from core.seo.llm_client import LlmClient
    from core.seo.writer import SeoWriter

    stats = Counters()
    writer = SeoWriter(LlmClient.from_env(stats), stats, refresh=refresh)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(lambda r: writer.write_job(r.job_id, r.outcome), results))
    return time.perf_counter() - started, stats.get_stats()


def bench_latency(fake, n: int, concurrency: int) -> None:
    results = _store(_postings(n))
    fake.latency = 0.2
    rows = []
    for label, workers in (("serial", 1), (f"concurrent ({concurrency})", concurrency)):
        _configure(fake, workers)
        before = fake.calls()
        seconds, stats = _write_all(results, workers, refresh=True)
        rows.append((label, seconds, fake.calls() - before, stats.get("jobs/seo/accepted", 0)))
    print(f"\n{n} jobs, fake server with 200 ms latency per call")
    print(f"  {'mode':<18}{'seconds':>9}{'calls':>7}{'accepted':>10}{'jobs/s':>8}")
    for label, seconds, calls, accepted in rows:
        print(f"  {label:<18}{seconds:>9.2f}{calls:>7}{accepted:>10}{n / seconds:>8.1f}")
    print(f"  speed-up: {rows[0][1] / rows[1][1]:.1f}x (ideal {concurrency}x)")

    _configure(fake, concurrency)
    before = fake.calls()
    unchanged = _store(_postings(n))
    assert all(r.outcome == "noop" for r in unchanged)
    seconds, stats = _write_all(unchanged, concurrency, refresh=False)
    print(f"\nre-store of the same {n} jobs (all noop): {fake.calls() - before} LLM calls "
          f"(target 0) in {seconds:.2f} s; {stats}")
    before = fake.calls()
    seconds, stats = _write_all(results, concurrency, refresh=False)  # `jobs seo` without --refresh
    print(f"`jobs seo` over the same {n} jobs: {fake.calls() - before} LLM calls (target 0), "
          f"{stats.get('jobs/seo/cache_hit', 0)} cache hits in {seconds:.2f} s")


def _latest_seo_stats(source: str) -> dict:
    from sqlalchemy import select

    from core.storage.database import session_scope
    from core.storage.tables import CrawlRun

    with session_scope() as session:
        run = session.scalars(select(CrawlRun).where(CrawlRun.source == source)
                              .order_by(CrawlRun.id.desc()).limit(1)).one()
        return {k.removeprefix("jobs/seo/"): v for k, v in sorted((run.stats or {}).items())
                if k.startswith("jobs/seo/")}


def bench_recrawl(fake) -> None:
    from sqlalchemy import select

    from core.storage.database import session_scope
    from core.storage.tables import CrawlRun
    from services.crawl import run_spider

    fake.latency = 0.0
    _configure(fake, 4)
    os.environ.update({"JOBS_REPLAY": "1", "JOBS_RECORD_RUNS": "1"})
    print("\nre-crawl of the demo sources through the replay server (real scrapy crawls)")
    print(f"  {'source':<16}{'items':>6}{'1st: calls':>12}{'2nd: unchanged':>16}{'2nd: calls':>12}")
    total = 0
    for source, today in DEMO_SOURCES:
        os.environ["JOBS_TODAY"] = today or "2026-02-15"
        first_calls = fake.calls()
        first = run_spider(source)
        first_calls = fake.calls() - first_calls
        first_seo = _latest_seo_stats(source)
        before = fake.calls()
        second = run_spider(source)
        second_calls = fake.calls() - before
        total += second_calls
        with session_scope() as session:
            run = session.scalars(select(CrawlRun).where(CrawlRun.source == source)
                                  .order_by(CrawlRun.id.desc()).limit(1)).one()
            recorded = (run.stats or {}).get("jobs/seo/llm_call", 0)
        print(f"  {source:<16}{first['items']:>6}{first_calls:>12}{second['unchanged']:>16}"
              f"{second_calls:>12}   (crawl_runs.stats llm_call: {recorded})")
        print(f"      1st crawl: {first_seo}")
    print(f"  LLM calls on the re-crawl: {total} (target 0)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-crawl", action="store_true", help="skip the demo-source re-crawl")
    parser.add_argument("--crawl-only", action="store_true", help="only the demo-source re-crawl")
    args = parser.parse_args()

    from tests.pipelines.fake_openai import FakeOpenAI

    server = _setup_database()
    fake = FakeOpenAI().start()
    try:
        if not args.crawl_only:
            bench_latency(fake, args.jobs, args.concurrency)
        if not args.no_crawl:
            bench_recrawl(fake)
    finally:
        fake.stop()
        server.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
