"""Recognise a notice's lifecycle stage from its title, and strip stage words from a title.

Aggregators re-title one page through its life ("… Online Form 2025" → "… Admit Card 2025" →
"… Result 2025"), so the words that name the stage must not be part of a job's key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.domain.schema import Stage

# Order matters: the first pattern that matches wins ("Revised Exam Date" before "Exam").
STAGE_PATTERNS: list[tuple[Stage, re.Pattern]] = [
    # instructions for filling the OMR sheet come before the exam; they are not marks
    (Stage.other, re.compile(r"\bomr\s+sheet\s+instructions?\b|\binstructions?\s+for\s+(the\s+)?omr\b", re.I)),
    (Stage.joining_order, re.compile(r"\bjoining\s+(order|letter)s?\b", re.I)),
    (Stage.counselling, re.compile(r"\b(counsell?ing|mop[- ]?up|seat\s+allot\w*|choice\s+filling)\b", re.I)),
    (Stage.score_card, re.compile(r"\bscore\s*card\b", re.I)),
    (Stage.cutoff, re.compile(r"\bcut[- ]?off\b", re.I)),
    (Stage.marks, re.compile(r"\b(marks|omr\s+sheet|merit\s+list|rank\s+list)\b", re.I)),
    (Stage.answer_key, re.compile(r"\b(answer\s*keys?|response\s+sheet|उत्तर\s*कुंजी)\b", re.I)),
    (Stage.result, re.compile(r"\b(results?|selected\s+candidates|selection\s+list|परिणाम)\b", re.I)),
    (Stage.admit_card, re.compile(r"\b(admit\s*cards?|call\s*letters?|hall\s*tickets?|e-?admit|प्रवेश\s*पत्र)\b", re.I)),
    (Stage.date_extended, re.compile(r"\b(date\s+extended|extension\s+of\s+(last\s+)?date|stand\s+extended|extended)\b", re.I)),
    (Stage.correction, re.compile(r"\b(correction|edit\s+window|modify|modification)\b", re.I)),
    (Stage.exam_date, re.compile(r"\b(exam(ination)?\s+(date|schedule|city)|interview\s+(details|schedule)|schedule\s+of|(pet|pst|pmt)\s*(/\s*(pet|pst|pmt))*\s+date|date\s+sheet|time\s*table)\b", re.I)),
    (Stage.admission, re.compile(r"\b(admissions?|entrance|prospectus)\b", re.I)),
    (Stage.online_form, re.compile(r"\b(online\s+(form|application|apply)|apply\s+online|application\s+form|registration)\b", re.I)),
    (Stage.recruitment, re.compile(r"\b(recruitment|vacanc(y|ies)|posts?\s+of|advertisement|advt\.?|notification|cen[- ]?\d|bharti|भर्ती)\b", re.I)),
]

_STRIP = re.compile(
    r"\b(final|revised|new|latest|download|check|released?|out|declared|available|now|"
    r"online\s+form|offline\s+form|online\s+application|apply\s+online|application\s+form|"
    r"admit\s*cards?|answer\s*keys?|results?|score\s*cards?|cut[- ]?off|marks|"
    r"joining\s+orders?|counsell?ing|exam(ination)?\s+dates?|date\s+extended|correction|"
    r"notification|recruitment|details|interview|written|schedule|omr\s+sheet|instructions?|"
    r"fictitious\s+fee|mop[- ]?up|of|for|the|and|in)\b",
    re.I,
)


def classify_stage(*texts: str | None) -> Stage:
    """The stage named by the first text that names one; ``other`` when none does."""
    for text in texts:
        if text:
            stage = _stage_named(text) if len(text) <= 300 else _stage_named.__wrapped__(text)
            if stage is not None:
                return stage
    return Stage.other


@lru_cache(maxsize=8192)  # notice kinds and titles come back (a page's rows, re-crawls)
def _stage_named(text: str) -> Stage | None:
    for stage, pattern in STAGE_PATTERNS:
        if pattern.search(text):
            return stage
    return None


@lru_cache(maxsize=16384)  # fingerprints, slugs and near-duplicate subjects ask for the same titles
def strip_stage_words(title: str) -> str:
    """The part of a title that names the recruitment itself."""
    text = re.sub(r"\b(19|20)\d{2}\b", " ", title)
    text = re.sub(r"^[^:]{0,40}:\s*", "", text) if ":" in text[:45] else text
    text = _STRIP.sub(" ", text)
    return re.sub(r"[\s\-–:|,.()]+", " ", text).strip()
