"""bench/bench_site.py on 50 jobs: the report has every figure, and Hugo builds a comparable site."""

from __future__ import annotations

import shutil

import pytest

from bench.bench_site import HUGO, bench, change_one_job, make_snapshot

FIGURES = {"wall", "build_seconds", "import_seconds", "html", "maxrss_mb", "pss_mb",
           "files_written", "pages_per_s"}


@pytest.mark.slow
def test_the_bench_reports_every_figure_and_hugo_builds_a_comparable_site(tmp_path):
    report = bench(50, tmp_path, log=lambda line: None)
    ours = report["ours"]
    assert set(ours) >= FIGURES
    assert ours["html"] > 50 and ours["files_written"] >= ours["html"] - 5
    assert 0 < ours["maxrss_mb"] < 1000 and ours["pss_mb"] > 0
    inc = report["incremental"]
    assert inc["job_page_written"] and inc["all_show_the_job"]
    assert 1 < inc["files_written"] < ours["files_written"] / 2
    assert report["unchanged"]["files_written"] == 0
    assert set(report["verdict"]) == {"pages_per_s", "incremental", "memory"}
    if shutil.which(HUGO) is None:
        assert report["hugo"] is None and report["ratio"] is None
        return
    hugo = report["hugo"]
    assert hugo["content_files"] == report["jobs"] == 50
    pages = hugo["html"] - hugo["aliases"]  # Hugo's /page/1/ redirects are not pages
    assert 0.7 * ours["html"] <= pages <= 1.5 * ours["html"]
    assert report["ratio"] == pytest.approx(ours["pages_per_s"] / hugo["pages_per_s"])


def test_one_changed_job_is_an_open_one_with_an_update_today():
    snapshot = make_snapshot(30)
    changed, slug = change_one_job(snapshot, "2026-01-20")
    before = next(j for j in snapshot["jobs"] if j["slug"] == slug)
    after = next(j for j in changed["jobs"] if j["slug"] == slug)
    assert after["facts"]["apply_last"] >= "2026-01-20"
    assert after["facts"]["title"] == before["facts"]["title"] + " (revised)"
    assert len(after["events"]) == len(before["events"]) + 1
    others = [j for j in changed["jobs"] if j["slug"] != slug]
    assert others == [j for j in snapshot["jobs"] if j["slug"] != slug]
