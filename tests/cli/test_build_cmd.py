"""``jobs build`` rewrites the Pagefind search bundle with the site, so it is never stale."""

from __future__ import annotations

from cli.main import main
from core.storage.snapshot import write_snapshot
from tests.search_index.conftest import job_record


def bundle_of(output):
    return {p.relative_to(output).as_posix(): p.read_bytes()
            for p in (output / "pagefind").rglob("*") if p.is_file()}


def test_a_build_after_jobs_changed_rewrites_the_search_bundle(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MEILI_URL", raising=False)
    monkeypatch.setenv("JOBS_TODAY", "2026-02-15")
    output, snapshot = tmp_path / "output", tmp_path / "snapshot.json"
    jobs = [job_record("ssc-cgl-2026-abc123", title="SSC Combined Graduate Level 2026"),
            job_record("upsc-cse-2026-def456", title="Civil Services Examination 2026")]
    write_snapshot({"version": 1, "jobs": jobs}, snapshot)
    assert main(["build", "--snapshot", str(snapshot), "--output", str(output)]) == 0
    first = bundle_of(output)
    write_snapshot({"version": 1, "jobs": jobs[:1]}, snapshot)
    assert main(["build", "--snapshot", str(snapshot), "--output", str(output)]) == 0
    assert "search bundle: 1 jobs" in capsys.readouterr().out
    assert first and bundle_of(output) != first
