"""bench/bench_site.py on 50 jobs: the report has every figure, the table shows each target and
its verdict, and Hugo builds a comparable site."""

from __future__ import annotations

import shutil

import pytest

from bench.bench_site import (
    HUGO,
    TARGET_RATIO,
    bench,
    change_one_job,
    exit_status,
    make_snapshot,
    print_report,
)

FIGURES = {"wall", "build_seconds", "import_seconds", "html", "maxrss_mb", "pss_mb",
           "files_written", "pages_per_s"}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    return bench(50, tmp_path_factory.mktemp("bench"), log=lambda line: None)


@pytest.mark.slow
def test_the_report_has_every_figure_of_the_full_build(report):
    ours = report["ours"]
    assert set(ours) >= FIGURES
    assert ours["html"] > 50 and ours["files_written"] >= ours["html"] - 5
    assert 0 < ours["maxrss_mb"] < 1000 and ours["pss_mb"] > 0
    assert set(report["verdict"]) == {"pages_per_s", "incremental", "memory"}


@pytest.mark.slow
def test_a_one_job_rebuild_writes_its_page_and_only_files_that_show_it(report):
    inc = report["incremental"]
    assert inc["job_page_written"] and inc["all_show_the_job"]
    assert 1 < inc["files_written"] < report["ours"]["files_written"] / 2
    assert inc["runs"] == [inc["wall"]]


@pytest.mark.slow
def test_an_unchanged_rebuild_writes_nothing(report):
    assert report["unchanged"]["files_written"] == 0


@pytest.mark.slow
def test_hugo_builds_a_comparable_site_from_the_same_jobs(report):
    if shutil.which(HUGO) is None:
        assert report["hugo"] is None and report["ratio"] is None
        return
    hugo, ours = report["hugo"], report["ours"]
    assert hugo["content_files"] == report["jobs"] == 50
    pages = hugo["html"] - hugo["aliases"]  # Hugo's /page/1/ redirects are not pages
    assert 0.7 * ours["html"] <= pages <= 1.5 * ours["html"]
    assert report["ratio"] == pytest.approx(ours["pages_per_s"] / hugo["pages_per_s"])
    assert report["pair_ratios"] == [report["ratio"]]


@pytest.mark.slow
def test_the_table_shows_each_target_with_its_verdict(report, capsys):
    print_report(report)
    table = capsys.readouterr().out
    for figure, target in (("pages/s, ours ÷ Hugo", f"≥ {TARGET_RATIO:.1f}"),
                           ("rebuild, one job changed, s", "≤ 2"),
                           ("peak memory counted, MB", "≤ 500")):
        line = next(line for line in table.splitlines() if line.startswith(figure))
        assert target in line and line.split()[-1] in ("PASS", "FAIL", "skipped"), line
    assert "rebuild, nothing changed, s" in table


def test_a_missed_target_fails_the_run_and_a_skipped_one_does_not():
    assert exit_status({"pages_per_s": None, "incremental": True, "memory": True}) == 0
    assert exit_status({"pages_per_s": True, "incremental": False, "memory": True}) == 1


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


def test_each_rebuild_of_a_series_changes_another_job():
    snapshot = make_snapshot(30)
    slugs = [change_one_job(snapshot, "2026-01-20", nth=n)[1] for n in range(3)]
    assert len(set(slugs)) == 3
