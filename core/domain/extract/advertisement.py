"""The advertisement number: ``Advt. No. NITJSR/ESTT/ 807/2013``, ``CEN No.01/2024``,
``CATEGORY NO: 423/2025`` (Kerala PSC), ``सूचना संख्या 01/2019``, ``Notice No.63/2026``.

A file number (``F.No.3/2/2018-P&P-II``, ``No. AIU/Admn./Rectt./2017/``) is a letter's
reference, not the advertisement's: it is never taken.
"""

from __future__ import annotations

import re

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, fact, lines

# "NITJSR/ESTT/ 807/2013", "NIT JSR/ESTT/620 /2013": a word may be split before the first slash
_CODE = r"[A-Z0-9][A-Z0-9]*(?:\s[A-Z]{2,}(?=\s*/))?(?:\s*[/\-]\s*[A-Z0-9]+)*"
# In order of trust: the first rule that matches anywhere in the document wins.
RULES: list[tuple[str, re.Pattern]] = [
    # CEN 01/2024, CEN.No.02/2018, CENTRALISED EMPLOYMENT NOTICE NO. 03/2018, सीईएन संख्या 01/2019
    ("cen", re.compile(
        r"\b(?:CEN|centrali[sz]ed\s+employment\s+notice)\s*\.?\s*(?:no\.?|number)?\s*[:.]?\s*"
        r"(\d{1,2})\s*[/\-]\s*((?:19|20)\d{2})\b", re.I)),
    ("cen", re.compile(r"(?:सीईएन|रोज़गार\s+सूचना|रोजगार\s+सूचना)\s+संख्या\s*[:.]?\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})")),
    ("advt", re.compile(
        rf"\b(?:advt|advertisement)\s*\.?\s*(?:no|number)\s*\.?\s*[:.\-]?\s*({_CODE})", re.I)),
    ("category", re.compile(r"^\s*CATEGORY\s+NO\s*[:.]\s*(\d{1,4}\s*/\s*(?:19|20)\d{2})\b")),
    ("notice", re.compile(r"^\s*(Notice\s+No\.?\s*\d{1,4}\s*/\s*(?:19|20)\d{2})\b")),
    # India Post: the notification's reference heads its first page, alone on its line
    ("reference", re.compile(r"^\s*((?:RECTT|REC|ADVT|EMP)[A-Z]*/[A-Z0-9\-/]+)\s*$")),
]
_FILE_NUMBER = re.compile(r"\bF(?:ile)?\s*\.?\s*No\b", re.I)


def advertisement_number(document: Document) -> Fact | None:
    found = lines(document)
    for kind, pattern in RULES:
        candidates = found if kind != "reference" else [line for line in found if line.page == 1][:5]
        for line in candidates:
            for match in pattern.finditer(line.text):
                if _FILE_NUMBER.search(line.text[max(0, match.start() - 8):match.start() + 4]):
                    continue
                value = _value(kind, match)
                if value:
                    return fact(document, line, value, match)
    return None


def _value(kind: str, match: re.Match) -> str | None:
    if kind == "cen":
        return f"CEN {int(match.group(1)):02d}/{match.group(2)}"
    value = re.sub(r"\s*([/\-])\s*", r"\1", match.group(1)).strip("-/ ")
    if kind == "advt" and not re.search(r"\d", value):
        return None
    return re.sub(r"\s+", " ", value)[:80]

