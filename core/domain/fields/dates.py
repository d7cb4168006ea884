"""Dates as Indian notices write them: 17-03-2018, 10.02.2018 at 10.00 hrs, 27th February 2025…"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser

PLACEHOLDERS = re.compile(
    r"\b(notify\s+(soon|later)|notified\s+(soon|later)|before\s+exam|available\s+(now|soon)|coming\s+soon|"
    r"will\s+be\s+(notified|updated|available)|to\s+be\s+(announced|notified)|tba|soon|"
    r"as\s+per\s+schedule|update\s+soon|released?)\b",
    re.I,
)
HINDI_MONTHS = {
    "जनवरी": "January", "फरवरी": "February", "फ़रवरी": "February", "मार्च": "March",
    "अप्रैल": "April", "मई": "May", "जून": "June", "जुलाई": "July", "अगस्त": "August",
    "सितंबर": "September", "सितम्बर": "September", "अक्टूबर": "October", "अक्तूबर": "October",
    "नवंबर": "November", "नवम्बर": "November", "दिसंबर": "December", "दिसम्बर": "December",
}
_MONTH = r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?"
_NUMERIC = re.compile(r"\b(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "27th February 2025", "1 st April 2016" (a superscript set apart by the text layer)
_WORDY = re.compile(rf"\b(\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s*(?:of\s+)?{_MONTH}\s*,?\s*(\d{{4}})\b", re.I)
# "August 01, 2025", "SEPTEMBER12th2018" (an OCR layer that lost its spaces)
_WORDY_US = re.compile(rf"\b{_MONTH}(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?|\s*(\d{{1,2}})(?:st|nd|rd|th))\s*,?\s*(\d{{4}})\b", re.I)
# "13-14 September 2025", "13, 16, 17 & 18 February 2026", "06, 07, 13, & 14 December 2025"
_DAY_SEP = r"\s*(?:,|&|and|-|–|to)(?:\s*(?:&|and))?\s*"
_DAY_RANGE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?((?:{_DAY_SEP}\d{{1,2}}(?:st|nd|rd|th)?)+)\s+{_MONTH}\s*,?\s*(\d{{4}})\b", re.I
)
# "31 January - 06 February 2026"
_CROSS_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*(?:-|–|to)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*(\d{{4}})\b", re.I
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s*,?\s*(\d{{4}})\b", re.I)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
MONTH_WORDS = {**{m: n for n, m in enumerate(_MONTH_NAMES, 1)}, **{m: n for n, m in enumerate(_FULL_MONTHS, 1)},
               "sept": 9}


@dataclass(frozen=True)
class DateValue:
    """A parsed date field: a date, an optional end (ranges), or "not yet known"."""

    start: dt.date | None = None
    end: dt.date | None = None
    pending: bool = False  # "Notify Soon", "Before Exam": a date will come, none is known yet
    text: str = ""
    approximate: bool = False  # "February 2026 Tentative": a month, not a day


def _year(y: str) -> int:
    year = int(y)
    return year + 2000 if year < 100 else year


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> dt.date | None:
    parsed = dateparser.parse(
        text,
        languages=["en", "hi"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True,
                  "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed else None


def _wordy(match, day: str, month: str, year: str) -> dt.date | None:
    """``27th February 2025``: read directly when the month is spelt right (dateparser costs
    ~13 ms a call), else by dateparser (``Febuary``) or not at all (``10 marks 2025``)."""
    number = MONTH_WORDS.get(month.lower())
    if number:
        return _safe_date(int(year), number, int(day))
    return _dateparser(match.group(0).replace("of ", ""))


def _month_number(name: str) -> int:
    return _MONTH_NAMES.index(name[:3].lower()) + 1


def find_dates(text: str) -> list[dt.date]:
    """Every full date in ``text``, in order of appearance (day-first, as India writes them)."""
    return [date for _, _, date in date_spans(text)]


def date_spans(text: str) -> list[tuple[int, int, dt.date]]:
    """Every full date in ``text`` with where it is written: ``(start, end, date)`` in order.

    A range gives both its ends at the range's span. Hindi month names are read as their
    English names, so a span after one in the same text is shifted by the difference in length.
    """
    if not text:
        return []
    text = text.translate(DEVANAGARI_DIGITS)
    if not text.isascii():
        for hindi, english in HINDI_MONTHS.items():
            text = text.replace(hindi, english)
    found: list[tuple[int, int, dt.date]] = []
    taken: list[range] = []

    def add(match, date, second=None):
        if date and not any(match.start() in r for r in taken):
            found.append((match.start(), match.end(), date))
            if second:
                found.append((match.start() + 1, match.end(), second))
            taken.append(range(match.start(), match.end()))

    for m in _ISO.finditer(text):
        add(m, _safe_date(int(m[1]), int(m[2]), int(m[3])))
    for m in _CROSS_MONTH.finditer(text):
        year = int(m.groups()[-1])
        first = _safe_date(year, _month_number(m[2]), int(m[1]))
        last = _safe_date(year, _month_number(m[4]), int(m[3]))
        if first and last and first <= last:
            add(m, first, last)
    for m in _DAY_RANGE.finditer(text):
        days = [int(d) for d in re.findall(r"\d{1,2}", m[1] + " " + m[2])]
        month, year = _month_number(m.groups()[-2]), int(m.groups()[-1])
        first, last = _safe_date(year, month, days[0]), _safe_date(year, month, days[-1])
        if first and last and first <= last:
            add(m, first, last)
    for m in _NUMERIC.finditer(text):
        add(m, _safe_date(_year(m[3]), int(m[2]), int(m[1])))
    for m in _WORDY.finditer(text):
        add(m, _wordy(m, m[1], m[2], m[3]))
    for m in _WORDY_US.finditer(text):
        add(m, _wordy(m, m[2] or m[3], m[1], m[4]))
    return [(start, end, date) for start, end, date in sorted(found, key=lambda f: f[0])]


def parse_date(text: str | None) -> DateValue:
    """One date field's value: ``13-14 September 2025`` → start 13th, end 14th."""
    if not text or not text.strip():
        return DateValue()
    text = text.strip().rstrip("'\"")
    dates = find_dates(text)
    if dates:
        end = dates[1] if len(dates) > 1 and dates[1] >= dates[0] and _is_range(text) else None
        return DateValue(start=dates[0], end=end, text=text)
    if PLACEHOLDERS.search(text):
        return DateValue(pending=True, text=text)
    if _MONTH_YEAR.search(text) or re.search(r"tentative|expected|approx", text, re.I):
        return DateValue(text=text, approximate=True)
    return DateValue(text=text)


def _is_range(text: str) -> bool:
    return bool(re.search(r"\bto\b|–|\s-\s|\d\s*-\s*\d{1,2}\s+[a-z]|\d\s*,\s*\d{1,2}\b|\bfrom\b|&", text, re.I))
