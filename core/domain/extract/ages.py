"""Age limits as official notices state them: ``Age Limit (as on 01.07.2024): 18-33 years``,
``Not exceeding 30 years as on 01.01.2019``, ``21 yrs. minimum and 45 yrs. maximum``, ``18 and
40 years respectively``, ``16½ years``, ``आयु सीमा … वर्ष``; and date-of-birth windows (``born
between 02.01.1989 and 01.01.2007``, a table of "Not before" / "Not after" dates).

The limit for the general category comes first in a notice and is the one kept; relaxations
(``Age relaxation: SC/ST 5 years``, ``shall in no case exceed 50 years``) are not limits.
"""

from __future__ import annotations

import re

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, Line, fact, flowing, sentences, table_fact
from core.domain.fields.dates import date_spans

WINDOW = 260  # characters after an "age" heading that still belong to it
SKIP_BEFORE = 45  # a relaxation word this close before a number makes it a relaxation
_ANCHOR = re.compile(r"\bage\b|\bAGE\b|आयु", re.I)
_SKIP = re.compile(r"relax|concession|exempt|crucial\s+date|rounded|cut-?off|higher\s+age|"
                   r"in\s+no\s+case|retire|superannuation|service\s+rendered|merit|छूट", re.I)
_N = r"(\d{1,2}(?:\s*½|\.5)?)"
_YEARS = r"(?:\s*(?:years?|yrs?)\.?|\s*वर्ष)"
RANGE = re.compile(rf"(?<![\d./]){_N}\s*(?:-|–|to|से)\s*{_N}(?![\d/]|\.\d){_YEARS}?")
RESPECTIVELY = re.compile(rf"{_N}\s*(?:and|&)\s*{_N}{_YEARS}\s*respectively", re.I)
MAXIMUM = re.compile(
    rf"(?:not\s+exceed(?:ing)?|should\s+not\s+(?:be\s+more\s+than|exceed)|upper\s+age\s+limit\s*(?:is|:)?|"
    rf"maximum(?:\s+age)?(?:\s+limit)?\s*(?:is|:|-)?|max\.?\s*:?|below|up\s*to|अधिकतम)\s*{_N}{_YEARS}"
    rf"|{_N}{_YEARS}\s*(?:maximum|max\b)", re.I)
MINIMUM = re.compile(
    rf"(?:minimum(?:\s+age)?(?:\s+limit)?\s*(?:is|:|-)?|min\.?\s*:?|lower\s+age\s+limit\s*(?:is|:)?|"
    rf"at\s+least|not\s+less\s+than|न्यूनतम)\s*{_N}{_YEARS}|{_N}{_YEARS}\s*(?:minimum|min\b)", re.I)
# "AGE 35 Years for Men, 40 Years for Women": the first is the general limit
FIRST_YEARS = re.compile(rf"\W*(?:limit\s*)?[:.\-]?\s*{_N}{_YEARS}", re.I)
_AS_ON = re.compile(r"\bas\s+(?:on|of)\b|के\s+अनुसार|तक", re.I)
_AS_ON_CONTEXT = re.compile(r"eligib|\bage\b|crucial|reckon|recogni[sz]|determin|आयु", re.I)
_BORN = re.compile(r"born\s+(?:between|on\s+or\s+after|not\s+earlier\s+than)|date\s+of\s+birth\s+(?:should|must)|"
                   r"जन्म", re.I)


def _years(text: str) -> int | float:
    text = text.replace(" ", "")
    if text.endswith("½"):
        return int(text[:-1]) + 0.5
    number = float(text)
    return int(number) if number.is_integer() else number


def age_limits(document: Document) -> dict[str, Fact]:
    found: dict[str, Fact] = {}
    for line in flowing(document):
        for anchor in _ANCHOR.finditer(line.text):
            end = min(len(line.text), anchor.start() + WINDOW)
            for number, (sentence, start) in enumerate(sentences(line.text, anchor.start(), end)):
                _read(document, line, sentence, start, found, first=number == 0)
            if "age_max" in found:
                break
        if "age_max" in found:
            break
    if ("age_max" in found or "age_min" in found) and "age_as_on" not in found \
            and (as_on := _as_on_anywhere(document)):
        found["age_as_on"] = as_on
    found.update(birth_window(document))
    if found and (relaxed := relaxation(document)):
        found["age_relaxation"] = relaxed
    return found


