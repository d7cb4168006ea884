"""Helper processes forked from the build: they validate and render a share of the jobs.

A helper is a forked copy of the build process that runs ``main(index, channel)`` and talks to
the parent over a pipe (``send``/``recv`` of pickled messages). Forking is only safe while the
process runs a single thread, so elsewhere (a Prefect task, a test runner with helper threads)
the build does all the work itself; the files are the same either way. ``gc.freeze`` keeps the
collector from touching, and so copying, every object the helpers share with the parent.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable


class HelperFailed(RuntimeError):
    pass


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
    return (hasattr(os, "fork") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def _enter(main: Callable, index: int, channel) -> None:
    try:
        main(index, channel)
    except BaseException:  # reported to the parent, which fails the build
        channel.send(("error", traceback.format_exc()[-8000:]))
    finally:
        channel.close()


class Helper:
    def __init__(self, main: Callable, index: int):
        context = multiprocessing.get_context("fork")
        self.channel, theirs = context.Pipe()
        self.process = context.Process(target=_enter, args=(main, index, theirs), daemon=True,
                                       name=f"jobpages-helper-{index}")
        self.process.start()
        theirs.close()

    def send(self, message) -> None:
        self.channel.send(message)

    def ready(self) -> bool:
        """Whether a message (or the end of the pipe) is waiting: ``recv`` would not block."""
        return self.channel.poll()

    def recv(self):
        try:
            message = self.channel.recv()
        except EOFError:
            self.process.join()
            raise HelperFailed(
                f"{self.process.name} ended (exit code {self.process.exitcode})") from None
        if isinstance(message, tuple) and message and message[0] == "error":
            raise HelperFailed(f"{self.process.name} failed:\n{message[1]}")
        return message

    def close(self) -> None:
        self.channel.close()
        self.process.join(timeout=30)
        if self.process.is_alive():  # only after a failure elsewhere: do not leave it behind
            self.process.terminate()
            self.process.join()


def start_helpers(count: int, main: Callable) -> list[Helper]:
    """Fork ``count`` helpers running ``main(index, channel)`` (index 1…count)."""
    if count < 1:
        return []
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()
    return [Helper(main, index) for index in range(1, count + 1)]


def stop_helpers(helpers: list[Helper]) -> None:
    for helper in helpers:
        helper.close()
    if helpers:
        gc.unfreeze()
