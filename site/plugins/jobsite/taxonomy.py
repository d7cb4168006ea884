"""Which listings a job belongs to: category, state, qualification, stage (pure functions).

Aggregator posts rarely state a category or a state, so both fall back to words in the
organisation's name and the title; the first matching rule wins.
"""

from __future__ import annotations

import functools
import re

from slugify import slugify

from core.domain.schema import JobPosting

CATEGORY_RULES: tuple[tuple[str, str], ...] = (
    ("UPSC", r"\bunion public service commission\b|\bupsc\b"),
    ("Bank", r"\bbank|\bibps\b|\bsbi\b|\binsurance\b|\bnabard\b|\brbi\b"),
    ("Railway", r"\brailway|\brrb\b|\brrc\b|\bmetro rail"),
    ("Defence", r"\barmy\b|\bnavy\b|\bnaval\b|\bair force\b|\bdefence\b|\bcoast guard\b|\bagniveer"),
    ("Police", r"\bpolice\b|\bconstable|\bbpssc\b|\bcsbc\b|\bcrpf\b|\bbsf\b|\bcisf\b|\bitbp\b"),
    ("Teaching", r"\bteacher|\bschool\b|\beducation\b|\b[a-z]?tet\b|\btre\b|\blecturer"),
    ("State PSC", r"public service commission|\b[a-z]{1,3}psc\b"),
    ("SSC", r"\bstaff selection\b|\bssc\b|\bsubordinate services\b|\bsssc\b|\bssb\b"),
    ("Entrance Exam", r"\bentrance\b|\bnational testing agency\b|\bnta\b|\bcounsell?ing\b|\bjee"),
    ("PSU", r"\blimited\b|\bltd\b|\bcorporation\b"),
)

STATES = (
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Delhi", "Goa",
    "Gujarat", "Haryana", "Himachal Pradesh", "Jammu and Kashmir", "Jharkhand", "Karnataka",
    "Kerala", "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland",
    "Odisha", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
    "Uttar Pradesh", "Uttarakhand", "West Bengal",
)
STATE_ABBREVIATIONS = {
    "up": "Uttar Pradesh", "mp": "Madhya Pradesh", "hp": "Himachal Pradesh", "wb": "West Bengal",
    "jk": "Jammu and Kashmir", "tn": "Tamil Nadu", "ap": "Andhra Pradesh",
}
ALL_INDIA = "All India"
_STATE_WORDS = re.compile(r"\b(" + "|".join(re.escape(s.lower()) for s in STATES) + r")\b")
_STATE_ABBR = re.compile(r"^(" + "|".join(STATE_ABBREVIATIONS) + r")\b")


def _haystack(job: JobPosting) -> str:
    return " ".join(filter(None, (job.organisation, job.organisation_short, job.department, job.title))).lower()


_CATEGORY_PATTERNS = tuple((name, re.compile(pattern)) for name, pattern in CATEGORY_RULES)


def job_category(job: JobPosting) -> str:
    text = _haystack(job)
    for name, pattern in _CATEGORY_PATTERNS:
        if pattern.search(text):
            return name
    return job.category or "Other"


def job_state(job: JobPosting) -> str:
    if job.state:
        return job.state
    text = _haystack(job)
    if match := _STATE_WORDS.search(text):
        return next(s for s in STATES if s.lower() == match.group(1))
    short = (job.organisation_short or job.title).lower()
    if match := _STATE_ABBR.match(short):
        return STATE_ABBREVIATIONS[match.group(1)]
    return ALL_INDIA


@functools.lru_cache(maxsize=65536)
def group_slug(name: str) -> str:
    return slugify(name) or "other"
