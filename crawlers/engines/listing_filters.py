"""What an aggregator listing row is: a notice kind from its box heading, or not a job at all."""

from __future__ import annotations

import re

# Box headings of aggregator home pages → the notice kind of their rows; None = not job notices.
BOX_KINDS: list[tuple[re.Pattern, str | None]] = [
    (re.compile(r"syllabus|admission|certificate|important|b\.?\s*tech|diploma|iti\b", re.I), None),
    (re.compile(r"answer\s*key", re.I), "Answer Key"),
    (re.compile(r"admit\s*card", re.I), "Admit Card"),
    (re.compile(r"document\s*verification", re.I), "Document Verification"),
    (re.compile(r"result", re.I), "Result"),
    (re.compile(r"offline\s*form", re.I), "Offline Form"),
    (re.compile(r"online\s*form|latest\s*jobs?|recruitment|all\s+india\s+jobs|new\s+updates", re.I),
     "Latest Jobs"),
]

# Rows that are never job notices, whatever box they sit in.
NOT_A_JOB = re.compile(
    r"whats\s*app|telegram|android|\bapps?\b|download\s+app|facebook|youtube|"
    r"pan\s*card|voter\s*id|aadh?aa?r|ration\s*card|scholarship|khasra|"
    r"\b(caste?|income|domicile)\s+certificate",
    re.I,
)


def box_kind(heading: str) -> str | None:
    """The notice kind of a box's rows, or None when the box does not list job notices."""
    return next((kind for pattern, kind in BOX_KINDS if pattern.search(heading or "")), None)


def is_job_row(title: str) -> bool:
    return bool(title) and not NOT_A_JOB.search(title)
