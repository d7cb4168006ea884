"""Application fees per category from lines like ``For General, OBC, EWS : ₹ 600/-``."""

from __future__ import annotations

import re

from core.domain.schema import Fees

_AMOUNT = re.compile(r"(?:₹|rs\.?|inr|rupees)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:/-)?", re.I)
_NIL = re.compile(r"\b(nil|exempt(ed)?|no\s+fee|free|zero|0\s*/-)\b", re.I)
CATEGORY_WORDS = {
    "general": re.compile(r"\b(general|gen|ur|unreserved)\b", re.I),
    "obc": re.compile(r"\b(obc|bc|backward)\b", re.I),
    "ews": re.compile(r"\bews\b", re.I),
    "sc_st": re.compile(r"\b(sc|st|scheduled)\b", re.I),
    "female": re.compile(r"\b(female|women|woman|girls?|ladies)\b", re.I),
    "pwd": re.compile(r"\b(pwd|pwbd|ph|divyang|disabled|handicapped)\b", re.I),
}
PAYMENT_MODES = {
    "Debit Card": re.compile(r"debit\s*card", re.I),
    "Credit Card": re.compile(r"credit\s*card", re.I),
    "Net Banking": re.compile(r"net\s*banking|internet\s*banking", re.I),
    "UPI": re.compile(r"\bupi\b", re.I),
    "IMPS": re.compile(r"\bimps\b", re.I),
    "Wallet": re.compile(r"wallet", re.I),
    "E-Challan": re.compile(r"challan", re.I),
    "Demand Draft": re.compile(r"demand\s*draft|\bdd\b", re.I),
    "Offline (bank)": re.compile(r"\bsbi\s+branch|bank\s+branch|cash\b(?!\s*card)", re.I),
}


_ALL = re.compile(r"\ball\s+(categor(y|ies)\s+)?(candidates?|categor(y|ies))\b|\bevery\s+candidate", re.I)
_RANGE = re.compile(r"\d\s*(?:/-)?\s*(?:to|-|–)\s*(?:₹|rs\.?)?\s*\d", re.I)


def parse_amount(text: str) -> int | None:
    """Whole rupees in a fee text; 0 for Nil/exempt; None when it names no amount."""
    if _NIL.search(text) and not re.search(r"[1-9]\d*\s*/-|₹\s*[1-9]", text):
        return 0
    match = _AMOUNT.search(text.split(":", 1)[-1])
    if not match:
        return None
    return int(match.group(1).replace(",", ""))


def parse_fees(lines: list[str], sources: dict | None = None) -> tuple[Fees, list[str]]:
    """Fees per category and payment modes; warnings for lines that name an amount oddly.

    A line for "All candidates" fills every category; a lone fee line without any category does
    too, but two such lines (a registration fee and a seat fee…) say nothing per category.
    ``sources``, when given, receives the line each ``fees.<category>`` was read from.
    """
    sources = {} if sources is None else sources
    fees = Fees()
    warnings: list[str] = []
    modes: list[str] = []
    uncategorised: list[tuple[int, str]] = []
    for line in lines or []:
        head, _, value = line.partition(":")
        if not value:
            head, value = line, line
        for name, pattern in PAYMENT_MODES.items():
            if pattern.search(line) and name not in modes:
                modes.append(name)
        if re.search(r"payment|mode|pay\s+the|through", head, re.I) and not re.search(r"\d", value.split("(")[0]):
            continue
        if re.search(r"correction|employees?\b|late\s+fee|each\s+subject|additional", line, re.I):
            continue  # not an application fee of a category
        categories = [c for c, pattern in CATEGORY_WORDS.items() if pattern.search(head)]
        if not categories and _ALL.search(head):
            categories = list(CATEGORY_WORDS)
        if _RANGE.search(value):
            if categories or re.search(r"\bfee\b", head, re.I):
                warnings.append(f"fee is a range, not one amount: {line!r}")
            continue
        amount = parse_amount(value)
        if amount is None:
            continue
        if amount > 100_000:
            warnings.append(f"fee {amount} looks wrong in {line!r}; ignored")
            continue
        if not categories:
            if re.search(r"\bfee\b", head, re.I):
                uncategorised.append((amount, line))
            continue
        for category in categories:
            if getattr(fees, category) is None:
                setattr(fees, category, amount)
                sources[f"fees.{category}"] = line
    if len(uncategorised) == 1 and fees.is_empty():
        for category in CATEGORY_WORDS:
            setattr(fees, category, uncategorised[0][0])
            sources[f"fees.{category}"] = uncategorised[0][1]
    elif len(uncategorised) > 1:
        fees.notes = [line for _, line in uncategorised]
    fees.payment_modes = modes
    return fees, warnings
