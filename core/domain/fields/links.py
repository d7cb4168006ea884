"""Classify a notice's links (apply online, notification PDF, admit card…), drop promotions, and
keep official kinds for official sites only (``official_links``)."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from core.domain.official_domains import Judgement, judge_url
from core.domain.schema import Link, Stage
from core.domain.stages import stage_pattern
from core.domain.urls import is_http_url, is_pdf

PROMOTIONAL = re.compile(
    r"whatsapp|telegram|youtube|facebook|instagram|twitter|\bapp\b|play\.google|download\s+(our\s+)?app|"
    r"join\s+(our|us)|follow\s+us|subscribe|sarkari\s*result\s*app",
    re.I,
)
# A link's kind from its label, the first that matches. The stage kinds use the stage words of
# ``core.domain.stages``, found inside file-name labels too; as there, instructions for the OMR
# sheet are a notice to read, not marks.
KINDS: list[tuple[str, re.Pattern]] = [
    ("notice", stage_pattern(Stage.other, whole_words=False)),
    ("admit_card", stage_pattern(Stage.admit_card, whole_words=False)),
    ("answer_key", stage_pattern(Stage.answer_key, whole_words=False)),
    ("result", stage_pattern(Stage.result, Stage.marks, Stage.score_card, Stage.cutoff, whole_words=False)),
    ("result", re.compile(r"rank\s*card|merit", re.I)),
    ("notice", stage_pattern(Stage.joining_order, Stage.counselling, whole_words=False)),
    ("notice", re.compile(r"exam\s+city", re.I)),
    ("syllabus", re.compile(r"syllabus|exam\s+pattern", re.I)),
    ("apply_online", re.compile(r"apply|registration|register|online\s+form|login", re.I)),
    ("notification_pdf", re.compile(r"notification|advertisement|advt|notice|\bcen\b|brochure|information\s+bulletin", re.I)),
    ("official_website", re.compile(r"official\s+website|home\s*page", re.I)),
]


def classify_link(label: str, url: str) -> str:
    kind = _label_kind(label)
    if kind:
        return kind
    if is_pdf(url):
        return "notification_pdf"
    return "other"


def is_promotional(label: str, url: str) -> bool:
    return _promotional(label) or _promotional(urlsplit(url).netloc)


# The same few labels ("Apply Online", "Download Notification") and hosts come back on every page.
@lru_cache(maxsize=8192)
def _label_kind(label: str) -> str | None:
    return next((kind for kind, pattern in KINDS if pattern.search(label)), None)


@lru_cache(maxsize=8192)
def _promotional(text: str) -> bool:
    return bool(PROMOTIONAL.search(text))


def classify_links(raw_links: list[dict]) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    for raw in raw_links or []:
        label, url = (raw.get("label") or "").strip(), (raw.get("url") or "").strip()
        if not label or not url or url in seen or is_promotional(label, url):
            continue
        if not is_http_url(url):
            continue
        seen.add(url)
        links.append(Link(label=label, url=url, kind=classify_link(label, url)))
    return links


# Links only an organisation's own site may hold; the rest are shown with where they lead.
OFFICIAL_KINDS = ("apply_online", "notification_pdf", "official_website")


def official_links(links: list[Link], parties: tuple[tuple[str | None, ...], ...], source_url: str | None,
                   source_kind: str, title: str | None = None) -> tuple[list[Link], list[str]]:
    """The notice's links with each judged against the official-domain registry
    (``core.domain.official_domains``): official ones keep their kind; an aggregator's become
    "also reported by" links of kind ``other``; an unknown site's are kept as ``other`` with
    its domain named; a look-alike domain's are dropped. Returns the links and a warning per
    link changed."""
    kept: list[Link] = []
    warnings: list[str] = []
    for link in links:
        judged = judge_url(link.url, parties, source_url, source_kind)
        if judged.official:
            kept.append(link)
            continue
        if judged.verdict == "lookalike":
            warnings.append(f"dropped a link to a look-alike site: {judged.reason} ({link.url})")
            continue
        kept.append(Link(label=_reported_label(link.label, judged, title), url=link.url, kind="other"))
        if link.kind in OFFICIAL_KINDS:
            warnings.append(f"{link.kind} link is not official: {judged.reason}")
    return kept, warnings


def _reported_label(label: str, judged: Judgement, title: str | None) -> str:
    if judged.verdict == "aggregator":
        if title and label.casefold() == title.casefold() or len(label) > 60:
            return f"Also reported by {judged.domain}"
        return f"{label} (also reported by {judged.domain})"
    return f"{label} (unverified site: {judged.domain})"
