"""Facts from a notice's official documents over the facts its listing row gave (``overlay``).

Within one notice the official document wins, field by field, and each fact it sets brings its
evidence. A bound that contradicts its partner (a last date before the start date, a minimum
age above the maximum) is dropped with a warning: the listing's side when the two came from
different places, both when they came from the same.
"""

from __future__ import annotations

from core.domain.extract.facts import Fact
from core.domain.extract.notice_facts import Extraction
from core.domain.schema import Fees, Post

PAIRS = (("apply_start", "apply_last"), ("correction_start", "correction_end"), ("age_min", "age_max"),
         ("salary_min", "salary_max"), ("dob_from", "dob_to"))


def evidence_of(fact: Fact) -> dict:
    return {"document": fact.document, "page": fact.page, "quote": fact.quote or str(fact.value)}


def overlay(job: dict, extraction: Extraction) -> None:
    """Put the document facts of ``extraction`` into the normalised ``job`` (in place)."""
    evidence = job.setdefault("evidence", {})
    fees = job.get("fees") if isinstance(job.get("fees"), Fees) else Fees()
    taken: set[str] = set()
    for name, fact in extraction.facts.items():
        if name.startswith("fees."):
            setattr(fees, name.split(".", 1)[1], fact.value)
        elif name == "posts":
            job["posts"] = [Post(name=p["name"], count=p.get("count")) for p in fact.value]
        else:
            job[name] = fact.value
        evidence[name] = evidence_of(fact)
        taken.add(name)
    job["fees"] = fees
    for low, high in PAIRS:
        if job.get(low) is None or job.get(high) is None or job[low] <= job[high]:
            continue
        # a contradiction: the listing's side goes; if both came from the same place, both go
        mixed = (low in taken) != (high in taken)
        dropped = [(low if high in taken else high)] if mixed else [low, high]
        job["warnings"].append(f"{low} {job[low]} is above {high} {job[high]}; {' and '.join(dropped)} left empty")
        for name in dropped:
            job[name] = None
            evidence.pop(name, None)
    job["warnings"] += [f"document not read: {problem}" for problem in extraction.problems]
