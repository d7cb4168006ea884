"""Scraped text is untrusted: strip every tag from it before it enters the domain model."""

from __future__ import annotations

import html
import re

import nh3

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def plain_text(value: str | None) -> str | None:
    """Text with all markup removed, entities decoded once, control and bidi characters dropped."""
    if value is None:
        return None
    text = str(value)
    if "<" in text:  # most scraped text has no markup, and nh3 costs ~0.5 ms a call
        text = nh3.clean(text, tags=set(), clean_content_tags={"script", "style"})
    text = html.unescape(text)
    text = _CONTROL.sub("", text)
    return re.sub(r"\s+", " ", text).strip() or None


def plain_lines(values) -> list[str]:
    """Lines of a section; a lone string is one line, any other non-list is no lines."""
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple):
        return []
    return [t for v in values if isinstance(v, str | int | float) and (t := plain_text(v))]


def plain_tables(tables) -> list[dict]:
    """Vacancy tables with every header and cell as plain text; malformed tables are skipped."""
    if not isinstance(tables, list | tuple):
        return []
    clean = []
    for table in tables:
        if not isinstance(table, dict):
            continue
        headers = table.get("headers") if isinstance(table.get("headers"), list) else []
        rows = table.get("rows") if isinstance(table.get("rows"), list) else []
        clean.append({
            "headers": [plain_text(h) or "" if isinstance(h, str | int | float) else "" for h in headers],
            "rows": [
                {plain_text(k) or "": plain_text(v) or "" for k, v in row.items() if isinstance(v, str | int | float)}
                for row in rows if isinstance(row, dict)
            ],
        })
    return clean


def plain_links(links) -> list[dict]:
    if not isinstance(links, list | tuple):
        return []
    return [
        {"label": plain_text(link.get("label")), "url": link.get("url").strip()}
        for link in links
        if isinstance(link, dict) and isinstance(link.get("url"), str)
    ]
