"""The notice date and the application window: apply start and last date, fee last date,
correction window, exam date.

A date belongs to the words before it on its line (``Last date for receipt of application:
19-11-2018``; a table row ``Opening Date … | 10.02.2018``). Lines are read first; a sentence
broken over lines (``Last date of receipt of application: 1`` / ``st April 2016``) is read again
as flowing text for what the lines did not give. The first statement of a field wins: the body
of a notice states its dates before any later paragraph refers back to them.
"""

from __future__ import annotations

import datetime as dt
import re

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, Line, fact, flowing, lines
from core.domain.fields.dates import date_spans
from core.domain.fields.important_dates import field_for_label

WINDOW_FIELDS = ("apply_start", "apply_last", "fee_last", "correction_start", "correction_end", "exam_date")
LABEL_CHARS = 110  # a label is the last words before its date, within this many characters

# Official notices word the window in ways aggregator sections do not; these come first.
_HI_DATE = r"(?:तिथि|तारीख|दिनांक)"
OFFICIAL_LABELS: list[tuple[str | None, re.Pattern]] = [
    # Hindi notices: "आवेदन की अंतिम तिथि", "ऑनलाइन आवेदन प्रारंभ तिथि", "परीक्षा की तिथि", "शुल्क जमा करने की अंतिम तिथि"
    ("exam_date", re.compile(rf"परीक्षा\s+(?:की\s+)?{_HI_DATE}")),
    ("fee_last", re.compile(rf"शुल्क.*(?:अंतिम|अन्तिम)\s+{_HI_DATE}")),
    ("apply_start", re.compile(rf"(?:प्रारंभ|प्रारम्भ|आरंभ|आरम्भ|शुरू)\w*\s+(?:होने\s+की\s+)?{_HI_DATE}")),
    ("apply_last", re.compile(rf"(?:अंतिम|अन्तिम)\s+{_HI_DATE}")),
    # a walk-in or written test (with or without an interview) is the exam; an interview alone is not
    ("exam_date", re.compile(r"(written|walk[\s-]*in)[\s-]*test|computer\s+based\s+(exam|test)|"
                             r"\b(cbt|examination)\b.*\b(held|schedul\w*|date)\b", re.I)),
    (None, re.compile(r"interview|document\s+verification|\bdv\b|refund|result|uploaded|dated|"
                      r"\bvide\b|\bno\.|order|notification\s+no|letter|circular|\bbids?\b|tender|quotation|"
                      r"\bage\b|born|birth", re.I)),
    ("fee_last", re.compile(r"challan|\b(fee|payment)\b.*\b(last|end|closing)\s+date|"
                            r"(last|closing)\s+date\b.*\b(fee|payment)\b|"
                            r"^\W*(online\s+)?payment\b", re.I)),
    # "applications will be received from …" (not "candidates with relaxed age can submit … from")
    ("apply_start", re.compile(r"\b(received|accepted|open\w*|registration|online\s+applications?)\b.*\bfrom\s*$", re.I)),
    ("apply_last", re.compile(r"(last|closing|end)\s+date|\b(appl\w*|reach|sent|submitted|received|post)\b.*\bon\s+or\s+before|"
                              r"\b(should|must)\s+reach\b|"
                              r"\b(received|accepted|submitted)\b.*\b(till|until|upto|up\s+to|by)\s*$", re.I)),
]
# "Date for submission of online applications: 22-10-2018 to 19-11-2018"
_WINDOW = re.compile(r"\b(submission|receipt|registration|applications?|apply)\b", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:to|till|until|upto|up\s+to|-|–)\s*$", re.I)

