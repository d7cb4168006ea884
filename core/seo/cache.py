"""The SEO cache: one row per (facts used, prompt version, model), keyed by their sha256."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from core.storage.tables import SeoCache


def cache_key(facts: dict, prompt_version: str, model: str) -> str:
    material = json.dumps(
        {"facts": facts, "prompt_version": prompt_version, "model": model},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(material.encode()).hexdigest()


def cache_get(session: Session, key: str) -> dict | None:
    return session.scalar(select(SeoCache.payload).where(SeoCache.key == key))


def cache_put(session: Session, key: str, model: str, prompt_version: str, payload: dict) -> None:
    statement = insert(SeoCache).values(
        key=key, model=model[:120], prompt_version=prompt_version, payload=payload
    )
    session.execute(statement.on_conflict_do_update(
        index_elements=[SeoCache.key],
        set_={"payload": statement.excluded.payload, "created_at": statement.excluded.created_at},
    ))
