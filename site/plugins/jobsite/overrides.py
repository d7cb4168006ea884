"""``content/overrides/<job-slug>.md``: an editor's correction or addition to one job's page.

Front matter (``Key: value`` lines up to the first blank line, as in Pelican's Markdown) replaces
facts of the job (``Apply_last: 2026-02-20``, ``Fees.general: 100``; list fields take values
separated by ``;``); ``Modified:`` dates the change for the sitemap. The Markdown body is
sanitised and appended to the page.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import markdown
import nh3
from markupsafe import Markup

from core.domain.schema import JobPosting

log = logging.getLogger(__name__)
_FIELD = re.compile(r"^([A-Za-z_][\w.]*)\s*:\s*(.*)$")
_LISTS = {name for name, f in JobPosting.model_fields.items() if "list" in str(f.annotation)}


def parse_override(text: str) -> dict:
    lines = text.replace("\r\n", "\n").split("\n")
    facts: dict = {}
    modified = None
    count = 0
    while count < len(lines) and (match := _FIELD.match(lines[count].strip())):
        count += 1
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "modified":
            modified = value
        elif key.startswith("fees."):
            facts.setdefault("fees", {})[key[5:]] = value or None
        elif key in JobPosting.model_fields:
            facts[key] = [v.strip() for v in value.split(";") if v.strip()] if key in _LISTS else (value or None)
        else:
            log.warning("override: unknown field %r ignored", key)
    body = "\n".join(lines[count:])
    html = nh3.clean(markdown.markdown(body.strip())) if body.strip() else ""
    return {
        "facts": facts,
        "modified": modified,
        "html": Markup(html) if html else None,
        "key": hashlib.sha1(text.encode()).hexdigest(),
    }


def read_overrides(folder: Path) -> dict[str, dict]:
    if not folder.is_dir():
        return {}
    return {p.stem: parse_override(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.md"))}

