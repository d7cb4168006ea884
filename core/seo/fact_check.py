"""Check an LLM answer against the job's facts block; any doubt is a rejection with a reason.

``check_answer(content, facts)`` returns ``(text, None)`` for an answer that may be published, or
``(None, Rejection)``. Every date, rupee amount, number and organisation name in the answer must
come from the facts; a URL, a wrong length or broken JSON is a rejection too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

TITLE_MAX = 60
DESCRIPTION_MAX = 155
DESCRIPTION_MIN = 40
SUMMARY_MAX = 800
FAQ_TEXT_MAX = 400

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december"),
), start=1) for m in names}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b", re.I)),
    ("ymd", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("num", re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)", re.I)),
    ("my", re.compile(rf"\b{_MONTH},?\s+(\d{{4}})\b", re.I)),
)
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:gov|nic|com|org|net|in|co|edu|ac)(?:\.in)?\b|@\w+\.",
                  re.I)
_AMOUNT = re.compile(r"(?:₹|\brs\.?|\binr)\s*(\d[\d,]*)(?:\s*/-)?|\b(\d[\d,]*)\s*(?:/-|rupees)",
                     re.I)
_NO_FEE = re.compile(r"\b(no (?:application )?fee|free of (?:cost|charge)|fee is nil|"
                     r"exempt(?:ed)? from (?:the )?fee)", re.I)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,9}\b")
_ORG_NAME = re.compile(
    r"((?:[A-Z][\w&.'-]*\s+){1,6}(?:Commission|Board|Bank|Corporation|Authority|Council|Ministry|"
    r"Department|Institute|University|Organisation|Organization|Agency|Limited|Ltd|Service))\b"
)
# Acronyms that name categories, documents or steps, not organisations.
_GENERIC_ACRONYMS = {
    "FAQ", "PDF", "OBC", "SC", "ST", "EWS", "PWD", "PWBD", "PH", "UR", "GEN", "ID", "OTR", "CBT",
    "PET", "PST", "DV", "ITI", "IST", "SMS", "UPI", "NEFT", "OMR", "NCL", "ESM", "DOB", "OK",
    "IT", "CV", "MTS", "LDC", "UDC", "SC/ST", "FY", "AM", "PM", "TV", "NOTE",
}
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9₹\"'(]|\s*$)")


@dataclass(frozen=True)
class Rejection:
    reason: str
    detail: str


def _reject(reason: str, detail: str):
    return None, Rejection(reason, detail)


def _fact_strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _fact_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _fact_strings(v)]
    if isinstance(value, bool) or value is None:
        return []
    return [str(value)]


def _fact_dates(facts: dict) -> set[dt.date]:
    dates = set()
    for text in _fact_strings(facts):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            dates.add(dt.date.fromisoformat(text))
    return dates


def _to_int(text: str) -> int | None:
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _fact_numbers(facts: dict, dates: set[dt.date]) -> set[int]:
    numbers = set()
    for text in _fact_strings(facts):
        for token in _NUMBER.findall(text):
            value = _to_int(token.split(".")[0])
            if value is not None:
                numbers.add(value)
    for d in dates:
        numbers.update((d.day, d.month, d.year))
    return numbers


def _fact_amounts(facts: dict) -> set[int]:
    amounts = {v for v in (facts.get("fees_in_rupees") or {}).values() if isinstance(v, int)}
    amounts.update(v for k in ("salary_min", "salary_max") if isinstance(v := facts.get(k), int))
    return amounts


def _parse_date(kind: str, groups: tuple[str, ...]):
    """(year or None, month, day or None) for one date match."""
    def month(name):
        return _MONTHS[name.lower().rstrip(".")]

    if kind == "dmy":
        return int(groups[2]), month(groups[1]), int(groups[0])
    if kind == "mdy":
        return int(groups[2]), month(groups[0]), int(groups[1])
    if kind == "ymd":
        return int(groups[0]), int(groups[1]), int(groups[2])
    if kind == "num":
        year = int(groups[2])
        return (year + 2000 if year < 100 else year), int(groups[1]), int(groups[0])
    if kind == "dm":
        return None, month(groups[1]), int(groups[0])
    if kind == "md":
        return None, month(groups[0]), int(groups[1])
    return int(groups[1]), month(groups[0]), None


def _date_known(parsed, dates: set[dt.date]) -> bool:
    year, month, day = parsed
    return any(
        d.month == month and (year is None or d.year == year) and (day is None or d.day == day)
        for d in dates
    )


def _without_verbatim(text: str, facts: dict) -> str:
    """Echoing the notice's own title is not a claim; take it out before looking for facts."""
    for quoted in (facts.get("title"), facts.get("advt_no")):
        if quoted:
            text = re.sub(re.escape(quoted), " ", text, flags=re.I)
    return text


