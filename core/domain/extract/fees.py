"""Application fees per category, in whole rupees, from a notice's fee paragraph.

``Fee payable: Rs 100/- (Rs one hundred only)`` is the general fee; ``Women candidates and
candidates belonging to SC, ST and PwD are exempted from payment of fee`` makes those 0;
``No application fee is required`` is a general fee of 0. A category the notice does not name
is left out (OBC and EWS candidates of the SSC notice pay the fee, but it does not say so).
"""

from __future__ import annotations

import re

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, fact, flowing, sentences, table_fact
from core.domain.fields.fees import CATEGORY_WORDS, parse_amount

MAX_FEE = 100_000
CELL_CHARS = 60  # a fee table's cells are short; a long cell is a paragraph in a layout table
_ANCHOR = re.compile(r"\bfees?\b|शुल्क", re.I)
_AMOUNT = re.compile(r"(?:₹|\brs\.?|\binr|रु\.?|रुपये)\s*(\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?\s*(?:/-)?|(\d+)\s*/-", re.I)
_NONE = re.compile(r"\bno\s+(?:application\s+|examination\s+)?fee\b|\bfee\s+is\s+(?:nil|not\s+required)|"
                   r"not\s+required\s+to\s+pay|\bnil\b|शुल्क\s+नहीं", re.I)
_EXEMPT = re.compile(r"exempt|no\s+fee\s+for|need\s+not\s+pay|not\s+required\s+to\s+pay|मुक्त|छूट", re.I)
_NOT_EXEMPT = re.compile(r"not\s+exempt|who\s+are\s+not", re.I)
# fees that are not the application fee of a category
_OTHER = re.compile(r"\b(?:late|correction|refund\w*|service\s+charges?|bank\s+charges?|charges\s+applicable|"
                    r"GST|postage|duplicate|re-?evaluation|per\s+subject|training|tuition|hostel|"
                    r"caution|admission\s+fee|semester)\b", re.I)
_APPLICATION = re.compile(r"application|examination|exam|registration|\bfee\s+payable|pay\s+a\s+fee|"
                          r"fee\s+of|fee\s*:|आवेदन|परीक्षा|शुल्क\s*[:\-]", re.I)
# The aggregator's category words, and the ones official notices add (Hindi among them).
_CATEGORY_NAMES = {
    "general": re.compile(r"\b(general|gen|ur|unreserved|oc)\b|सामान्य|अनारक्षित", re.I),
    "obc": re.compile(CATEGORY_WORDS["obc"].pattern + r"|पिछड़ा|पिछडा|ओबीसी", re.I),
    "ews": re.compile(CATEGORY_WORDS["ews"].pattern + r"|आर्थिक\s+रूप", re.I),
    "sc_st": re.compile(CATEGORY_WORDS["sc_st"].pattern + r"|अनुसूचित", re.I),
    "female": re.compile(r"\b(female|women|woman|girls?|ladies|trans-?woman)\b|महिला", re.I),
    "pwd": re.compile(CATEGORY_WORDS["pwd"].pattern + r"|दिव्यांग|विकलांग", re.I),
}


def fees(document: Document) -> dict[str, Fact]:
    """``fees.<category>`` → the fee and its evidence; the first statement of a category wins,
    a fee table's before the text's (the text of a table comes out with its cells shuffled)."""
    found: dict[str, Fact] = _from_tables(document)
    for line in flowing(document):
        for sentence, start in sentences(line.text):
            for category, value, span in _read(sentence):
                found.setdefault(f"fees.{category}",
                                 fact(document, line, value, span=(start + span[0], start + span[1])))
    return found


def _from_tables(document: Document) -> dict[str, Fact]:
    """``FOR GENERAL/OBC | FOR SC/ST/PH`` over ``Rs.1400/- | Rs.750/-``, or rows of
    ``General/OBC | Rs. 500`` under a fee heading."""
    found: dict[str, Fact] = {}
    for table in document.tables:
        rows = table.rows
        for index, row in enumerate(rows):
            above = " ".join(" ".join(r) for r in rows[max(0, index - 2):index + 1])
            if not _ANCHOR.search(above) or _OTHER.search(" ".join(row)):
                continue
            if index + 1 < len(rows):  # categories across, amounts below
                below = rows[index + 1]
                for column, cell in enumerate(row):
                    short = column < len(below) and len(cell) <= CELL_CHARS and len(below[column]) <= CELL_CHARS
                    amount = _AMOUNT.search(below[column]) if short else None
                    if amount and (categories := _categories(cell)) and (rupees := _rupees(amount)):
                        for category in categories:
                            found.setdefault(f"fees.{category}",
                                             table_fact(document, table.page, f"{cell} {below[column]}", rupees))
            if len(row) >= 2 and len(row[0]) <= CELL_CHARS and (categories := _categories(row[0])):
                # a category and its amount
                amount = next((m for cell in row[1:] if len(cell) <= CELL_CHARS and (m := _AMOUNT.search(cell))), None)
                if amount and (rupees := _rupees(amount)):
                    for category in categories:
                        found.setdefault(f"fees.{category}", table_fact(document, table.page, " ".join(row), rupees))
    return found


def _categories(text: str) -> list[str]:
    return [name for name, pattern in _CATEGORY_NAMES.items() if pattern.search(text)]


def _read(sentence: str) -> list[tuple[str, int, tuple[int, int]]]:
    """``(category, rupees, span)`` stated by one sentence of a fee paragraph."""
    if not _ANCHOR.search(sentence) or _OTHER.search(sentence):
        return []
    whole = (0, len(sentence))
    amount = _AMOUNT.search(sentence)
    if _EXEMPT.search(sentence) and not _NOT_EXEMPT.search(sentence):
        exempted = _categories(sentence[amount.end():] if amount else sentence)
        found = [(c, 0, whole) for c in exempted if c != "general"]
        if amount and (paying := _categories(sentence[:amount.start()])):
            found += [(c, _rupees(amount), whole) for c in paying if c not in exempted]
        elif amount and _APPLICATION.search(sentence[:amount.start()]):
            found += [("general", _rupees(amount), whole)]
        return [f for f in found if f[1] is not None]
    if _NONE.search(sentence) and not amount:
        return [(c, 0, whole) for c in (_categories(sentence) or ["general"])]
    amounts = list(_AMOUNT.finditer(sentence))
    if len(amounts) > 1:
        return _per_amount(sentence, amounts)
    if amount and _APPLICATION.search(sentence) and (rupees := _rupees(amount)) is not None:
        return [(c, rupees, whole) for c in (_categories(sentence[:amount.start()]) or ["general"])]
    return []


def _per_amount(sentence: str, amounts: list[re.Match]) -> list[tuple[str, int, tuple[int, int]]]:
    """``General/OBC: Rs 500, SC/ST: Rs 250``: each amount goes to the categories named since the
    one before it. A run of amounts after a run of names (a table read as text) is ambiguous,
    and nothing is read from it."""
    found, previous = [], 0
    for amount in amounts:
        categories = _categories(sentence[previous:amount.start()])
        rupees = _rupees(amount)
        if not categories or rupees is None:
            return []
        found += [(c, rupees, (previous, amount.end())) for c in categories]
        previous = amount.end()
    return found


def _rupees(match: re.Match) -> int | None:
    value = parse_amount(match.group(0))
    return value if value is not None and 0 < value <= MAX_FEE else None
