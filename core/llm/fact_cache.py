"""The LLM fact cache: one row per (document hash, prompt version, model)."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from core.storage.tables import LlmFactCache


def cache_key(document_hash: str, prompt_version: str, model: str) -> str:
    return hashlib.sha256(f"{document_hash}\n{prompt_version}\n{model}".encode()).hexdigest()


def cache_get(session: Session, key: str) -> dict | None:
    return session.scalar(select(LlmFactCache.payload).where(LlmFactCache.key == key))


def cache_put(session: Session, key: str, document_hash: str, model: str, prompt_version: str,
              payload: dict) -> None:
    statement = insert(LlmFactCache).values(key=key, document_hash=document_hash, model=model[:120],
                                            prompt_version=prompt_version, payload=payload)
    session.execute(statement.on_conflict_do_update(
        index_elements=[LlmFactCache.key],
        set_={"payload": statement.excluded.payload, "created_at": statement.excluded.created_at},
    ))