def _check_facts(text: str, facts: dict) -> Rejection | None:
    if _URL.search(text):
        return Rejection("url", _URL.search(text).group(0))
    text = _without_verbatim(text, facts)
    dates = _fact_dates(facts)
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            try:
                parsed = _parse_date(kind, match.groups())
            except (KeyError, ValueError):
                continue
            if not _date_known(parsed, dates):
                return Rejection("wrong_date", match.group(0))
        text = pattern.sub(" ", text)
    amounts = _fact_amounts(facts)
    for match in _AMOUNT.finditer(text):
        value = _to_int(match.group(1) or match.group(2))
        if value not in amounts:
            return Rejection("wrong_amount", match.group(0).strip())
    if _NO_FEE.search(text) and 0 not in amounts:
        return Rejection("wrong_amount", _NO_FEE.search(text).group(0))
    text = _AMOUNT.sub(" ", text)
    numbers = _fact_numbers(facts, dates)
    for token in _NUMBER.findall(text):
        value = _to_int(token.split(".")[0])
        if value is not None and value not in numbers:
            return Rejection("wrong_number", token)
    known = " ".join(_fact_strings(facts))
    known_words = set(re.findall(r"[A-Za-z&/]+", known))
    for acronym in _ACRONYM.findall(text):
        if acronym not in _GENERIC_ACRONYMS and acronym not in known_words:
            return Rejection("wrong_organisation", acronym)
    for name in _ORG_NAME.findall(text):
        name = re.sub(r"^(The|A|An|By|From|Of|And|To)\s+", "", name.strip())
        if name.lower() not in known.lower():
            return Rejection("wrong_organisation", name)
    return None


def count_sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip()))


def check_shape(answer: dict) -> Rejection | None:
    """Lengths and counts; also used to test the template against the same limits."""
    title, description, summary = answer["title"], answer["description"], answer["summary"]
    if not 5 <= len(title) <= TITLE_MAX:
        return Rejection("length", f"title has {len(title)} characters")
    if not DESCRIPTION_MIN <= len(description) <= DESCRIPTION_MAX:
        return Rejection("length", f"description has {len(description)} characters")
    if len(summary) > SUMMARY_MAX or not 2 <= count_sentences(summary) <= 4:
        return Rejection("length", f"summary has {count_sentences(summary)} sentences")
    if not 3 <= len(answer["faq"]) <= 5:
        return Rejection("length", f"{len(answer['faq'])} FAQ pairs")
    for pair in answer["faq"]:
        if not pair["q"] or not pair["a"] or max(len(pair["q"]), len(pair["a"])) > FAQ_TEXT_MAX:
            return Rejection("length", "an FAQ pair is empty or too long")
    return None


def _parse(content: str) -> tuple[dict | None, Rejection | None]:
    text = (content or "").strip()
    fenced = re.fullmatch(r"```(?:json)?\s*(.*?)\s*```", text, re.S)
    if fenced:
        text = fenced.group(1)
    try:
        data = json.loads(text)
    except ValueError as exc:
        return None, Rejection("invalid_json", str(exc)[:80])
    if not isinstance(data, dict):
        return None, Rejection("invalid_json", "not an object")
    try:
        answer = {k: re.sub(r"\s+", " ", data[k]).strip() for k in ("title", "description", "summary")}
        answer["faq"] = [
            {"q": re.sub(r"\s+", " ", p["q"]).strip(), "a": re.sub(r"\s+", " ", p["a"]).strip()}
            for p in data["faq"]
        ]
    except (KeyError, TypeError, AttributeError) as exc:
        return None, Rejection("schema", f"missing or mistyped field: {exc}")
    return answer, None


def check_text(answer: dict, facts: dict) -> Rejection | None:
    """Shape and facts of an already-parsed answer (the template is held to the same rules)."""
    problem = check_shape(answer)
    if problem:
        return problem
    parts = [answer["title"], answer["description"], answer["summary"]]
    parts += [s for pair in answer["faq"] for s in (pair["q"], pair["a"])]
    for part in parts:
        problem = _check_facts(part, facts)
        if problem:
            return problem
    return None


def check_answer(content: str, facts: dict) -> tuple[dict | None, Rejection | None]:
    answer, problem = _parse(content)
    if problem:
        return None, problem
    problem = check_text(answer, facts)
    return (None, problem) if problem else (answer, None)