# "Dated: 08.05.2026", "Advt. No. … Date 05/07/2013", "No.RRB/BSP/… Dated: 24.11.2023"
_NOTICE_DATE = re.compile(r"(?:^|\bNo\b.*?\s)(?:Dated|Date|DATED|DATE|दिनांक)\s*[:.\-]?\s*$")
# "TO BE UPLOADED ON THE COMMISSION'S WEBSITE ON 22-10-2018", "date of notification: …"
_PUBLISHED = re.compile(r"\b(?:upload|uplod|publish|issu)\w*\s+(?:on\s+[^.;]{0,40}?website\s+)?on\s*$|"
                        r"date\s+of\s+(?:notification|publication|advertisement)\s*[:\-]?\s*$", re.I)
# "as on 20.07.2021 the date of notification of the vacancies"
_PUBLISHED_AFTER = re.compile(r"^\s*,?\s*(?:i\.e\.,?\s*)?(?:being\s+)?the\s+date\s+of\s+(notification|publication)", re.I)


def _dated(line: Line) -> list[tuple[int, int, dt.date]]:
    return date_spans(line.text)


def notice_date(document: Document) -> Fact | None:
    for view in (lines(document), flowing(document)):
        for line in view:
            for start, end, date in _dated(line):
                before = line.text[max(0, start - LABEL_CHARS):start]
                if _NOTICE_DATE.search(before) or _PUBLISHED.search(before) \
                        or _PUBLISHED_AFTER.match(line.text[end:]):
                    return fact(document, line, date, span=(max(0, start - 40), end))
    return None


def application_window(document: Document) -> dict[str, Fact]:
    found: dict[str, Fact] = {}
    for view in (lines(document), flowing(document)):
        for line in view:
            _read_line(document, line, found)
    if "apply_start" in found and "apply_last" in found and found["apply_last"].value < found["apply_start"].value:
        found.pop("apply_start")
    return found


def _label(text: str, start: int, previous_end: int) -> str:
    label = text[max(previous_end, start - LABEL_CHARS):start]
    # the label starts after the last sentence that ended before it
    sentence = max(label.rfind(". "), label.rfind("; "))
    if sentence >= 0 and not re.search(r"\b(no|rs|dt|st|sl)\.\s$", label[:sentence + 2], re.I):
        label = label[sentence + 2:]
    return label.strip(" |:-–")


def _read_line(document: Document, line: Line, found: dict[str, Fact]) -> None:
    spans = _dated(line)
    previous_end = 0
    index = 0
    while index < len(spans):
        start, end, date = spans[index]
        label = _label(line.text, start, previous_end)
        following = spans[index + 1] if index + 1 < len(spans) else None
        ranged = following and _RANGE_JOIN.match(line.text[end:following[0]]) is not None
        name = _field_of(label)
        if ranged and following and (name in (None, "apply_start") and _WINDOW.search(label)):
            _keep(found, "apply_start", fact(document, line, date, span=(max(0, start - len(label) - 2), end)))
            _keep(found, "apply_last", fact(document, line, following[2], span=(max(0, start - len(label) - 2), following[1])))
            previous_end, index = following[1], index + 2
            continue
        if name == "correction":
            _keep(found, "correction_start", fact(document, line, date, span=(max(0, start - len(label) - 2), end)))
            last = following[2] if ranged and following else date
            _keep(found, "correction_end", fact(document, line, last, span=(max(0, start - len(label) - 2), following[1] if ranged and following else end)))
        elif name in WINDOW_FIELDS:
            _keep(found, name, fact(document, line, date, span=(max(0, start - len(label) - 2), end)))
        previous_end = end
        index += 2 if ranged else 1


# An aggregator's "Important Dates" lines are all dates of the recruitment; a notice's sentences
# are not ("commencement of business took place on 1st October 2021").
_ABOUT_APPLYING = re.compile(r"\bdates?\b|appl|regist|submi|receipt|online|form|fee|payment|exam|test", re.I)


def _field_of(label: str) -> str | None:
    if not label:
        return None
    for name, pattern in OFFICIAL_LABELS:
        if pattern.search(label):
            return name
    return field_for_label(label) if _ABOUT_APPLYING.search(label) else None


def _keep(found: dict[str, Fact], name: str, value: Fact) -> None:
    found.setdefault(name, value)
