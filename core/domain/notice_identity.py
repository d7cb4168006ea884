"""What a normalised notice is, who it is for, what it is called and where its official links are
(``identify_notice``): the last step of ``normalise_job``.

In order: the employer (``core.domain.employer``), the notice's kind and the reason
(``core.domain.kinds``), a readable title (``core.domain.titles``) and official links only
(``core.domain.fields.links.official_links``). The kind is judged on the source's own title and
label, the links for the employer and the board that published the notice.
"""

from __future__ import annotations

import re

from core.domain.employer import credit_employer
from core.domain.fields.links import OFFICIAL_KINDS, official_links
from core.domain.kinds import classify_notice
from core.domain.official_domains import judge_url
from core.domain.schema import NoticeKind, Stage
from core.domain.titles import tidy_title

_LINK_FIELDS = {"application_link": "apply_online", "notification_pdf": "notification_pdf",
                "official_website": "official_website"}


def identify_notice(facts: dict, raw: dict) -> dict:
    """``facts`` (a ``normalise_job`` dict) with the employer, kind, title and official links settled."""
    warnings = list(facts.get("warnings") or [])
    board = (facts.get("organisation"), facts.get("organisation_short") or _bare_short(facts.get("organisation")))
    source_title = facts.get("title") or ""

    employer = credit_employer(facts.get("organisation") or "", facts.get("organisation_short"), source_title,
                               facts.get("department"))
    if employer is not None:
        facts["organisation"], facts["organisation_short"] = employer.organisation, employer.short
        facts["department"] = employer.department

    notice = classify_notice(source_title, raw.get("notice_kind"), facts.get("description"), facts.get("links"),
                             organisation=board[0], organisation_short=board[1],
                             source_kind=facts.get("source_kind") or "official")
    facts["kind"], facts["kind_reason"] = notice.kind.value, notice.reason

    if source_title:
        title = tidy_title(source_title, _first_url(facts), facts.get("organisation"),
                           facts.get("organisation_short") or _bare_short(facts.get("organisation")),
                           facts.get("advt_no"), facts.get("exam_year"), Stage(facts.get("stage") or "other"),
                           NoticeKind(notice.kind))
        facts["title"] = title.text
        if title.reason:
            warnings.append(f"title rewritten: {title.reason}")

    parties = ((facts.get("organisation"), facts.get("organisation_short")), board)
    links, link_warnings = official_links(facts.get("links") or [], parties, facts.get("source_url"),
                                          facts.get("source_kind") or "official", source_title)
    facts["links"] = links
    warnings += link_warnings
    for field, kind in _LINK_FIELDS.items():
        url = facts.get(field)
        if url and not judge_url(url, parties, facts.get("source_url"), facts.get("source_kind") or "official").official:
            url = None
        url = url or next((lk.url for lk in links if lk.kind == kind and kind in OFFICIAL_KINDS), None)
        if url != facts.get(field):
            (facts.get("evidence") or {}).pop(field, None)  # the evidence was for the link dropped
        facts[field] = url
    facts["warnings"] = [w[:300] for w in dict.fromkeys(warnings)]
    return facts


def _bare_short(organisation: str | None) -> str | None:
    """``"IIITBH (Elite Academic/Research)"`` → ``IIITBH``: a short name the source put first."""
    if organisation and (match := re.match(r"^([A-Z][A-Za-z&]{1,11})\s*\(", organisation)):
        return match.group(1)
    return None


def _first_url(facts: dict) -> str | None:
    links = facts.get("links") or []
    return facts.get("notification_pdf") or (links[0].url if links else None) or facts.get("source_url")
