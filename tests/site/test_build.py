"""Full builds of a fixture site from the real posts: determinism, incremental rebuilds, overrides."""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
from pathlib import Path

from core.config import PROJECT_ROOT
from services.build import last_build, tree_digest
from tests.site.conftest import TODAY

TEMPLATES = PROJECT_ROOT / "templates"


def _job_pages(output: Path) -> dict[str, int]:
    return {str(p.relative_to(output)): p.stat().st_mtime_ns for p in output.glob("jobs/*/index.html")}


def _retitle(snapshot: dict, slug: str, title: str, day: str) -> dict:
    changed = copy.deepcopy(snapshot)
    job = next(j for j in changed["jobs"] if j["slug"] == slug)
    job["facts"]["title"] = title
    job["content_hash"] = "changed"
    job["last_seen"] = day
    job["events"].append({**job["events"][0], "title": title, "first_seen": day, "date": day})
    return changed


def test_rebuild_from_the_same_data_is_byte_identical(build, real_snapshot):
    first = tree_digest(build(real_snapshot, "one"))
    second = tree_digest(build(real_snapshot, "two"))
    assert first == second
    assert sum(p.startswith("jobs/") for p in first) == len(real_snapshot["jobs"])


def test_unchanged_rebuild_writes_nothing(build, real_snapshot):
    output = build(real_snapshot)
    assert len(last_build(output)["written"]) > 100
    before = tree_digest(output)
    build(real_snapshot)
    assert last_build(output) == {"written": [], "removed": []}
    assert tree_digest(output) == before


def test_after_one_job_changes_only_its_page_and_the_pages_listing_it_are_rewritten(build, real_snapshot):
    output = build(real_snapshot)
    slug = "up-police-constable-2026-4870a7"  # open on 2026-01-20: on the home page and feeds
    assert slug in {j["slug"] for j in real_snapshot["jobs"]}
    mtimes = _job_pages(output)
    build(_retitle(real_snapshot, slug, "UP Police Constable 2026 (revised)", "2026-01-21"))
    written = set(last_build(output)["written"])
    assert f"jobs/{slug}/index.html" in written
    assert "UP Police Constable 2026 (revised)" in (
        output / f"jobs/{slug}/index.html").read_text()
    # every other written file is a page, feed or sitemap that shows this job's row
    for path in written - {f"jobs/{slug}/index.html"}:
        text = (output / path).read_text()
        assert slug in text or path == "sitemap.xml", path
    assert {"sitemaps/1.xml", "sitemap.xml", "feed.xml"} <= written
    untouched = [p for p in mtimes if p not in written]
    assert len(untouched) >= len(mtimes) - 6
    assert all((output / p).stat().st_mtime_ns == mtimes[p] for p in untouched)


def test_a_removed_job_loses_its_page_and_the_manifest_says_so(build, real_snapshot):
    output = build(real_snapshot)
    gone = real_snapshot["jobs"][0]["slug"]
    smaller = {**real_snapshot, "jobs": real_snapshot["jobs"][1:]}
    build(smaller)
    assert not (output / f"jobs/{gone}/index.html").exists()
    assert f"jobs/{gone}/index.html" in last_build(output)["removed"]


def test_every_template_the_site_uses_is_in_the_theme(build, real_snapshot):
    names = set()
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        names |= set(re.findall(r'{%-?\s*(?:extends|include)\s+"([^"]+)"(?!\s+ignore missing)', text))
    names |= {f"{n}.html" for n in ("job", "index", "listing", "groups", "archive", "404", "page")}
    missing = [n for n in sorted(names) if not (TEMPLATES / n).is_file()]
    assert not missing
    output = build(real_snapshot)
    # Pelican's built-in "notmyidea"/"simple" themes would link their own CSS and credits.
    for page in [output / "index.html", output / "about/index.html", output / "404.html"]:
        text = page.read_text()
        assert "Proudly powered by" not in text and "/theme/css/main.css" not in text
        assert 'class="skip"' in text


def test_an_override_corrects_facts_and_appends_sanitised_notes(build, real_snapshot, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content" / "pages", content / "pages")
    slug = "rajasthan-police-constable-2026-cb59c7"
    (content / "overrides").mkdir()
    (content / "overrides" / f"{slug}.md").write_text(
        "Advt_no: 07/2025\nFees.general: 750\nModified: 2026-01-22\n\n"
        "The board extended the **PET** schedule.<script>alert(1)</script>\n", encoding="utf-8")
    output = build(real_snapshot, PATH=str(content))
    page = (output / f"jobs/{slug}/index.html").read_text()
    assert "Advt. No. 07/2025" in page and "₹750" in page
    assert "<strong>PET</strong>" in page and "alert(1)" not in page
    assert f"<loc>https://jobs.example.in/jobs/{slug}/</loc><lastmod>2026-01-22</lastmod>" in (
        output / "sitemaps/1.xml").read_text()


def test_an_organisation_with_no_jobs_left_loses_its_listing_and_its_feeds(build, real_snapshot):
    from jobsite.views import job_view  # site/plugins is on sys.path (tests/site/conftest.py)

    today = dt.date.fromisoformat(TODAY)
    views = [job_view(j, today) for j in real_snapshot["jobs"]]
    org = next(v["org_slug"] for v in views if not v["archived"])
    output = build(real_snapshot)
    listing = [f"organisations/{org}/{name}" for name in ("index.html", "feed.xml", "atom.xml")]
    assert all((output / path).is_file() for path in listing)
    kept = [j for j, v in zip(real_snapshot["jobs"], views, strict=True) if v["org_slug"] != org]
    build({**real_snapshot, "jobs": kept})
    assert not any((output / path).exists() for path in listing)
    assert set(listing) <= set(last_build(output)["removed"])
