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
    text = nh3.clean(str(value), tags=set(), clean_content_tags={"script", "style"})
    text = html.unescape(text)
    text = _CONTROL.sub("", text)
    return re.sub(r"\s+", " ", text).strip() or None


def plain_lines(values) -> list[str]:
    return [t for v in values or [] if (t := plain_text(v))]
