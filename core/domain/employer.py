"""Who a recruitment is for (``credit_employer``): a board that publishes for another body credits
the employer the notice names, and keeps itself as the body that conducts the recruitment.

- A recruiting agency (IBPS, UPSC, SSC, the state commissions and boards: ``RECRUITING_AGENCIES``)
  publishing a notice whose title names a known organisation of its own (a bank, a PSU, AIIMS…):
  that organisation is the employer; the agency goes to ``department`` as "Conducted by …".
  IBPS's "SBI Recruitment of Junior Associates" is a State Bank of India job.
- A notice naming the government department it recruits for ("Forest Ranger … under Environment
  & Forest Department", "… in Ministry of Defence"): the department, when the source gave none.
  The commission stays the organisation there: a department named in free text is spelt a new
  way by every notice, and the organisation is part of a job's key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.domain.fields.organisations import (
    ORGANISATIONS,
    RECRUITING_AGENCIES,
    canonical_organisation,
)


@dataclass(frozen=True)
class Employer:
    organisation: str
    short: str | None
    department: str | None
    reason: str


_DEPARTMENT = re.compile(
    r"\b(?:in|under)\s+(?:the\s+)?((?:(?:[A-Z][\w.'-]*|&|and|of)\s+){0,7}?"
    r"(?:Department|Deptt?\.?|Ministry|Directorate|Bureau)"
    r"(?:\s+of(?:\s+(?:[A-Z][\w'-]*|&|and)){1,5})?(?:,\s*(?:Govt\.?\s+of\s+)?[A-Z][a-z]+)?)",
)
# Exam bodies that are never the employer of another body's recruitment ("IBPS RRB" is IBPS's exam
# for the Regional Rural Banks, not the Railway Recruitment Board).
_NOT_EMPLOYERS = RECRUITING_AGENCIES | {"RRB", "NTA", "JEECUP", "BCECEB", "UP PNP", "UPBEB"}


def credit_employer(organisation: str, short: str | None, title: str | None, department: str | None = None
                    ) -> Employer | None:
    """The employer a notice names when its publisher recruits for another body, or None."""
    if not title:
        return None
    if short in RECRUITING_AGENCIES and (named := _employer_named(title)):
        full, employer_short = named
        return Employer(full, employer_short, f"Conducted by {organisation}",
                        f"{short} publishes this recruitment for {full}: the title names {employer_short}")
    if not department and (match := _DEPARTMENT.search(title)):
        named = match.group(1).strip(" ,.")
        return Employer(organisation, short, named, f"the title names the department: {named!r}")
    return None


def _employer_named(title: str) -> tuple[str, str] | None:
    """A known organisation other than the publisher and the agencies, named in the title."""
    # canonical_organisation finds the first organisation a text names; take the publisher and
    # the agencies out of the title and ask again
    text = title
    for short in _NOT_EMPLOYERS:
        for alias in ORGANISATIONS[short][1]:
            text = re.sub(rf"\b{re.escape(alias)}\b", " ", text, flags=re.I)
    return canonical_organisation(text)
