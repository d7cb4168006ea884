"""Map an Important Dates section to named fields; unknown labels stay as extra dated events."""

from __future__ import annotations

import re

from core.domain.fields.dates import parse_date
from core.domain.schema import DatedEvent

# field → label pattern; the first match wins, so the specific labels come first.
LABELS: list[tuple[str | None, re.Pattern]] = [
    # later stages with start/last dates of their own are events, not the application window
    (None, re.compile(r"counsell?ing|training|document\s+verification|\bdv\b|interview|printing|adjustment|refund", re.I)),
    ("fee_last", re.compile(r"(last|closing)\s+date\b.*\b(fee|payment)\b|\b(fee|payment)\b.*\blast\s+date", re.I)),
    ("correction", re.compile(r"correction|edit|modif", re.I)),
    ("apply_last", re.compile(r"(last|closing|end)\s+date|apply\s+last|online\s+apply\s+last|last\s+date\s+to\s+apply|registration\s+(close|end)", re.I)),
    ("apply_start", re.compile(r"(start|begin|opening|commencement)\s*(date)?|apply\s+start|starts?\s+(from|on)|from\s+date|registration\s+(open|start)", re.I)),
    ("admit_card", re.compile(r"admit\s*card|call\s*letter|hall\s*ticket", re.I)),
    ("answer_key", re.compile(r"answer\s*key", re.I)),
    ("result", re.compile(r"^\s*(final\s+)?result(\s+date)?\s*$|result\s+declared|result\s+date", re.I)),
    ("exam_date", re.compile(r"^\s*(cbt\s+|written\s+|online\s+)?exam(ination)?(\s+date)?s?\s*$|exam\s+date|date\s+of\s+exam", re.I)),
]


def field_for_label(label: str) -> str | None:
    """The field a date's label names (``correction`` for a correction window), or None."""
    return next((n for n, pattern in LABELS if pattern.search(label)), None)


def map_important_dates(lines: list[str], sources: dict | None = None) -> tuple[dict, list[DatedEvent], list[str]]:
    """Named date fields, extra events, and warnings, from ``Label : value`` lines.

    ``sources``, when given, receives the line each named field was read from (its evidence).
    """
    sources = {} if sources is None else sources
    fields: dict = {}
    events: list[DatedEvent] = []
    warnings: list[str] = []
    for line in lines or []:
        label, sep, value = line.partition(":")
        if not sep:
            continue  # a remark such as "Candidates are advised to confirm…"
        label, value = label.strip(), value.strip()
        parsed = parse_date(value)
        name = field_for_label(label)
        if parsed.approximate:
            warnings.append(f"{label}: {value!r} is not a day-exact date; left empty")
        if name == "correction":
            if parsed.start:
                for key, value in (("correction_start", parsed.start), ("correction_end", parsed.end or parsed.start)):
                    if key not in fields:
                        fields[key], sources[key] = value, line
            continue
        if name and name not in _taken(fields, name) and (parsed.start or parsed.pending):
            if parsed.start:
                key = {"admit_card": "admit_card_date", "answer_key": "answer_key_date", "result": "result_date"}.get(name, name)
                fields[key], sources[key] = parsed.start, line
                if name == "exam_date" and parsed.end:
                    fields["exam_date_end"], sources["exam_date_end"] = parsed.end, line
            fields.setdefault("_pending", []).extend([name] if parsed.pending else [])
            continue
        if parsed.start or parsed.pending:
            events.append(DatedEvent(label=label, date=parsed.start, end_date=parsed.end, text=value))
        elif value and not parsed.approximate:
            warnings.append(f"could not read the date in {line!r}")
    return fields, events, warnings


def _taken(fields: dict, name: str) -> set[str]:
    key = {"admit_card": "admit_card_date", "answer_key": "answer_key_date", "result": "result_date"}.get(name, name)
    return {name} if key in fields else set()
