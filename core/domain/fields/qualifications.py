"""Qualification levels named in eligibility text."""

from __future__ import annotations

import re

LEVELS: list[tuple[str, re.Pattern]] = [
    ("8th", re.compile(r"\b(8th(?!\s+schedule)|class\s*8|middle\s+pass)\b", re.I)),
    ("10th", re.compile(r"\b(10th|matric\w*|class\s*(x|10)\b|high\s*school|ssc\s+pass|sslc)", re.I)),
    ("12th", re.compile(r"\b(12th|10\s*\+\s*2|intermediate|class\s*(xii|12)\b|higher\s+secondary|hsc)", re.I)),
    ("ITI", re.compile(r"\biti\b|\bncvt\b|\bscvt\b", re.I)),
    ("Diploma", re.compile(r"\bdiploma\b|\bpolytechnic\b", re.I)),
    # "Post-Graduation" and "post graduate" are not graduate degrees; "be" and "med…" are not B.E. or M.Ed
    ("Graduate", re.compile(r"\b(?<!post )(?<!post-)(graduat\w*|bachelor'?s?|degree(?!s)|b\.\s?a\b|(?-i:BA\b)|b\.?\s?sc|b\.?\s?com|"
                            r"b\.?\s?tech|b\.\s?e\b|be/b\.?tech|mbbs|llb|b\.\s?ed\b|(?-i:BEd\b))", re.I)),
    ("Postgraduate", re.compile(r"\b(post[\s-]*graduat\w*|master'?s?|m\.\s?a\b|(?-i:MA\b)|m\.?\s?sc|m\.?\s?com|m\.?\s?tech|mba|mca|"
                                r"m\.\s?ed\b|(?-i:MEd\b)|pg\s+degree)", re.I)),
    ("PhD", re.compile(r"\b(ph\.?\s?d|doctorate)\b", re.I)),
]


def qualification_levels(*texts: str | None) -> list[str]:
    text = " ".join(t for t in texts if t)
    return [level for level, pattern in LEVELS if pattern.search(text)]
