"""An XSS corpus and a snapshot record that carries it in every text field a page shows."""

from __future__ import annotations

import datetime as dt

from core.domain.merge import facts_hash
from core.domain.schema import JobPosting

PAYLOADS = (
    "<script>window.__xss=1;alert(1)</script>",
    '"><img src=x onerror="window.__xss=2;alert(2)">',
    "</script><script>window.__xss=3;alert(3)</script>",
    "<svg onload=alert(4)>",
    "'><iframe src=javascript:alert(5)>",
    "<a href=\"javascript:alert(6)\">click</a>",
    "]]><!-- --><x>&amp;</x>",
    "{{ 7*7 }}{% raw %}",
)
EVIL = " ".join(PAYLOADS)
SLUG = "evil-recruitment-2026-abcdef"


def evil_record(today: dt.date) -> dict:
    job = JobPosting(
        source="evil<script>alert(7)</script>", source_url="https://evil.example/n?a=<b>&c='d'",
        organisation=f"Evil Board {PAYLOADS[1]}", organisation_short="EVIL<svg onload=alert(8)>",
        department=PAYLOADS[0], title=f"Evil Recruitment 2026 {PAYLOADS[2]}",
        description=EVIL, advt_no=PAYLOADS[3], apply_last=today + dt.timedelta(days=9),
        qualification=[PAYLOADS[4]], eligibility=EVIL, selection_process=[PAYLOADS[0]],
        age_max=30, age_relaxation=PAYLOADS[1], age_notes=[PAYLOADS[2]],
        fees={"general": 100, "notes": [PAYLOADS[3]], "payment_modes": [PAYLOADS[0]]},
        posts=[{"name": PAYLOADS[0], "count": 3, "qualification": PAYLOADS[5]}],
        events=[{"label": PAYLOADS[1], "text": PAYLOADS[2]}],
        links=[{"label": PAYLOADS[5], "url": "https://evil.example/apply?x=\"><script>alert(9)</script>"}],
    )
    facts = job.model_dump(mode="json")
    return {
        "slug": SLUG, "fingerprint": "evil/2026", "facts": facts, "provenance": {},
        "events": [{"stage": "recruitment", "title": EVIL, "date": today.isoformat(),
                    "link": "javascript:alert(10)", "source": "evil", "source_kind": "official",
                    "source_url": "https://evil.example/", "first_seen": today.isoformat()}],
        "seo": {"title": PAYLOADS[2], "description": EVIL, "summary": EVIL,
                "faq": [{"q": PAYLOADS[0], "a": PAYLOADS[2]}], "origin": "template"},
        "is_featured": False, "priority": 0, "content_hash": facts_hash(facts),
        "first_seen": today.isoformat(), "last_seen": today.isoformat(),
    }
