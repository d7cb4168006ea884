"""Crawl benchmark: raw Scrapy (item pipelines off) against the full pipeline into PostgreSQL.

    .venv/bin/python bench/bench_crawl.py                 # captures + the large board mirror
    .venv/bin/python bench/bench_crawl.py --boards 36     # a smaller mirror
    .venv/bin/python bench/bench_crawl.py --repeat 15     # 15 back-to-back pairs (default 9)

In one run: the same replayed pages (every capture under tests/crawlers/pages plus a mirror of
official notice boards built by crawlers/mirror_boards.py from the 1,278-organisation scrape)
are crawled by the same spiders, once with ITEM_PIPELINES = {} and once with the project's
pipelines storing into an embedded PostgreSQL (pgserver) in a temporary directory. Each mode
runs in its own process (one reactor per process); all spiders of a mode share that reactor.
Browser spiders (scrapy-playwright) are left out unless --with-browser: Chromium start-up would
swamp the figures. Target: full / raw throughput ≥ 0.8, judged on the median over back-to-back
(raw, full) pairs: a run is a few seconds, and on a shared 2-core machine one run of either
mode can take half as long again as the next (one pair's ratio ranged from 0.7 to 1.5), so
the median of 5 pairs still moves by ±0.08 from one benchmark to the next and 9 are taken;
best against best is printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = ROOT / "tests" / "crawlers" / "pages"
TARGET = 0.8


def build_replay(work: Path, boards: int) -> tuple[Path, Path]:
    """A replay folder: every captured source plus a mirror of ``boards`` boards (0 = all)."""
    from crawlers import mirror_boards

    replay = work / "pages"
    replay.mkdir()
    for folder in PAGES.iterdir():
        if (folder / "urls.json").is_file() and not folder.name.startswith("_"):
            (replay / folder.name).symlink_to(folder)
    config = work / "boards.json"
    mirror_boards.build(replay / "zz_board_mirror", boards, config)
    return replay, config


def worker(mode: str, replay: Path, boards_config: Path, with_browser: bool) -> dict:
    """One mode's crawl in this process: items, seconds, outcomes (run as a subprocess)."""
    os.environ["JOBS_REPLAY"] = str(replay)
    os.environ["SCRAPY_SETTINGS_MODULE"] = "crawlers.settings"
    os.environ["JOBS_RECORD_RUNS"] = "1" if mode == "full" else "0"
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawlers.spiders.notice_board import NoticeBoardSpider, load_boards
    from services.crawl import spider_names
    from tests.crawlers.crawl_all import needs_own_process

    class MirrorBoardSpider(NoticeBoardSpider):
        """The notice-board spider reading every board of the large mirror."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.boards = list(load_boards(boards_config).values())

    settings = get_project_settings()
    # Both modes import the pipeline modules before the clock starts: their import time (~2 s,
    # once per process) is not crawl throughput.
    from scrapy.utils.misc import load_object

    from pipelines import STAGES

    for path in [*settings.getdict("ITEM_PIPELINES"), *STAGES]:
        load_object(path)
    settings.set("LOG_LEVEL", "ERROR", priority="cmdline")
    settings.set("JOBS_RECORD_RUNS", mode == "full", priority="cmdline")
    if mode == "raw":
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    process = CrawlerProcess(settings)
    totals = {"spiders": 0, "pages": 0, "scraped": 0, "dropped": 0, "outcomes": {}}
    keep = []

    def closed(spider, reason):
        stats = spider.crawler.stats.get_stats()
        totals["pages"] += stats.get("response_received_count", 0)
        totals["scraped"] += stats.get("item_scraped_count", 0)
        totals["dropped"] += stats.get("item_dropped_count", 0)
        for key, value in stats.items():
            if key.startswith(("jobs/store/", "jobs/quarantine/", "jobs/dedupe/")):
                group = "/".join(key.split("/")[:3])
                totals["outcomes"][group] = totals["outcomes"].get(group, 0) + value

    keep.append(closed)
    for name in spider_names():
        spidercls = process.spider_loader.load(name)
        if needs_own_process(spidercls) and not with_browser:
            continue
        crawler = process.create_crawler(MirrorBoardSpider if name == "notice_board" else spidercls)
        crawler.signals.connect(closed, signal=signals.spider_closed)
        process.crawl(crawler)
        totals["spiders"] += 1
    started, cpu = time.perf_counter(), _cpu()
    process.start()
    totals["seconds"] = time.perf_counter() - started
    totals["cpu"] = [round(b - a, 2) for a, b in zip(cpu, _cpu(), strict=True)]
    totals["items"] = totals["scraped"] + totals["dropped"]
    return totals


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its finished children (the stage process)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def run_mode(mode: str, replay: Path, config: Path, env: dict, with_browser: bool) -> dict:
    command = [sys.executable, __file__, "--worker", mode, "--replay", str(replay),
               "--config", str(config)] + (["--with-browser"] if with_browser else [])
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} crawl failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=0, help="mirror boards (0 = all)")
    parser.add_argument("--repeat", type=int, default=9, help="(raw, full) pairs; the median ratio counts")
    parser.add_argument("--with-browser", action="store_true")
    parser.add_argument("--worker", choices=["raw", "full"], help=argparse.SUPPRESS)
    parser.add_argument("--replay", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--config", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.replay, args.config, args.with_browser)))
        return 0

    from core.storage.embedded_db import sqlalchemy_url, start_embedded
    from core.storage.migrate import upgrade

    work = Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    try:
        replay, config = build_replay(work, args.boards)
        server = start_embedded(work / "pgdata", cleanup_mode="delete")
        url = sqlalchemy_url(server.get_uri())
        upgrade(url)
        env = {**os.environ, "JOBS_DATABASE_URL": url, "JOBS_TODAY": "2026-08-22",
               "PYTHONPATH": str(ROOT)}
        env.pop("OPENAI_BASE_URL", None)
        runs: dict[str, list[dict]] = {"raw": [], "full": []}
        for _ in range(args.repeat):  # interleaved, so that a slower spell of the machine hits both
            for mode in ("raw", "full"):
                if mode == "full":  # every full run starts from an empty database
                    _truncate(url)
                postgres = _postgres_cpu()
                runs[mode].append(run_mode(mode, replay, config, env, args.with_browser))
                runs[mode][-1]["cpu"].append(round(_postgres_cpu() - postgres, 2))
        results = {mode: max(rs, key=_rate) for mode, rs in runs.items()}
        paired = [_rate(f) / _rate(r) for r, f in zip(runs["raw"], runs["full"], strict=True)]
        server.cleanup()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    raw, full = results["raw"], results["full"]
    print(f"{raw['spiders']} spiders, {raw['pages']} pages replayed per mode "
          f"(best of {args.repeat} runs shown)")
    for mode, r in results.items():
        print(f"  {mode:4}  items {r['items']:6d}  seconds {r['seconds']:7.2f}  "
              f"items/hour {_rate(r) * 3600:12,.0f}  CPU s: crawl process {r['cpu'][0]:.2f}, "
              f"stage process {r['cpu'][1]:.2f}, PostgreSQL {r['cpu'][2]:.2f}")
    print(f"  full pipeline outcomes: {json.dumps(full['outcomes'], sort_keys=True)}")
    ratio = _rate(full) / _rate(raw)
    median = statistics.median(paired)
    print(f"  ratio full/raw throughput: best against best {ratio:.2f}, median of {len(paired)} "
          f"back-to-back pairs {median:.2f} (target ≥ {TARGET})")
    print("  each pair: " + " ".join(f"{r:.2f}" for r in paired))
    return 0 if median >= TARGET else 1


def _rate(run: dict) -> float:
    """Items per second of one run."""
    return run["items"] / run["seconds"]


def _postgres_cpu() -> float:
    """CPU seconds of the postgres processes and their finished backends (Linux /proc): the
    embedded server's, when no other PostgreSQL runs on the machine."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if "(postgres)" in stat:  # utime, stime, cutime, cstime
            fields = stat.rsplit(")", 1)[1].split()
            total += sum(int(v) for v in fields[11:15]) / tick
    return total


def _truncate(url: str) -> None:
    from sqlalchemy import create_engine, text

    from core.storage.tables import Base

    engine = create_engine(url)
    with engine.begin() as conn:
        names = ", ".join(t.name for t in Base.metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
