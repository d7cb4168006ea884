"""The education levels a notice asks for, read in its qualification sections only.

A notice names degrees elsewhere too (an institute "offers B.Tech., M.Tech. and Ph.D."; a scribe's
qualification; "questions of degree level"), so only the text under an "Educational
Qualification" / "Essential" / "Eligibility" heading counts, up to the next heading. "Degree"
alone is a graduate degree only when no higher level is named ("Master's degree … at the degree
level"), and a diploma required in addition ("… AND Recognized Diploma … in translation") is not
an alternative level.
"""

from __future__ import annotations

import re

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, fact, lines
from core.domain.fields.qualifications import LEVELS

SECTION_LINES = 14
HEADING_CHARS = 70  # a line this short that names qualifications is a heading
CODED_LINES = 3
_CODED = re.compile(r"\s\d{1,2}$")
_ANCHOR = re.compile(r"\beducational|\bessential|\bqualifications?\b|\beligibility\s+criteria|शैक्षिक|योग्यता", re.I)
_NOT_ANCHOR = re.compile(r"\bscribe\b|equivalent\s+qualification|relax|desirable\s+qualification|"
                         r"qualifications?\s*(?:,|and)\s*(?:experience|remuneration|salary|suitability)|"
                         r"(?:academic|candidate’?'?s)\s+qualifications?|dis-?\s?qualif|details\s+can\s+be|"
                         r"documents?|certificates?|downloaded|verified|scrutiny", re.I)
_SECTION_END = re.compile(r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:desirable|preferab\w*|preference|experience|job\s+description|job\s+responsibilit|"
                          r"age|pay|remuneration|emolument|duration|selection|how\s+to\s+apply|note|"
                          r"place\s+of|nature\s+of|terms|probation|physical|application|fee)\b", re.I)
_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+[A-Z]")
_DEGREE_ONLY = re.compile(r"\bdegree\b", re.I)
_ADDITIONAL = re.compile(r"\bAND\b")
ORDER = [level for level, _ in LEVELS]


def qualification(document: Document) -> Fact | None:
    found: dict[str, Fact] = {}
    all_lines = lines(document)
    for index, line in enumerate(all_lines):
        anchor = _ANCHOR.search(line.text)
        if not anchor or _NOT_ANCHOR.search(line.text) or not _heading(line.text, anchor):
            continue
        section = [line]
        for later in all_lines[index + 1:index + SECTION_LINES]:
            if _SECTION_END.match(later.text) or _NUMBERED.match(later.text):
                break
            section.append(later)
        if sum(1 for ln in section if _CODED.search(ln.text)) >= CODED_LINES:
            continue  # an annexure's table of qualification codes ("BA 05", "B. Tech 14"), not a requirement
        levels = _levels(section)
        for level, where in levels.items():
            found.setdefault(level, fact(document, where[0], level, span=where[1]))
    if not found:
        return None
    levels = [level for level in ORDER if level in found]
    first = min(found.values(), key=lambda f: (f.page or 0))
    return Fact(levels, first.document, first.page, found[levels[0]].quote)


def _heading(text: str, anchor: re.Match) -> bool:
    """The anchor heads its line ("8. EDUCATIONAL QUALIFICATIONS:", "Essential:-") or names a
    value ("… Minimum Qualifications: Ph.D"), rather than being a word in a sentence."""
    return anchor.start() <= 30 or len(text) <= HEADING_CHARS or bool(re.match(r"[\w\s]{0,25}[:\-–]", text[anchor.end():]))


def _levels(section) -> dict[str, tuple]:
    text = " \n ".join(line.text for line in section)
    hits: dict[str, tuple] = {}
    for level, pattern in LEVELS:
        for match in pattern.finditer(text):
            if level == "Diploma" and _ADDITIONAL.search(text[max(0, match.start() - 40):match.start()]):
                continue
            hits.setdefault(level, _where(section, match.start(), match.end()))
            break
    if "Graduate" in hits and ("Postgraduate" in hits or "PhD" in hits):
        higher = [m.end() for level in ("Postgraduate", "PhD") for m in dict(LEVELS)[level].finditer(text)]
        strong = [m for m in dict(LEVELS)["Graduate"].finditer(text)
                  if not _DEGREE_ONLY.fullmatch(m.group(0)) and not _prerequisite(text, m.start(), higher)]
        if not strong:
            hits.pop("Graduate")
    return hits


_WITH = re.compile(r"\b(?:with|after|including|having)\b", re.I)
_OR = re.compile(r"\bor\b|\(or\)", re.I)


def _prerequisite(text: str, start: int, higher_ends: list[int]) -> bool:
    """A bachelor's degree named after a master's "with" or "after" it is part of that master's
    requirement ("Master's Degree in Agriculture … with … Bachelor's Degree"), not an alternative."""
    before = [end for end in higher_ends if end <= start and start - end < 160]
    if not before:
        return False
    between = text[max(before):start]
    return bool(_WITH.search(between)) and not _OR.search(between)


def _where(section, start: int, end: int):
    """The line of ``section`` that holds ``start`` and the match's span on it."""
    offset = 0
    for line in section:
        if start < offset + len(line.text):
            return line, (start - offset, min(end - offset, len(line.text)))
        offset += len(line.text) + 3  # the " \n " joiner
    return section[-1], None
