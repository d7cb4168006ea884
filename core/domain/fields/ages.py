"""Age limits: ``Minimum Age : 18 Years``, ``Maximum Age : 02/01/2002 (Male)``, ``as on 01/01/2026``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from core.domain.fields.dates import find_dates

_YEARS_WHOLE = re.compile(r"(?<![\d.])(\d{1,2})(?!\.\d)\s*(?:years?|yrs?\.?|वर्ष)", re.I)
_YEARS = re.compile(r"(\d{1,2})(?:\.\d+)?\s*(?:years?|yrs?\.?|वर्ष)", re.I)
_SPAN = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*(?:-|–|to)\s*(\d{1,2}(?:\.\d+)?)\s*(?:years?|yrs)", re.I)
_BARE = re.compile(r"^\s*(\d{1,2})\s*(?:\(|$)")


@dataclass
class AgeLimits:
    minimum: int | None = None
    maximum: int | None = None
    as_on: dt.date | None = None
    relaxation: str | None = None
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # age_min, age_max, age_as_on → its line


def _years_between(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def parse_ages(lines: list[str]) -> AgeLimits:
    """Minimum and maximum in years. A date-of-birth bound becomes years only with an as-on date.

    Where the maximum differs by gender or post, the largest is kept as the overall maximum and
    every line is kept in ``notes``, so nothing is flattened away.
    """
    ages = AgeLimits()
    mins: list[int] = []
    maxes: list[int] = []
    dob_min: list[tuple[dt.date, str]] = []
    dob_max: list[tuple[dt.date, str]] = []
    odd_mins: list[float] = []
    odd_maxes: list[float] = []
    read_from: dict[tuple[str, int], str] = {}  # (bound, years) → the first line that said so
    for line in lines or []:
        text = line.strip()
        low = text.lower()
        counted = (len(mins), len(maxes))
        if re.search(r"\bas\s+on\b|\bas\s+of\b", low):
            dates = find_dates(text)
            if dates:
                ages.as_on = dates[-1]
                ages.sources["age_as_on"] = text
        if "relax" in low:
            ages.relaxation = text if ages.relaxation is None else f"{ages.relaxation} {text}"
            continue
        head, _, value = text.partition(":")
        value = value or text
        years = [int(y) for y in _YEARS_WHOLE.findall(value)] or (
            [int(m.group(1))] if (m := _BARE.match(value)) else []
        )
        dates = find_dates(value)
        is_min = bool(re.search(r"\bmin", head, re.I))
        is_max = bool(re.search(r"\bmax|upper", head, re.I))
        span = _SPAN.search(value)
        if span and not (is_min or is_max):
            lo, hi = span.groups()
            for bound, into, odd in ((lo, mins, odd_mins), (hi, maxes, odd_maxes)):
                if "." in bound:  # 17.5 years is not a whole year: say so, do not round
                    ages.notes.append(text)
                    odd.append(float(bound))
                else:
                    into.append(int(bound))
        elif years and is_min:
            mins.append(years[0])
        elif years and is_max:
            maxes.append(years[0])
        elif dates and is_min and not re.search(r"as\s+on", head, re.I):
            dob_min.append((dates[0], text))  # born on or before this date
        elif dates and is_max:
            dob_max.append((dates[0], text))  # born on or after this date
        if re.search(r"\((male|female|men|women|general|obc|sc|st|ews)", text, re.I) or len(maxes) > 1:
            ages.notes.append(text)
        for value in mins[counted[0]:]:
            read_from.setdefault(("min", value), text)
        for value in maxes[counted[1]:]:
            read_from.setdefault(("max", value), text)
    if ages.as_on:
        for bound, into, dobs in (("min", mins, dob_min), ("max", maxes, dob_max)):
            for born, text in dobs:
                into.append(_years_between(born, ages.as_on))
                read_from.setdefault((bound, into[-1]), text)
    elif dob_min or dob_max:
        ages.notes += [t for _, t in dob_min + dob_max if t not in ages.notes]
        ages.warnings.append("age limits given as birth dates without an as-on date; years not derived")
    ages.notes = list(dict.fromkeys(ages.notes))
    ages.minimum = min(mins) if mins else None
    ages.maximum = max(maxes) if maxes else None
    if odd_mins and (ages.minimum is None or min(odd_mins) < ages.minimum):
        ages.minimum = None
        ages.warnings.append(f"minimum age {min(odd_mins):g} years is not a whole year; left empty")
    if odd_maxes and (ages.maximum is None or max(odd_maxes) > ages.maximum):
        ages.maximum = None
        ages.warnings.append(f"maximum age {max(odd_maxes):g} years is not a whole year; left empty")
    if len(set(maxes)) > 1:
        ages.notes = list(dict.fromkeys(ages.notes))
    for name, bound, value in (("age_min", "min", ages.minimum), ("age_max", "max", ages.maximum)):
        if value is not None and (line := read_from.get((bound, value))):
            ages.sources[name] = line
    return ages
