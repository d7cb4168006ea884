"""Normalised facts → JobPosting, or a Rejection with the reason."""

from __future__ import annotations

from pydantic import ValidationError

from core.domain.schema import JobPosting, Rejection

REQUIRED = ("title", "organisation", "source_url")


def _reason(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "item"
    message = first.get("msg", "invalid").removeprefix("Value error, ")
    return f"{where}: {message}"


def validate_job(facts: dict, raw: dict | None = None) -> JobPosting | Rejection:
    """A JobPosting when every required fact is present and consistent; else a Rejection."""
    source = facts.get("source") or (raw or {}).get("source") or "unknown"
    missing = [name for name in REQUIRED if not facts.get(name)]
    if missing:
        return Rejection(
            reason=f"missing required fact: {', '.join(missing)}",
            source=source, source_url=facts.get("source_url"), raw=raw or facts,
        )
    fees = facts.get("fees")
    fee_values = fees.model_dump() if hasattr(fees, "model_dump") else (fees or {})
    negative = [k for k, v in fee_values.items() if isinstance(v, int | float) and v < 0]
    if negative:
        return Rejection(reason=f"negative fee for {', '.join(negative)}", source=source,
                         source_url=facts.get("source_url"), raw=raw or facts)
    try:
        return JobPosting.model_validate(facts)
    except ValidationError as exc:
        return Rejection(reason=_reason(exc), source=source, source_url=facts.get("source_url"),
                         raw=raw or facts)
