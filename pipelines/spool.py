"""When the database is gone, a raw item is kept in a local spool file rather than lost."""

from __future__ import annotations

import json
from pathlib import Path

from jobcore import config


def json_ready(raw: dict) -> dict:
    """Raw scraped data as plain JSON values (dates and other objects as text)."""
    return json.loads(json.dumps(raw, default=str, ensure_ascii=False))


def spool_path(source: str) -> Path:
    folder = config.var_dir() / "spool"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{source}.jsonl"


def spool_item(source: str, raw: dict, reason: str) -> Path:
    path = spool_path(source)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"reason": reason, "raw": raw}, default=str, ensure_ascii=False) + "\n")
    return path
