"""A thread-safe stand-in for Scrapy's stats collector, for ``jobs seo`` and the bench."""

from __future__ import annotations

import threading
from collections import Counter


class Counters:
    def __init__(self):
        self._values: Counter = Counter()
        self._lock = threading.Lock()

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        with self._lock:
            self._values[key] += count

    def get_value(self, key: str, default=None):
        with self._lock:
            return self._values.get(key, default)

    def get_stats(self) -> dict:
        with self._lock:
            return dict(self._values)
