"""How the build shares its work (a process pool or one process) and what it keeps between
builds (the row cache, the snapshot read record by record): none of it changes the files."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader
from jobpages.render import PageRenderer  # site/plugins is on sys.path: tests/site/conftest.py
from jobsite.catalogue import catalogue_of
from jobsite.pool import can_fork, run_sliced
from jobsite.views import day, http_url, thousands

from core.config import PROJECT_ROOT
from core.storage.snapshot import (
    RecordReader,
    iter_snapshot,
    read_record,
    read_snapshot,
    write_snapshot,
)
from services.build import build_state, last_build, tree_digest
from tests.site.conftest import SITE_URL, TODAY
from tests.site.realposts import expanded_postings, snapshot_of

BUILD = """
import json, logging, sys
from pathlib import Path
from services.build import build_site
logging.basicConfig(level=logging.INFO, format="%(message)s")
print(json.dumps(build_site(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4])))
"""


def _build_in_child(snapshot: Path, output: Path, workers: int, var: Path) -> tuple[int, str]:
    """A build in a fresh single-threaded process (the test runner has threads: no pool)."""
    env = {**os.environ, "JOBS_BUILD_WORKERS": str(workers), "JOBS_VAR_DIR": str(var),
           "PYTHONPATH": str(PROJECT_ROOT)}
    proc = subprocess.run([sys.executable, "-c", BUILD, str(snapshot), str(output), TODAY,
                           SITE_URL], env=env, capture_output=True, text=True, timeout=600,
                          cwd=PROJECT_ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc.stderr


@pytest.mark.slow
def test_a_build_in_a_process_pool_writes_the_same_files_as_one_in_a_single_process(tmp_path):
    snapshot = write_snapshot(snapshot_of(expanded_postings(450)), tmp_path / "snapshot.json")
    pages, log = _build_in_child(snapshot, tmp_path / "pool", 2, tmp_path / "var")
    assert "rendered by 2 processes" in log
    single_pages, log = _build_in_child(snapshot, tmp_path / "single", 1, tmp_path / "var")
    assert "rendered by 1 processes" in log
    assert pages == single_pages > 450
    assert tree_digest(tmp_path / "pool") == tree_digest(tmp_path / "single")


POOL = """
import json, os, sys
sys.path.insert(0, "site/plugins")
from jobsite.pool import run_sliced

numbers = list(range(100))

def work(start, stop):  # a closure over the plan: the processes inherit it, nothing is pickled
    return [os.getpid(), sum(numbers[start:stop])]

results = run_sliced(work, len(numbers), workers=2, size=10)

def fail(start, stop):
    if start == 30:
        raise ValueError(f"slice {start} broke")
    return stop - start

try:
    run_sliced(fail, 100, workers=2, size=10)
    failure = None
except ValueError as exc:
    failure = str(exc)
