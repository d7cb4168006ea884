"""What the pages show: job facts, days left, home sections, listings, pagination, archive, 404."""

from __future__ import annotations

from tests.site.realposts import expanded_postings, snapshot_of

UP_POLICE = "jobs/up-police-constable-2026-4870a7/index.html"


def test_job_page_shows_every_fact_section(build, real_snapshot):
    page = (build(real_snapshot) / UP_POLICE).read_text()
    for text in ("<h1>UP Police Constable", "Uttar Pradesh Police Recruitment and Promotion Board",
                 'class="badge', 'class="stages"', "Important dates", "Last date to apply",
                 "Application fee", "<th scope=\"row\">SC / ST</th><td>₹400</td>", "Age limit",
                 "maximum 33 years", "Relaxation:", "Vacancies: 32,679 posts",
                 "<td>Constable PAC / Armed Police</td><td class=\"num\">15,131</td>", "Eligibility",
                 "Selection process", "Important links", "Notification (PDF)", "Source:",
                 "Last checked <time datetime=\"2026-01-20\">", "Related jobs"):
        assert text in page, text


def test_days_left_counts_from_jobs_today(build, real_snapshot):
    assert "(10 days left)" in (build(real_snapshot, "a", today="2026-01-20") / UP_POLICE).read_text()
    page = (build(real_snapshot, "b", today="2026-01-25") / UP_POLICE).read_text()
    assert "(5 days left)" in page and "(10 days left)" not in page
    closed = (build(real_snapshot, "c", today="2026-02-10") / UP_POLICE).read_text()
    assert "This job is closed" in closed and "days left" not in closed.split("Related jobs")[0]


def test_home_has_latest_closing_soon_and_stage_sections(build, real_snapshot):
    home = (build(real_snapshot) / "index.html").read_text()
    closing = home.split('id="closing_soon"')[1].split("</section>")[0]
    assert "up-police-constable-2026-4870a7" in closing
    assert 'id="latest"' in home
    assert home.count('<li class="row">') >= 10


def test_listings_by_every_facet_and_their_indexes(build, real_snapshot):
    output = build(real_snapshot)
    for index in ("organisations", "categories", "states", "qualifications", "stages"):
        assert (output / index / "index.html").is_file()
    assert "up-police-constable-2026-4870a7" in (output / "categories/police/index.html").read_text()
    assert "up-police-constable-2026-4870a7" in (output / "states/uttar-pradesh/index.html").read_text()
    # the post asks for 12th (Intermediate); "to be conducted" once read as a B.E. degree
    assert "up-police-constable-2026-4870a7" in (output / "qualifications/12th/index.html").read_text()
    assert "up-police-constable-2026-4870a7" in (output / "organisations/up-police/index.html").read_text()
    railway = (output / "categories/railway/index.html").read_text()
    assert "rrb-group-d-2026" in railway and "ibps-rrb" not in railway


def test_long_listings_are_paginated_with_prev_and_next(build):
    output = build(snapshot_of(expanded_postings(260)), today="2026-01-20")
    pages = sorted(output.glob("*/*/page/*/index.html"))
    assert pages
    second = pages[0].read_text()
    assert 'rel="prev"' in second and "Page 2 of" in second
    first = (pages[0].parent.parent.parent / "index.html").read_text()
    assert 'rel="next"' in first and first.count('<li class="row">') == 50


def test_closed_jobs_move_to_the_archive_and_keep_their_pages(build, real_snapshot):
    output = build(real_snapshot)
    archive = (output / "archive/index.html").read_text()
    closed = "rajasthan-police-constable-2026-cb59c7"
    assert closed in archive
    assert closed not in (output / "index.html").read_text()
    assert "This job is closed" in (output / f"jobs/{closed}/index.html").read_text()


def test_404_page_points_somewhere_useful(build, real_snapshot):
    page = (build(real_snapshot) / "404.html").read_text()
    assert "Page not found" in page
    for href in ("/archive/", "/categories/", "/states/", "/organisations/", "/jobs/"):
        assert href in page


def test_editorial_pages_come_from_content(build, real_snapshot):
    output = build(real_snapshot)
    about = (output / "about/index.html").read_text()
    assert "<h1>About this site</h1>" in about and 'rel="canonical" href="https://jobs.example.in/about/"' in about
