"""The line a document is known by, standing in for a listing's link text when a document comes
without a listing (``jobs extract FILE``): the first of its opening lines that names what the
notice is ("Result - Part A (Written Examination)", "CEN No.01/2024 - Recruitment of ALPs"),
else its first line of words. Titles proper are built elsewhere, from the facts."""

from __future__ import annotations

import re

from core.domain.extract.document import Document

OPENING_LINES = 15
_NAMES_A_NOTICE = re.compile(r"notification|recruitment|result|corrigendum|addendum|notice|advertisement|"
                             r"walk[\s-]*in|examination|admit\s+card|answer\s+key|syllabus|calendar|"
                             r"vacanc|cut[\s-]*off|schedule|requirement\s+of|भर्ती|परिणाम|सूचना", re.I)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_NOT_A_HEADING = re.compile(r"^\s*page\s+\d|^\s*\d+\s*$|^\W*$|www\.|@|phone|fax", re.I)


def heading_of(document: Document) -> str | None:
    if not document.pages:
        return None
    opening = [line.strip() for line in document.pages[0].split("\n")[:OPENING_LINES]]
    candidates = [line for line in opening if len(_WORDS.findall(line)) >= 2 and not _NOT_A_HEADING.search(line)]
    named = next((line for line in candidates if _NAMES_A_NOTICE.search(line)), None)
    heading = named or (candidates[0] if candidates else None)
    return heading[:200] if heading else None
