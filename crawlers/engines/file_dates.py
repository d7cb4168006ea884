"""Dates that a board writes only in its file names (APSC, MPPSC).

``Advt_06_2018_17_March_2018.pdf`` → "17 March 2018"; ``Result_Law_Assistant_16_03_2018.pdf``
→ "16-03-2018"; ``ADV_ACF_05_2018_12_march_18.pdf`` → "12 March 2018". The text stays a date
as written (the normaliser parses it); only underscores, case and a two-digit year are made
readable. ``ADVT_04_2018.pdf`` holds an advertisement number, not a date: no day, no date.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_WORDY = re.compile(
    rf"(?<![0-9])(\d{{1,2}})[_\s.-]*((?:{_MONTHS})[a-z]*)[_\s.-]*((?:19|20)?\d{{2}})(?![0-9])", re.I
)
_NUMERIC = re.compile(r"(?<![0-9])(\d{1,2})[_.-](\d{1,2})[_.-]((?:19|20)\d{2})(?![0-9])")
_MONTH_YEAR = re.compile(rf"(?<![a-z])((?:{_MONTHS})[a-z]*)[_\s.-]*((?:19|20)\d{{2}})(?![0-9])", re.I)


def _year(text: str) -> str:
    return text if len(text) == 4 else f"20{text}"


def date_in_file_name(url: str | None) -> str | None:
    """The date text a notice's file name carries, or None."""
    if not url:
        return None
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1]).rsplit(".", 1)[0]
    if match := _WORDY.search(name):
        day, month, year = match.groups()
        return f"{int(day)} {month.capitalize()} {_year(year)}"
    if match := _NUMERIC.search(name):
        day, month, year = match.groups()
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            return f"{day}-{month}-{year}"
    if match := _MONTH_YEAR.search(name):
        return f"{match[1].capitalize()} {match[2]}"
    return None
