"""Classify a notice's links (apply online, notification PDF, admit card…) and drop promotions."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from core.domain.schema import Link
from core.domain.urls import is_http_url, is_pdf

PROMOTIONAL = re.compile(
    r"whatsapp|telegram|youtube|facebook|instagram|twitter|\bapp\b|play\.google|download\s+(our\s+)?app|"
    r"join\s+(our|us)|follow\s+us|subscribe|sarkari\s*result\s*app",
    re.I,
)
KINDS: list[tuple[str, re.Pattern]] = [
    ("admit_card", re.compile(r"admit\s*card|call\s*letter|hall\s*ticket", re.I)),
    ("answer_key", re.compile(r"answer\s*key|response\s*sheet", re.I)),
    ("result", re.compile(r"result|score\s*card|rank\s*card|marks|merit|cut[- ]?off|selection\s+list", re.I)),
    ("notice", re.compile(r"joining\s+(order|letter)|counsell?ing|choice\s+filling|exam\s+city|seat\s+allot", re.I)),
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
