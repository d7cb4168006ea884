"""Recognise a notice's lifecycle stage from its title, and strip stage words from a title.

Aggregators re-title one page through its life ("… Online Form 2025" → "… Admit Card 2025" →
"… Result 2025"), so the words that name the stage must not be part of a job's key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.domain.schema import Stage

# The one list of the words that name a stage, in the order stages are tried: the first stage
# whose words a text holds wins ("Revised Exam Date" is an exam date before it is a revision).
# Each stage has two groups of regex phrases: the words aggregators swap in a page's title as the
# job moves on ("… Online Form 2025" → "… Admit Card 2025"), which ``strip_stage_words`` takes out
# to find the job's subject, then the other words that name it. Fingerprints and slugs are made
# from the subject, so a phrase moved into or out of the first group re-keys stored jobs.
STAGE_WORDS: list[tuple[Stage, tuple[str, ...], tuple[str, ...]]] = [
    # instructions for filling the OMR sheet come before the exam; they are not marks
    (Stage.other, (), (r"omr\s+sheet\s+instructions?", r"instructions?\s+for\s+(the\s+)?omr")),
    (Stage.joining_order, (r"joining\s+orders?",), (r"joining\s+letters?",)),
    (Stage.counselling, (r"counsell?ing", r"mop[- ]?up"), (r"seat\s+allot\w*", r"choice\s+filling")),
    (Stage.score_card, (r"score\s*cards?",), ()),
    (Stage.cutoff, (r"cut[- ]?off",), ()),
    (Stage.marks, (r"marks", r"omr\s+sheet"), (r"merit\s+list", r"rank\s+list")),
    (Stage.answer_key, (r"answer\s*keys?",), (r"response\s+sheet", r"उत्तर\s*कुंजी")),
    (Stage.result, (r"results?",), (r"selected\s+candidates", r"selection\s+list", r"परिणाम")),
    (Stage.admit_card, (r"admit\s*cards?",),
     (r"call\s*letters?", r"hall\s*tickets?", r"e-?admit", r"प्रवेश\s*पत्र")),
    (Stage.date_extended, (r"date\s+extended",),
     (r"extension\s+of\s+(last\s+)?date", r"stand\s+extended", r"extended")),
    (Stage.correction, (r"correction",), (r"edit\s+window", r"modify", r"modification")),
    (Stage.exam_date, (r"exam(ination)?\s+dates?",),
     (r"exam(ination)?\s+(schedule|city)", r"interview\s+(details|schedule)", r"schedule\s+of",
      r"(pet|pst|pmt)\s*(/\s*(pet|pst|pmt))*\s+date", r"date\s+sheet", r"time\s*table")),
    (Stage.admission, (), (r"admissions?", r"entrance", r"prospectus")),
    (Stage.online_form,
     (r"online\s+form", r"offline\s+form", r"online\s+application", r"apply\s+online",
      r"application\s+form"),
     (r"online\s+apply", r"registration")),
    (Stage.recruitment, (r"notification", r"recruitment"),
     (r"vacanc(y|ies)", r"posts?\s+of", r"advertisement", r"advt\.?", r"cen[- ]?\d", r"bharti", r"भर्ती")),
]


def _any_word(phrases, whole_words: bool = True) -> re.Pattern:
    edge = r"\b" if whole_words else ""
    return re.compile(edge + "(" + "|".join(phrases) + ")" + edge, re.I)


def stage_pattern(*stages: Stage, whole_words: bool = True) -> re.Pattern:
    """The words that name any of ``stages``, as one pattern. ``whole_words=False`` also finds
    them inside file-name labels (``Notice_Final_Result_Technician``, ``Result2``)."""
    phrases = [p for stage, title, other in STAGE_WORDS if stage in stages for p in title + other]
    return _any_word(phrases, whole_words)


STAGE_PATTERNS: list[tuple[Stage, re.Pattern]] = [(stage, stage_pattern(stage)) for stage, _, _ in STAGE_WORDS]

# Words that come and go in a title with its stage without naming one: how the stage is announced
# ("Result Declared", "Download Admit Card", "Revised Exam Dates"), interview and schedule notices,
# and the small words the stripped phrases leave behind.
_ANNOUNCEMENT = (r"final", r"revised", r"new", r"latest", r"download", r"check", r"released?", r"out",
                 r"declared", r"available", r"now")
_LEFT_OVER = (r"details", r"interview", r"written", r"schedule", r"instructions?", r"fictitious\s+fee",
              r"of", r"for", r"the", r"and", r"in")
_STRIP = _any_word(_ANNOUNCEMENT + tuple(p for _, title, _ in STAGE_WORDS for p in title) + _LEFT_OVER)


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
