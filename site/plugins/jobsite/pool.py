"""Work shared out to processes with ``concurrent.futures``, or done in this process.

The work is planned before the pool starts: ``work(start, stop)`` does items ``start`` to
``stop`` of a list the caller has already made (records to validate, pages to render). The
pool's processes are forked (the default start method on Linux for Python 3.11, which the
project pins), so each inherits the plan and everything it refers to without pickling it; a
task sends only its two numbers, and a result only what the caller asks back.

Forking copies one thread only, so a process with other threads running (a Prefect task, a test
runner) does the work itself: the result is the same, in one process.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Result = TypeVar("Result")
_work: Callable | None = None  # in a pool's process: the work it inherited


def worker_count(setting) -> int:
    """``setting`` 0 or unset: one process per CPU this process may use, at most 4."""
    wanted = int(setting or 0)
    if wanted > 0:
        return wanted
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def can_fork() -> bool:
    """Whether a pool's processes may be forked from this one (see the module docstring)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _adopt(work: Callable) -> None:
    global _work
    _work = work


def _run(start: int, stop: int):
    return _work(start, stop)


def slices(total: int, size: int) -> list[tuple[int, int]]:
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def processes_for(total: int, *, workers: int, size: int) -> int:
    """How many processes ``run_sliced`` uses for this work: 1 means this one, no pool."""
    parts = -(-total // size)
    if workers <= 1 or parts < 2 or not can_fork():
        return 1
    return min(workers, parts)


def run_sliced(work: Callable[[int, int], Result], total: int, *, workers: int,
               size: int) -> list[Result]:
    """``work`` over ``range(total)`` in slices of ``size``: the results in order.

    With ``workers`` > 1, more than one slice and a process that may fork, the slices go to a
    ``ProcessPoolExecutor`` of up to ``workers`` processes, each taking the next slice as it
    finishes one (so they end together however the machine's load shifts); else
    ``work(0, total)`` runs here. ``work``'s results must be picklable.
    """
    processes = processes_for(total, workers=workers, size=size)
    if processes == 1:
        return [work(0, total)] if total else []
    sys.stdout.flush()  # what is buffered would be written again by each process
    sys.stderr.flush()
    with ProcessPoolExecutor(max_workers=processes, initializer=_adopt,
                             initargs=(work,)) as pool:
        futures = [pool.submit(_run, start, stop) for start, stop in slices(total, size)]
        return [future.result() for future in futures]
