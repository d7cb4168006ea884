"""Raw notice → normalised job facts (``normalise_job``): pure, never raises on bad values."""

from __future__ import annotations

import re

from core.domain.extract.document import documents_in
from core.domain.extract.notice_facts import extract_facts
from core.domain.extract.overlay import overlay
from core.domain.fields.ages import parse_ages
from core.domain.fields.dates import find_dates, parse_date
from core.domain.fields.fees import parse_fees
from core.domain.fields.important_dates import map_important_dates
from core.domain.fields.links import classify_links
from core.domain.fields.organisations import canonical_organisation
from core.domain.fields.qualifications import LEVELS as QUALIFICATION_LEVELS
from core.domain.fields.qualifications import qualification_levels
from core.domain.fields.vacancies import parse_vacancies, posts_in_text
from core.domain.notice_identity import identify_notice
from core.domain.sanitise import plain_lines, plain_links, plain_tables, plain_text
from core.domain.stages import classify_stage
from core.domain.urls import is_http_url, is_pdf

_CEN = re.compile(r"\bCEN\s*(?:No\.?)?\s*[-\s]?\s*(\d{1,2})\s*[/\-]\s*((?:19|20)\d{2})\b", re.I)
# "Advt No. : 03/2025", "ADVERTISEMENT No. 1457", "Advt.No. 01/2026", "Advt. No. 1803/7014/CSSC/ESTT/2025"
_ADVT_NO = re.compile(
    r"\b(?:advt|advertisement)\.?\s*(?:no\.?|number)\s*[:.\-]?\s*([A-Z0-9][A-Z0-9/\-]*(?:\s*/\s*[A-Z0-9\-]+)*)"
    # "Advt. No. 05 of 2025-26": the year is part of the number
    r"(?:\s+of\s+((?:19|20)\d{2}(?:\s*-\s*\d{2,4})?)\b)?",
    re.I,
)
_ADVT_SHORT = re.compile(r"\b(?:Advt\.?|Advertisement)\s*[-:.]?\s*(\d{1,4}\s*[/\-]\s*(?:19|20)?\d{2})\b", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d{2})\b")


def find_advt_no(*texts: str | None) -> str | None:
    """The advertisement (or CEN) number a text names, in a tidy form; None when it names none."""
    for text in texts:
        if not text:
            continue
        if match := _CEN.search(text):
            return f"CEN {int(match.group(1)):02d}/{match.group(2)}"
        if (match := _ADVT_NO.search(text)) and re.search(r"\d", match.group(1)):
            number = re.sub(r"\s*/\s*", "/", match.group(1)).strip("-/")
            if match.group(2):
                number = number + "/" + re.sub(r"\s+", "", match.group(2))
            return number[:80]
        if match := _ADVT_SHORT.search(text):
            return re.sub(r"\s*([/\-])\s*", "/", match.group(1))
    return None


MAX_POSTS = 1_000_000
DATE_FIELDS = (
    "apply_start", "apply_last", "fee_last", "correction_start", "correction_end", "exam_date",
    "exam_date_end", "admit_card_date", "answer_key_date", "result_date",
)
_AS_ON = re.compile(r"\bas\s+(?:on|of)\s+([^.;]{0,40})", re.I)
_AFTER_APPLYING = ("exam_date", "admit_card_date", "answer_key_date", "result_date")


def age_as_on_in(text: str | None):
    """``… 42 years as of August 01, 2025`` → 2025-08-01 (the summary's as-on date for ages)."""
    for match in _AS_ON.finditer(text or ""):
        if dates := find_dates(match.group(1)):
            return dates[0]
    return None


def _drop_dates_before_applying(fields: dict, warnings: list[str]) -> None:
    """An exam (or admit card, result) before the application opens is a typo, not a fact."""
    start = fields.get("apply_start")
    for name in _AFTER_APPLYING:
        if start and fields.get(name) and fields[name] < start:
            warnings.append(f"{name} {fields[name]} is before applications open ({start}); left empty")
            fields[name] = None
            fields.get("evidence", {}).pop(name, None)
            if name == "exam_date":
                fields["exam_date_end"] = None


