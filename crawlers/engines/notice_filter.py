"""What an official board lists that is not a job notice: tenders, RTI, pensions, menus, apps."""

from __future__ import annotations

import re

NOT_A_JOB = re.compile(
    r"\b(tenders?|quotations?|sealed\s+proposals?|procurement|e-?procurement|auction|"
    r"right\s+to\s+information|RTI|pensions?|pensioners?|grievance|welcome\s+to|"
    r"whats\s*app|telegram|mobile\s+app|download\s+(?:the\s+)?app|hindi\s+fonts?|"
    r"departmental\s+(?:\(promotion\)\s+)?exam\w*|rates\s+for\s+applying)\b",
    re.I,
)


def is_job_notice(text: str | None) -> bool:
    """False for a row that is plainly not about a recruitment (see ``NOT_A_JOB``)."""
    return bool(text and text.strip()) and not NOT_A_JOB.search(text)
