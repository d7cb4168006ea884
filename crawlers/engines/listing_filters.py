"""What an aggregator listing row is: a notice kind from its box heading, or not a job at all."""

from __future__ import annotations

import re

from core.domain.schema import Stage
from core.domain.stages import stage_pattern

# Box headings of aggregator home pages → the notice kind of their rows; None = not job notices.
BOX_KINDS: list[tuple[re.Pattern, str | None]] = [
    (re.compile(r"syllabus|admission|certificate|important|jobs?\s+by\b", re.I), None),
    (stage_pattern(Stage.answer_key), "Answer Key"),
    (stage_pattern(Stage.admit_card), "Admit Card"),
    (re.compile(r"document\s*verification", re.I), "Document Verification"),
    (stage_pattern(Stage.result), "Result"),
    (re.compile(r"(on|off)line\s*form|latest\s*jobs?|recruitment|\bjobs\b|diploma|\biti\b|[bm]\.?\s*tech", re.I),
     "Latest Jobs"),
]
MIXED_BOX = re.compile(r"new\s+updates|latest\s+updates|what'?s\s+new", re.I)

# The kind a row's own title states, for boxes that mix kinds ("New Updates"), from the stage
# words of ``core.domain.stages``. Syllabi, admissions and counselling are not job notices.
TITLE_KINDS: list[tuple[re.Pattern, str | None]] = [
    (re.compile(r"syllabus", re.I), None),
    (stage_pattern(Stage.admission, Stage.counselling), None),
    (stage_pattern(Stage.answer_key), "Answer Key"),
    (stage_pattern(Stage.admit_card), "Admit Card"),
    (re.compile(r"document\s*verification", re.I), "Document Verification"),
    (stage_pattern(Stage.result, Stage.marks, Stage.score_card, Stage.cutoff), "Result"),
    (re.compile(r"form|recruitment|vacanc|bharti|apply|notification", re.I), "Latest Jobs"),
]

# Rows that are never job notices, whatever box they sit in.
NOT_A_JOB = re.compile(
    r"whats\s*app|telegram|android|\bapps?\b|download\s+app|facebook|youtube|"
    r"pan\s*card|voter\s*id|aadh?aa?r|ration\s*card|scholarship|khasra|"
    r"\b(caste?|income|domicile)\s+certificate|rojgar\s*(mela|panjiyan)|\bccc\b|date\s*sheet|"
    r"previous\s+year|fees?\s+refund|"
    # admissions and university or entrance exams, not recruitment
    r"\badmission\b|polytechnic|\bb\.?\s?ed\b|\bjee\b|jeemain|\bneet\b|\bannual\s+exam|\bprivate\s+(exam|admit)",
    re.I,
)


def box_kind(heading: str) -> str | None:
    """The notice kind of a box's rows, or None when the box does not list job notices."""
    return next((kind for pattern, kind in BOX_KINDS if pattern.search(heading or "")), None)


def title_kind(title: str) -> str | None:
    """The notice kind a title states ("… Answer Key 2018"), or None."""
    return next((kind for pattern, kind in TITLE_KINDS if pattern.search(title or "")), None)


def row_kind(heading: str, title: str) -> str | None:
    """A row's kind: its box's, or its own title's when the box mixes kinds."""
    return title_kind(title) if MIXED_BOX.search(heading or "") else box_kind(heading)


def is_job_row(title: str) -> bool:
    return bool(title) and not NOT_A_JOB.search(title)
