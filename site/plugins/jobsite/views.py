"""Pure functions from the snapshot to what the templates show (no Pelican, no I/O).

A job has two views: ``job_view`` (everything its own page shows, with the validated
``JobPosting``) and ``row_view`` (what listings, feeds, sitemaps and other jobs' pages show of
it: a row). A row's ``row_static`` part does not depend on the day, so a build can keep it from
the last build while the job's record is unchanged.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import logging
from collections import defaultdict
from typing import NamedTuple
from urllib.parse import urlsplit

from pydantic import ValidationError

from core.domain.schema import STAGE_LABELS, JobPosting, Stage

from .taxonomy import group_slug, job_category, job_state

log = logging.getLogger(__name__)

LATEST_ON_HOME = 30
ON_HOME_SECTION = 10
CLOSING_SOON_DAYS = 15
RELATED = 5

# Listing kinds: (kind, URL base, heading of the index page, heading pattern of one listing)
LISTING_KINDS = (
    ("organisation", "organisations/", "Jobs by organisation", "{name} jobs"),
    ("category", "categories/", "Jobs by category", "{name} jobs"),
    ("state", "states/", "Jobs by state", "{name} government jobs"),
    ("qualification", "qualifications/", "Jobs by qualification", "Jobs for {name} pass"),
    ("stage", "stages/", "Updates by stage", "Latest {name} updates"),
)


class Fields(dict):
    """A dict whose keys also read as attributes. Templates read ``view.job`` as
    ``getattr(view, "job")`` first and the key only when that fails: a plain dict fails it (and
    raises) on every access, a few dozen times per page."""

    __slots__ = ()

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class RowJob(NamedTuple):
    """The facts of a job that its row shows or that decide its listings (a light JobPosting)."""

    title: str
    organisation: str
    stage: Stage
    apply_last: dt.date | None
    expires_on: dt.date | None
    notice_date: dt.date | None
    exam_date: dt.date | None
    result_date: dt.date | None
    qualification: tuple[str, ...]


def days_left(last: dt.date | None, today: dt.date) -> int | None:
    return (last - today).days if last else None


def is_archived(job: JobPosting, today: dt.date) -> bool:
    """Past its last date (or its expiry), or a 1+ year-old notice with no closing date at all."""
    if job.apply_last:
        return job.apply_last < today
    if job.expires_on:
        return job.expires_on < today
    dated = [d for d in (job.notice_date, job.exam_date, job.result_date) if d]
    return bool(dated) and max(dated) < today - dt.timedelta(days=365)


def apply_override(facts: dict, override: dict | None) -> dict:
    """``content/overrides/<slug>.md`` front matter replaces facts; an invalid patch is ignored."""
    if not override or not override.get("facts"):
        return facts
    patched = {**facts, **override["facts"]}
    if "fees" in override["facts"]:
        patched["fees"] = {**facts.get("fees", {}), **override["facts"]["fees"]}
    try:
        return JobPosting.model_validate(patched).model_dump(mode="json")
    except ValidationError as exc:
        log.warning("override ignored: %s", exc.errors()[0]["msg"])
        return facts


def date_posted(record: dict, job: JobPosting) -> str:
    for value in (job.notice_date, job.apply_start):
        if value:
            return value.isoformat()
    dated = sorted(e["date"] for e in record["events"] if e.get("date"))
    return dated[0] if dated else record["first_seen"]


def job_view(record: dict, today: dt.date, override: dict | None = None) -> dict:
    facts = apply_override(record["facts"], override)
    job = JobPosting.model_validate(facts)
    org = job.organisation_short or job.organisation
    category = job_category(job)
    state = job_state(job)
    lastmod = max([record["first_seen"]] + [e["first_seen"] for e in record["events"]])
    if override and override.get("modified"):
        lastmod = max(lastmod, override["modified"])
    dates = [e["date"] for e in record["events"] if e["date"]] or [record["first_seen"]]
    seo = Fields(record["seo"])
    seo["faq"] = [Fields(f) for f in seo.get("faq") or []]
    return Fields({
        "slug": record["slug"],
        "url": f"jobs/{record['slug']}/",
        "job": job,
        "stage_label": STAGE_LABELS[Stage(job.stage)],
        "org": org,
        "org_slug": group_slug(org),
        "category": category,
        "state": state,
        "events": [Fields(e) for e in record["events"]],
        "seo": seo,
        "provenance": record["provenance"],
        "days_left": days_left(job.apply_last, today),
        "archived": is_archived(job, today),
        "last_seen": record["last_seen"],
        "first_seen": record["first_seen"],
        "date_posted": date_posted(record, job),
        "lastmod": lastmod,
        "latest_date": max(dates),
        "content_hash": record.get("content_hash") or "",
        "override_html": (override or {}).get("html"),
        "override_key": (override or {}).get("key", ""),
    })


ROW_FIELDS = ("slug", "url", "stage_label", "org", "org_slug", "category", "state", "lastmod",
              "latest_date")


# The job page's tables: each row's label and the facts that fill it, in the order shown.
DATE_ROWS = (
    ("Notification", "notice_date", None),
    ("Apply online from", "apply_start", None),
    ("Last date to apply", "apply_last", None),
    ("Last date for fee", "fee_last", None),
    ("Correction window", "correction_start", "correction_end"),
    ("Exam", "exam_date", "exam_date_end"),
    ("Admit card", "admit_card_date", None),
    ("Answer key", "answer_key_date", None),
    ("Result", "result_date", None),
)
FEE_ROWS = (("General", "general"), ("OBC", "obc"), ("EWS", "ews"), ("SC / ST", "sc_st"),
            ("Female", "female"), ("PwD", "pwd"))
# The usual life of a recruitment: each step and the stages that reach it.
LIFECYCLE = (
    ("Notification", frozenset({"recruitment", "online_form", "correction", "date_extended"})),
    ("Exam / Admit card", frozenset({"exam_date", "admit_card"})),
    ("Answer key", frozenset({"answer_key"})),
    ("Result", frozenset({"result", "marks", "score_card", "cutoff"})),
    ("Joining / Counselling", frozenset({"joining_order", "counselling", "admission"})),
)


def http_url(value):
    """A link target only if it is an absolute http(s) URL: ``javascript:`` never becomes a link."""
    return _http_url(value) if isinstance(value, str) else None


@functools.lru_cache(maxsize=65536)
def _http_url(value: str):
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@functools.lru_cache(maxsize=4096)
def day(value: dt.date) -> str:
    """A date as the pages show it: ``05 Feb 2026`` (the templates' ``|day``)."""
    return value.strftime("%d %b %Y")


def thousands(value: int) -> str:
    """A count or an amount with thousands separators: ``32,679`` (``|thousands``)."""
    return f"{value:,}"


def page_tables(view: dict) -> dict:
    """The rows of the job page's tables, worked out here rather than with Jinja filters (a
    third of the time of a job page went to ``selectattr``/``select`` over these few rows):

    ``date_rows`` (label, date, end date or None) for the dates the job has, ``fee_rows``
    (label, amount) for the fees it states, ``steps`` (label, reached, current) for the
    stages of a recruitment, and ``link_rows`` (label, http(s) URL or None) for the links not
    already shown as "Apply online" or "Notification (PDF)".
    """
    job = view["job"]
    dates = [(label, start, getattr(job, end) if end else None)
             for label, first, end in DATE_ROWS if (start := getattr(job, first))]
    fees = [(label, amount) for label, name in FEE_ROWS
            if (amount := getattr(job.fees, name)) is not None]
    stage = job.stage.value
    reached = {e["stage"] for e in view["events"]} | {stage}
    steps = [(label, not reached.isdisjoint(stages), stage in stages)
             for label, stages in LIFECYCLE]
    shown = (job.application_link, job.notification_pdf)
    links = [(link.label, http_url(link.url)) for link in job.links if link.url not in shown]
    return {"date_rows": dates, "fee_rows": fees, "steps": steps, "link_rows": links}


def row_static(view: dict) -> dict:
    """The part of a job's row that does not depend on the day (from its ``job_view``)."""
    job = view["job"]
    row = {name: view[name] for name in ROW_FIELDS}
    row["job"] = RowJob(job.title, job.organisation, job.stage, job.apply_last, job.expires_on,
                        job.notice_date, job.exam_date, job.result_date, tuple(job.qualification))
    row["seo"] = {"description": view["seo"].get("description")}
    return row


def row_view(static: dict, today: dt.date) -> dict:
    """A job's row on ``today``: its static part plus the days left and whether it is closed."""
    job = static["job"]
    return Fields(static, days_left=days_left(job.apply_last, today),
                  archived=is_archived(job, today))


def row_key(view: dict) -> tuple:
    """What a listing row, feed entry or calendar event shows of a job: it changes with the row."""
    job = view["job"]
    return (view["slug"], job.title, view["org"], job.stage.value, str(job.apply_last),
            view["days_left"], view["lastmod"], view["seo"].get("description") or "",
            view["archived"])


def shown_days(view: dict) -> int | None:
    """What the pages say about the deadline (a closed job's page no longer changes daily)."""
    return view["days_left"] if view["days_left"] is not None and view["days_left"] >= 0 else None


def row_digest(view: dict) -> str:
    """A digest of what a job's row shows, for the keys of the pages that list it (computed
    once per row and kept in it: a listing page's key is then a hash of 50 short strings)."""
    digest = view.get("row_digest")
    if digest is None:
        key = row_key(view)  # strings, numbers, None and booleans: repr is exact and fast
        text = repr((*key[:5], shown_days(view), *key[6:]))
        digest = view["row_digest"] = hashlib.sha1(text.encode()).hexdigest()
    return digest


def _latest_key(view: dict):
    return (view["latest_date"], view["slug"])


def sort_latest(views: list[dict]) -> list[dict]:
    """Newest first by the job's latest event, then by slug (a total, stable order)."""
    return sorted(views, key=_latest_key, reverse=True)


def _memberships(view: dict) -> dict[str, list[str]]:
    job = view["job"]
    return {
        "organisation": [view["org"]],
        "category": [view["category"]],
        "state": [view["state"]],
        "qualification": list(job.qualification),
        "stage": [view["stage_label"]],
    }


def listings(views: list[dict]) -> dict[str, dict[str, dict]]:
    """kind → slug → {name, full, url, jobs (newest first)}; live jobs only."""
    groups: dict[str, dict[str, dict]] = {kind: {} for kind, *_ in LISTING_KINDS}
    bases = {kind: base for kind, base, *_ in LISTING_KINDS}
    for view in views:
        if view["archived"]:
            continue
        for kind, names in _memberships(view).items():
            for name in names:
                slug = group_slug(name)
                group = groups[kind].setdefault(
                    slug, {"name": name, "full": "", "url": f"{bases[kind]}{slug}/", "jobs": []})
                if kind == "organisation":
                    group["full"] = view["job"].organisation
                group["jobs"].append(view)
    return {
        kind: {slug: {**g, "jobs": sort_latest(g["jobs"])} for slug, g in sorted(found.items())}
        for kind, found in groups.items()
    }


def related_jobs(views: list[dict]) -> dict[str, list[dict]]:
    """Up to RELATED other jobs of the same organisation (live first), else of the category."""
    live: dict[str, list[dict]] = defaultdict(list)  # newest first
    closed: dict[str, list[dict]] = defaultdict(list)
    by_cat: dict[str, list[dict]] = defaultdict(list)
    for view in sort_latest(views):
        (closed if view["archived"] else live)[view["org_slug"]].append(view)
        if not view["archived"]:
            by_cat[view["category"]].append(view)
    related = {}
    for view in views:
        slug, org = view["slug"], view["org_slug"]
        # the organisation's live jobs, then its closed ones (only the first few can be picked)
        picked = [v for v in itertools.chain(live[org][:RELATED + 1], closed[org][:RELATED + 1])
                  if v["slug"] != slug][:RELATED]
        if len(picked) < RELATED:
            seen = {v["slug"] for v in picked} | {slug}
            picked += itertools.islice(
                (v for v in by_cat[view["category"]] if v["slug"] not in seen), RELATED)
        related[slug] = picked[:RELATED]
    return related


def home_sections(views: list[dict]) -> dict:
    live = sort_latest([v for v in views if not v["archived"]])
    closing = sorted(
        (v for v in live if v["days_left"] is not None and 0 <= v["days_left"] <= CLOSING_SOON_DAYS),
        key=lambda v: (v["days_left"], v["slug"]),
    )

    def stage_in(*stages):
        return [v for v in live if v["job"].stage.value in stages][:ON_HOME_SECTION]

    return {
        "latest": live[:LATEST_ON_HOME],
        "closing_soon": closing[:ON_HOME_SECTION],
        "admit_cards": stage_in("admit_card", "exam_date"),
        "answer_keys": stage_in("answer_key"),
        "results": stage_in("result", "marks", "score_card", "cutoff"),
        "archived_count": len(views) - len(live),
    }


def paginate(items: list, per_page: int) -> list[list]:
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