print(json.dumps({"me": os.getpid(), "results": results, "failure": failure}))
"""


@pytest.fixture(scope="module")
def pool_run() -> dict:
    """``run_sliced`` in a fresh single-threaded process, where it may use a pool."""
    proc = subprocess.run([sys.executable, "-c", POOL], capture_output=True, text=True,
                          timeout=120, cwd=PROJECT_ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_pool_returns_each_slice_s_result_in_order_from_other_processes(pool_run):
    assert [total for _, total in pool_run["results"]] == [
        sum(range(start, start + 10)) for start in range(0, 100, 10)]
    pids = {pid for pid, _ in pool_run["results"]}  # which of the two takes a slice: any
    assert 1 <= len(pids) <= 2 and pool_run["me"] not in pids


def test_a_slice_that_fails_in_the_pool_raises_its_error_in_the_build(pool_run):
    assert pool_run["failure"] == "slice 30 broke"


def test_with_another_thread_running_the_work_is_done_in_this_process():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert run_sliced(lambda start, stop: [os.getpid(), start, stop], 100, workers=4,
                          size=10) == [[os.getpid(), 0, 100]]
    finally:
        stop.set()
        thread.join()


def test_the_plugins_share_one_catalogue_per_build(real_snapshot, tmp_path):
    path = write_snapshot(real_snapshot, tmp_path / "snapshot.json")
    settings = {"JOBS_SNAPSHOT": str(path), "JOBS_TODAY": TODAY, "PATH": str(tmp_path),
                "JOBS_BUILD_STATE": str(tmp_path / "state"), "JOBS_BUILD_WORKERS": 1}
    context: dict = {}
    first = catalogue_of(SimpleNamespace(context=context, settings=settings))
    second = catalogue_of(SimpleNamespace(context=context, settings=settings))
    assert first is second and len(first.rows) == len(real_snapshot["jobs"])
    assert catalogue_of(SimpleNamespace(context={}, settings=settings)) is not first


def test_the_header_and_footer_passed_as_html_are_what_their_includes_render():
    env = Environment(loader=FileSystemLoader(str(PROJECT_ROOT / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(day=day, http_url=http_url, thousands=thousands)
    base = {"SITEURL": SITE_URL, "SITENAME": "Jobs & more", "SITE_TAGLINE": "Daily",
            "DEFAULT_LANG": "en", "pages": [{"url": "about/", "title": "About <us>"}],
            "SEARCH_MEILI_URL": "", "SEARCH_MEILI_KEY": "", "SEARCH_MEILI_INDEX": ""}
    renderer = PageRenderer(env, base, catalogue=None, reader=None)
    assert {"header_html", "footer_html"} <= set(renderer.base)
    included = env.get_template("404.html").render({**base, "page_url": "404.html", "latest": []})
    assert renderer.not_found([]) == included
    assert "About &lt;us&gt;" in included and '<header class="top">' in included


def test_a_rebuild_from_the_row_cache_matches_a_build_from_scratch(build, real_snapshot):
    output = build(real_snapshot)
    rows = build_state(output) / "rows.pickle"
    assert rows.exists()
    later = build(real_snapshot, today="2026-02-10")  # rows from the cache, pages re-dated
    assert last_build(later)["written"]
    rows.unlink()
    fresh = build(real_snapshot, "fresh", today="2026-02-10")
    assert tree_digest(later) == tree_digest(fresh)


def test_the_snapshot_is_json_read_record_by_record(real_snapshot, tmp_path):
    path = write_snapshot(real_snapshot, tmp_path / "snapshot.json")
    assert json.loads(path.read_text(encoding="utf-8")) == read_snapshot(path) == real_snapshot
    lines = list(iter_snapshot(path))
    assert [line.record for line in lines] == real_snapshot["jobs"]
    assert read_record(path, lines[3].offset, lines[3].length) == real_snapshot["jobs"][3]
    assert len({line.digest for line in lines}) == len(lines)
    other = tmp_path / "indented.json"  # any JSON snapshot still reads, with the same digests
    other.write_text(json.dumps(real_snapshot, indent=2), encoding="utf-8")
    assert [line.digest for line in iter_snapshot(other)] == [line.digest for line in lines]


def test_a_snapshot_with_windows_line_ends_and_no_last_newline_reads_the_same(real_snapshot,
                                                                              tmp_path):
    path = write_snapshot(real_snapshot, tmp_path / "snapshot.json")
    crlf = tmp_path / "crlf.json"
    crlf.write_bytes(path.read_bytes().replace(b"\n", b"\r\n").rstrip())
    lines, again = list(iter_snapshot(path)), list(iter_snapshot(crlf))
    assert [line.digest for line in again] == [line.digest for line in lines]
    assert [line.record for line in again] == real_snapshot["jobs"]
    reader = RecordReader(crlf)
    try:
        assert [reader.read(line.offset, line.length) for line in again] == real_snapshot["jobs"]
    finally:
        reader.close()


def test_the_garbage_collector_is_as_it_was_after_a_build(build, real_snapshot):
    assert gc.isenabled()
    build(real_snapshot)
    assert gc.isenabled()
    gc.disable()
    try:
        build(real_snapshot, "again")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_page_count_is_what_the_build_made_not_every_html_file_there(build, real_snapshot):
    output = build(real_snapshot)
    (output / "stray.html").write_text("not ours")
    from services.build import build_site

    count = build_site(Path(output.parent / "site.json"), output, TODAY, SITE_URL)
    assert count == sum(1 for p in output.rglob("*.html")) - 1
