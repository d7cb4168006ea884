"""Shared by the benchmarks: time one step and print it as a row."""

from __future__ import annotations

import time


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label:<44} {time.perf_counter() - started:8.2f} s")
    return result
