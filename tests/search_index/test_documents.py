"""search_document: plain text from untrusted scraped fields, stable ids, filter fields."""

from __future__ import annotations

from search_index.documents import plain_text, search_document
from tests.search_index.conftest import job_record


def test_a_document_has_the_filter_fields(snapshot):
    doc = search_document(snapshot["jobs"][0])
    assert doc["id"] == "ssc-cgl-2026-abc123"
    assert doc["url"] == "/jobs/ssc-cgl-2026-abc123/"
    assert (doc["organisation"], doc["organisation_short"], doc["category"]) == (
        "Staff Selection Commission", "SSC", "SSC")
    assert (doc["stage"], doc["stage_label"]) == ("online_form", "Online Form")
    assert doc["qualification"] == ["Graduate", "Bachelor's Degree"]
    assert doc["posts"] == ["Assistant Section Officer"]
    assert doc["last_date"] == 1773100800  # 2026-03-10T00:00:00Z
    assert doc["last_date_iso"] == "2026-03-10"
    assert doc["notice_date"] == 1769904000  # 2026-02-01T00:00:00Z
    assert doc["summary"] == "SSC has opened online applications for CGL 2026."


def test_the_id_is_the_slug_and_stable_across_rebuilds(snapshot):
    record = snapshot["jobs"][1]
    assert search_document(record) == search_document(record)
    assert search_document(record)["id"] == record["slug"]
    assert search_document(record)["state"] == "Uttar Pradesh"


def test_missing_dates_are_absent_not_zero(snapshot):
    doc = search_document(snapshot["jobs"][2])
    assert doc["last_date"] is None and doc["last_date_iso"] is None


def test_markup_in_scraped_fields_is_stripped_to_plain_text():
    doc = search_document(job_record(
        "xss-2026-000001",
        title='<script>alert("t")</script>Clerk <b>Bharti</b> <img src=x onerror=alert(1)>',
        organisation="Board &amp; <i>Commission</i>",
        posts=[{"name": "&lt;script&gt;alert(1)&lt;/script&gt;Peon"}],
        seo_summary='<a href="javascript:alert(1)">Apply</a> now'))
    assert doc["title"] == "Clerk Bharti"
    assert doc["organisation"] == "Board & Commission"
    assert doc["posts"] == ["Peon"]
    assert doc["summary"] == "Apply now"
    assert all("<" not in str(v) and "javascript:" not in str(v) for v in doc.values())


def test_ordinary_text_is_not_escaped_or_mangled():
    assert plain_text("Age < 30 & > 18, fee ₹100") == "Age < 30 & > 18, fee ₹100"
    assert plain_text("उत्तर प्रदेश पुलिस भर्ती") == "उत्तर प्रदेश पुलिस भर्ती"
    assert plain_text("O'Brien \"quoted\"") == "O'Brien \"quoted\""
    assert plain_text("A\u00a0B\u200b\x00C") == "A BC"


def test_a_long_summary_is_cut_at_a_word():
    doc = search_document(job_record("long-2026-000002", seo_summary="word " * 400))
    assert len(doc["summary"]) <= 601 and doc["summary"].endswith("word…")
