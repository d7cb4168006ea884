"""Pay as printed (``pay``) and its bounds in rupees a month (``salary_min``, ``salary_max``).

``Level-6 (Rs.35400-112400)``, ``Level 1 of 7th CPC Pay Matrix``, ``PB:4 (Rs. 37,400-67,000) with
Grade Pay of Rs. 8,700/-``, ``Pay Band-4``, ``Scale of Pay : ₹ 27,900 – 63,700/-``,
``Remuneration Rs 25,000/- pm``, ``Consolidated salary range Rs. 35,000 to Rs.45,000``.

The pay column of a post table is read first; the text only when no table gives pay. A grade
pay is part of the pay as printed but not a bound of it; allowances, HRA, contingencies and the
pay a candidate must already draw (an experience condition) are not the post's pay.
"""

from __future__ import annotations

import re

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, fact, flowing, sentences, table_fact

MIN_PAY, MAX_PAY = 1_000, 1_000_000
_RUPEE = r"(?:Rs\.?|₹|`|INR)"
_NUMBER = r"\d{1,3}(?:\s?,\s?\d{2,3})+|\d{4,7}"
LEVEL = re.compile(
    rf"\b(?:pay\s+)?level\s*[-:]?\s*(\d{{1,2}})\b(?:\s+of\s+(?:the\s+)?7th\s+CPC\s+pay\s+matrix)?"
    rf"(?:\s*\(\s*{_RUPEE}\s*({_NUMBER})\s*[-–]\s*({_NUMBER})\s*\))?", re.I)
BAND = re.compile(
    rf"\b(?:PB|pay\s*band)\s*[-:]?\s*(\d)\b(?:\s*\(?\s*{_RUPEE}?\s*({_NUMBER})\s*[-–]\s*({_NUMBER})\s*\)?)?"
    rf"(?:\s*(?:with\s+)?(?:grade\s+pay|GP)\s*(?:of\s*)?{_RUPEE}?\s*(?:{_NUMBER}|\d{{3,4}})\s*(?:/-)?)?", re.I)
RANGE = re.compile(rf"{_RUPEE}\s*({_NUMBER})\s*(?:/-)?\s*(?:-|–|to)\s*{_RUPEE}?\s*({_NUMBER})\s*(?:/-)?", re.I)
AMOUNT = re.compile(rf"{_RUPEE}\s*({_NUMBER})\s*(?:/-)?|(?<![\d,])({_NUMBER})\s*/-", re.I)
# "A maximum amount of Rs. 1, 30,000/-": a ceiling, not a scale
CEILING = re.compile(rf"maximum\s+(?:amount|salary|pay|remuneration)\s+of\s+{_RUPEE}\s*({_NUMBER})", re.I)
_PAY_WORDS = re.compile(r"\bpay\b|salary|remunerat|emolument|compensation|stipend|\bTRCA\b|scale|"
                        r"consolidated|\bfixed\b|\bp\.?\s?m\b|per\s+month|monthly|fellowship|वेतन", re.I)
_NOT_PAY = re.compile(r"allowance|contingenc|travel|\bfees?\b|experience|service\s+as|regular\s+service|drawing|"
                      r"security|deposit|lakh|bond|penalty|income|pay\s+commission|(?-i:\bHRA\b|\bTA\b|\bDA\b|"
                      r"\bGP\s+of|in\s+the\s+PB)", re.I)
_PAY_HEADER = re.compile(r"\bpay\b|salary|remunerat|emolument|compensation|stipend|TRCA|scale|\bPB\b|\bGP\b", re.I)


def _rupees(text: str | None) -> int | None:
    if not text:
        return None
    value = int(re.sub(r"[\s,]", "", text))
    return value if MIN_PAY <= value <= MAX_PAY else None


def pay(document: Document) -> dict[str, Fact]:
    expressions = _from_tables(document) or _from_text(document)
    found: dict[str, Fact] = {}
    if expressions:
        texts = list(dict.fromkeys(e[0] for e in expressions))
        first = expressions[0]
        found["pay"] = Fact(value="; ".join(texts)[:300], document=document.url, page=first[3].page,
                            quote=first[3].quote)
        lows = [(low, e[3]) for e in expressions for low in [e[1]] if low is not None]
        highs = [(high, e[3]) for e in expressions for high in [e[2]] if high is not None]
        if lows:
            low = min(lows, key=lambda pair: pair[0])
            found["salary_min"] = Fact(low[0], document.url, low[1].page, low[1].quote)
        if highs:
            high = max(highs, key=lambda pair: pair[0])
            found["salary_max"] = Fact(high[0], document.url, high[1].page, high[1].quote)
    if "salary_max" not in found and (ceiling := _ceiling(document)):
        found["salary_max"] = ceiling
    return found


def _expressions(text: str) -> list[tuple[str, int | None, int | None, tuple[int, int]]]:
    """``(as printed, low, high, span)`` for each pay expression in ``text``."""
    found = []
    taken: list[range] = []

    def add(match, low, high):
        if any(match.start() in r or match.end() - 1 in r for r in taken):
            return
        taken.append(range(match.start(), match.end()))
        found.append((" ".join(match.group(0).split()).strip(" ,;"), low, high, match.span()))

    for match in BAND.finditer(text):
        add(match, _rupees(match.group(2)), _rupees(match.group(3)))
    for match in LEVEL.finditer(text):
        if match.group(2) or re.search(r"\bpay\b|CPC|matrix", text, re.I):
            add(match, _rupees(match.group(2)), _rupees(match.group(3)))
    for match in RANGE.finditer(text):
        low, high = _rupees(match.group(1)), _rupees(match.group(2))
        if low and high and low < high:
            add(match, low, high)
    for match in AMOUNT.finditer(text):
        value = _rupees(match.group(1) or match.group(2))
        if value:
            add(match, value, value)
    return sorted(found, key=lambda e: e[3][0])


def _from_tables(document: Document) -> list:
    found = []
    for table in document.tables:
        header = table.rows[0]
        columns = [i for i, cell in enumerate(header) if _PAY_HEADER.search(cell)]
        if not columns:
            continue
        for row in table.rows[1:]:
            for column in columns:
                if column < len(row) and row[column]:
                    for printed, low, high, _ in _expressions(row[column]):
                        found.append((printed, low, high, table_fact(document, table.page, printed, printed)))
    return found


def _from_text(document: Document) -> list:
    found = []
    for line in flowing(document):
        for sentence, start in sentences(line.text):
            if not _PAY_WORDS.search(sentence):
                continue
            for printed, low, high, span in _expressions(sentence):
                context = sentence[max(0, span[0] - 80):span[1] + 80]
                if not _PAY_WORDS.search(context) or _NOT_PAY.search(sentence[max(0, span[0] - 45):span[1] + 12]):
                    continue
                if CEILING.search(sentence[max(0, span[0] - 30):span[1]]):
                    continue
                found.append((printed, low, high, fact(document, line, printed, span=(start + span[0], start + span[1]))))
    return found


def _ceiling(document: Document) -> Fact | None:
    for line in flowing(document):
        if match := CEILING.search(line.text):
            value = _rupees(match.group(1))
            if value:
                return fact(document, line, value, match)
    return None