def _read(document: Document, line: Line, sentence: str, offset: int, found: dict[str, Fact],
          first: bool) -> None:
    def keep(name, value, match):
        if name in found or value is None or not 10 <= value <= 70:
            return
        if _SKIP.search(sentence[max(0, match.start() - SKIP_BEFORE):match.end()]):
            return  # a relaxation or a ceiling on relaxations, not the limit
        found[name] = fact(document, line, value, span=(offset + match.start(), offset + match.end()))

    if (match := RESPECTIVELY.search(sentence)) or (match := RANGE.search(sentence)) and _plausible_range(match):
        keep("age_min", _years(match.group(1)), match)
        keep("age_max", _years(match.group(2)), match)
    else:
        if match := MINIMUM.search(sentence):
            keep("age_min", _years(match.group(1) or match.group(2)), match)
        if match := MAXIMUM.search(sentence):
            keep("age_max", _years(match.group(1) or match.group(2)), match)
        elif first and (match := FIRST_YEARS.match(sentence, 3)) and "age_min" not in found:
            keep("age_max", _years(match.group(1)), match)
    if ("age_max" in found or "age_min" in found) and "age_as_on" not in found:
        for as_on in _AS_ON.finditer(sentence):
            spans = date_spans(sentence[as_on.end():as_on.end() + 30])
            if spans and spans[0][0] <= 6:
                found["age_as_on"] = fact(document, line, spans[0][2],
                                          span=(offset + as_on.start(), offset + as_on.end() + spans[0][1]))
                break


def _plausible_range(match: re.Match) -> bool:
    low, high = _years(match.group(1)), _years(match.group(2))
    return 14 <= low < high <= 70 and (bool(re.search(r"years?|yrs|वर्ष", match.group(0), re.I)) or high - low >= 5)


def _as_on_anywhere(document: Document) -> Fact | None:
    """``Eligibility Criteria: as on 28.03.2023``, ``Age Limit will be recognized as on …``."""
    for line in flowing(document):
        for as_on in _AS_ON.finditer(line.text):
            if not _AS_ON_CONTEXT.search(line.text[max(0, as_on.start() - 90):as_on.start()]):
                continue
            spans = date_spans(line.text[as_on.end():as_on.end() + 30])
            if spans and spans[0][0] <= 6:
                return fact(document, line, spans[0][2],
                            span=(max(0, as_on.start() - 60), as_on.end() + spans[0][1]))
    return None


def birth_window(document: Document) -> dict[str, Fact]:
    """``dob_from`` (born on or after) and ``dob_to`` (born on or before)."""
    for line in flowing(document):
        for born in _BORN.finditer(line.text):
            spans = date_spans(line.text[born.end():born.end() + 60])
            if len(spans) >= 2 and spans[0][2] < spans[1][2]:
                span = (born.start(), born.end() + spans[1][1])
                return {"dob_from": fact(document, line, spans[0][2], span=span),
                        "dob_to": fact(document, line, spans[1][2], span=span)}
    return _birth_table(document)


_NOT_BEFORE = re.compile(r"not\s+before|on\s+or\s+after", re.I)
_NOT_AFTER = re.compile(r"not\s+after|on\s+or\s+before", re.I)


def _birth_table(document: Document) -> dict[str, Fact]:
    """A table headed "Date of Birth (Not before)" … "(Not after)": the first column of each
    is the general category's bound."""
    for table in document.tables:
        if len(table.rows) < 2:
            continue
        header = " ".join(" ".join(row) for row in table.rows[:2])
        if not (_NOT_BEFORE.search(header) and _NOT_AFTER.search(header)):
            continue
        top = table.rows[0]
        before_col = next((i for i, c in enumerate(top) if _NOT_BEFORE.search(c)), None)
        after_col = next((i for i, c in enumerate(top) if _NOT_AFTER.search(c)), None)
        for row in table.rows[1:]:
            if before_col is None or after_col is None or max(before_col, after_col) >= len(row):
                break
            earliest, latest = date_spans(row[before_col]), date_spans(row[after_col])
            if earliest and latest and earliest[0][2] < latest[0][2]:
                return {"dob_from": table_fact(document, table.page, row[before_col], earliest[0][2]),
                        "dob_to": table_fact(document, table.page, row[after_col], latest[0][2])}
    return {}


_RELAXATION = re.compile(r"relaxation|छूट", re.I)
_RELAXED_YEARS = re.compile(r"^\s*(\d{1,2})\s*(?:years?|yrs?\.?|वर्ष)", re.I)
RELAXATION_ROWS = 8


def relaxation(document: Document) -> Fact | None:
    """The upper-age relaxations, as ``SC/ ST: 5 years; OBC: 3 years; …``, from a relaxation
    table (a category column beside a years column)."""
    for table in document.tables:
        if not table.rows or not any(_RELAXATION.search(cell) for cell in table.rows[0]):
            continue
        pairs = []
        for row in table.rows[1:]:
            years = next((m for cell in row if (m := _RELAXED_YEARS.match(cell))), None)
            category = next((cell for cell in row if cell and re.search(r"[A-Za-z\u0900-\u097f]{2}", cell)
                             and not _RELAXED_YEARS.match(cell)), None)
            if years and category and len(category) <= 60:
                pairs.append((category, f"{years.group(1)} years"))
        if pairs:
            text = "; ".join(f"{category}: {years}" for category, years in pairs[:RELAXATION_ROWS])
            first = " ".join(c for c in table.rows[1] if c)
            evidence = table_fact(document, table.page, first, text)
            return evidence
    return None