def normalise_job(raw: dict) -> dict:
    """A dict in the shape of ``JobPosting`` from a RawJob's fields; never raises on bad values.

    Unreadable values become None with a warning in ``warnings``. The facts of the notice's
    official documents (``documents``) win over its listing's; every fact has its evidence.
    """
    warnings: list[str] = []
    sources: dict[str, str] = {}  # field → the listing text it was read from
    title = plain_text(raw.get("title"))
    summary = plain_text(raw.get("summary"))
    body = plain_text(raw.get("body_text"))
    source_org = plain_text(raw.get("organisation"))
    canonical = canonical_organisation(source_org, title, summary)
    if canonical:
        organisation, short = canonical
    else:
        organisation, short = source_org, None

    stage = classify_stage(plain_text(raw.get("notice_kind")), title)
    advt_no = find_advt_no(plain_text(raw.get("advt_no")), title, summary) or plain_text(raw.get("advt_no"))
    if advt_no:
        sources["advt_no"] = next((t for t in (plain_text(raw.get("advt_no")), title, summary)
                                   if t and find_advt_no(t) == advt_no), None) or plain_text(raw.get("advt_no"))
    year_match = _YEAR.search(title or "") or _YEAR.search(advt_no or "")

    fields, events, date_warnings = map_important_dates(plain_lines(raw.get("important_dates")), sources)
    warnings += date_warnings
    _drop_dates_before_applying(fields, warnings)
    pending = fields.pop("_pending", [])
    if pending:
        warnings.append("dates not yet announced: " + ", ".join(sorted(set(pending))))

    notice = parse_date(plain_text(raw.get("notice_date")))
    sources["notice_date"] = plain_text(raw.get("notice_date"))
    if plain_text(raw.get("notice_date")) and not notice.start:
        warnings.append(f"could not read the notice date {plain_text(raw.get('notice_date'))[:80]!r}")
    expires = parse_date(plain_text(raw.get("expires")))

    fees, fee_warnings = parse_fees(plain_lines(raw.get("application_fee")), sources)
    warnings += fee_warnings
    ages = parse_ages(plain_lines(raw.get("age_limit")))
    warnings += ages.warnings
    if ages.as_on is None and (ages.minimum is not None or ages.maximum is not None):
        ages.as_on = age_as_on_in(summary)
        ages.sources["age_as_on"] = summary
    sources.update(ages.sources)
    vacancies = parse_vacancies(plain_tables(raw.get("vacancy_tables")))
    warnings += vacancies.warnings
    sources.update(vacancies.sources)

    links = classify_links(plain_links(raw.get("links")))
    pdf_url = raw.get("pdf_url") if isinstance(raw.get("pdf_url"), str) else None
    notification_pdf = pdf_url if is_pdf(pdf_url) else None
    notification_pdf = notification_pdf or next((lk.url for lk in links if lk.kind == "notification_pdf"), None)
    application_link = next((lk.url for lk in links if lk.kind == "apply_online"), None)
    official_website = next((lk.url for lk in links if lk.kind == "official_website"), None)
    labels = {lk.url: lk.label for lk in links}
    for name, url in (("notification_pdf", notification_pdf), ("application_link", application_link),
                      ("official_website", official_website)):
        sources[name] = labels.get(url)

    eligibility = " ".join(vacancies.eligibility) or None
    total_posts = vacancies.total
    if total_posts is None:
        sources["total_posts"] = next((t for t in (title, summary) if posts_in_text(t)), None)
        total_posts = posts_in_text(sources["total_posts"])
    if total_posts is not None and total_posts > MAX_POSTS:
        warnings.append(f"{total_posts} posts is not a believable number of posts; left empty")
        total_posts = None

    # Text by text (the same work as the texts joined), so the first that names a level is cited.
    named = [(text, qualification_levels(text)) for text in (eligibility, title, summary, body) if text]
    levels = {level for _, found in named for level in found}
    qualification = [level for level, _ in QUALIFICATION_LEVELS if level in levels]
    sources["qualification"] = next((text for text, found in named if found), None)
    job = {
        "source": raw.get("source"),
        "source_kind": raw.get("source_kind") or "official",
        "source_url": raw.get("source_url"),
        "organisation": organisation,
        "organisation_short": short,
        "department": plain_text(raw.get("department")),
        "category": plain_text(raw.get("category")),
        "state": plain_text(raw.get("state")),
        "title": title,
        "description": summary or (body[:600] if body else None),
        "stage": stage.value,
        "advt_no": advt_no,
        "exam_year": int(year_match.group(1)) if year_match else None,
        "notice_date": notice.start,
        "expires_on": expires.start,
        "events": events,
        **dict.fromkeys(DATE_FIELDS),
        **fields,
        "total_posts": total_posts,
        "posts": vacancies.posts,
        "qualification": qualification,
        "eligibility": eligibility,
        "selection_process": vacancies.selection,
        "age_min": ages.minimum,
        "age_max": ages.maximum,
        "age_as_on": ages.as_on,
        "age_relaxation": ages.relaxation,
        "age_notes": ages.notes,
        "fees": fees,
        "application_link": application_link,
        "notification_pdf": notification_pdf,
        "official_website": official_website,
        "links": links,
        "warnings": warnings,
    }
    job["evidence"] = _listing_evidence(job, sources, raw.get("source_url"))
    documents = documents_in(raw)
    if documents:
        try:
            overlay(job, extract_facts(documents))
        except Exception as exc:  # a rule's bug costs the document's facts, never the notice
            warnings.append(f"document facts not read: {exc.__class__.__name__}: {exc}")
        _drop_dates_before_applying(job, warnings)
    job["warnings"] = [w[:300] for w in warnings]
    return identify_notice(job, raw)  # kind, employer, title and official links


def _listing_evidence(job: dict, sources: dict[str, str | None], page_url) -> dict:
    """Evidence for the facts read from the listing: its page and the text they were read from."""
    if not is_http_url(page_url):
        return {}
    evidence = {}
    for name, quote in sources.items():
        value = job.get(name) if not name.startswith("fees.") else getattr(job["fees"], name[5:], None)
        if quote and value not in (None, [], ""):
            evidence[name] = {"document": page_url, "page": None, "quote": quote[:300]}
    return evidence
