"""Snapshot records built from real JobPosting models, and a fake Meilisearch server."""

from __future__ import annotations

import hashlib
import json

import pytest

from core.domain.schema import JobPosting


def job_record(slug: str, seo_summary: str | None = None, **facts) -> dict:
    facts = {"source": "upsc", "source_url": f"https://upsc.gov.in/{slug}",
             "organisation": "Union Public Service Commission", "title": slug, **facts}
    dumped = JobPosting(**facts).model_dump(mode="json")
    return {"slug": slug, "fingerprint": f"upsc/{slug}", "facts": dumped, "provenance": {},
            "events": [], "seo": {"title": None, "description": None, "summary": seo_summary,
                                  "faq": [], "origin": "template"},
            "is_featured": False, "priority": 0,
            "content_hash": hashlib.sha256(json.dumps(dumped, sort_keys=True).encode()).hexdigest(),
            "first_seen": "2026-02-01", "last_seen": "2026-02-15"}


@pytest.fixture
def snapshot() -> dict:
    return {"version": 1, "jobs": [
        job_record("ssc-cgl-2026-abc123", organisation="Staff Selection Commission",
                   organisation_short="SSC", title="SSC Combined Graduate Level Examination 2026",
                   category="SSC", stage="online_form", advt_no="HQ-PPII03/1/2026",
                   apply_last="2026-03-10", notice_date="2026-02-01", qualification=["Graduate"],
                   posts=[{"name": "Assistant Section Officer", "count": 500,
                           "qualification": "Bachelor's Degree"}],
                   seo_summary="SSC has opened online applications for CGL 2026."),
        job_record("up-police-constable-2026-4870a7", organisation="UP Police Recruitment Board",
                   organisation_short="UPPRPB", title="UP Police Constable भर्ती 2026",
                   state="Uttar Pradesh", category="Police", stage="admit_card",
                   qualification=["12th Pass"]),
        job_record("upsc-cse-2026-def456", organisation_short="UPSC",
                   title="Civil Services Examination 2026", category="UPSC", stage="result"),
    ]}


@pytest.fixture
def fake_meili():
    from tests.search_index.fake_meili import FakeMeili, serve

    fake = FakeMeili(key="admin-key")
    server = serve(fake)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()
