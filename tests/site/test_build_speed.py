"""The speed-ups of the site build keep its output: helper processes, the row cache, streaming."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from jobpages.fragments import memoize_constant_partials, template_reads  # site/plugins: conftest

from core.config import PROJECT_ROOT
from core.storage.snapshot import (
    RecordReader,
    iter_snapshot,
    read_record,
    read_snapshot,
    write_snapshot,
)
from services.build import last_build, manifest_path, tree_digest
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
    """A build in a fresh single-threaded process (the test runner has threads: no forking)."""
    env = {**os.environ, "JOBS_BUILD_WORKERS": str(workers), "JOBS_VAR_DIR": str(var),
           "PYTHONPATH": str(PROJECT_ROOT)}
    proc = subprocess.run([sys.executable, "-c", BUILD, str(snapshot), str(output), TODAY,
                           SITE_URL], env=env, capture_output=True, text=True, timeout=600,
                          cwd=PROJECT_ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 3])
def test_a_build_shared_with_helper_processes_writes_the_same_files(tmp_path, workers):
    snapshot = write_snapshot(snapshot_of(expanded_postings(450)), tmp_path / "snapshot.json")
    pages, log = _build_in_child(snapshot, tmp_path / "forked", workers, tmp_path / "var")
    assert f"written by {workers} processes" in log
    serial_pages, log = _build_in_child(snapshot, tmp_path / "serial", 1, tmp_path / "var")
    assert "written by 1 processes" in log
    assert pages == serial_pages > 450
    assert tree_digest(tmp_path / "forked") == tree_digest(tmp_path / "serial")


def test_a_rebuild_from_the_row_cache_matches_a_build_from_scratch(build, real_snapshot, tmp_path):
    output = build(real_snapshot)
    rows = manifest_path(output).with_suffix(".rows.pickle")
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


def test_a_constant_partial_is_rendered_once_and_again_for_a_value_of_its_own():
    env = Environment(loader=DictLoader({
        "partials/head.html": '<a href="{{ SITEURL }}/">{% include "partials/name.html" %}</a>',
        "partials/name.html": "{{ SITENAME }}",
        "partials/row.html": "{{ v }}",
    }), autoescape=True)
    base = {"SITEURL": "https://a.example", "SITENAME": "Jobs & more"}
    reads = template_reads(env, ["partials/head.html", "partials/name.html", "partials/row.html"])
    assert reads["partials/head.html"] == ["SITENAME", "SITEURL"]  # with what it includes
    kept = memoize_constant_partials(env, base, reads)
    assert kept == ["partials/head.html", "partials/name.html"]
    head = env.get_template("partials/head.html")
    assert head.render(base) == head.render(base) == '<a href="https://a.example/">Jobs &amp; more</a>'
    assert head.render({**base, "SITENAME": "Other"}) == '<a href="https://a.example/">Other</a>'


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


FAILING_HELPER = """
import sys
sys.path.insert(0, "site/plugins")
from jobpages.forked import HelperFailed, start_helpers, stop_helpers

def fail(index, channel):
    raise RuntimeError(f"helper {index} broke")

helpers = start_helpers(1, fail)
try:
    helpers[0].recv()
except HelperFailed as exc:
    print(exc)
finally:
    stop_helpers(helpers)
"""


def test_a_failing_helper_fails_the_build_with_its_traceback():
    # in a fresh process: forking the threaded test runner is what the build itself avoids
    proc = subprocess.run([sys.executable, "-c", FAILING_HELPER], capture_output=True,
                          text=True, timeout=120, cwd=PROJECT_ROOT)
    assert "jobpages-helper-1 failed" in proc.stdout
    assert "RuntimeError: helper 1 broke" in proc.stdout


def test_the_page_count_is_what_the_build_made_not_every_html_file_there(build, real_snapshot):
    output = build(real_snapshot)
    (output / "stray.html").write_text("not ours")
    from services.build import build_site

    count = build_site(Path(output.parent / "site.json"), output, TODAY, SITE_URL)
    assert count == sum(1 for p in output.rglob("*.html")) - 1
