"""Items that arrive together are handed to a blocking function together, in a worker thread.

A page's items reach a stage within a few turns of the event loop; the first one schedules a
flush at the end of the turn, and items that arrive while a batch is being written wait for the
next one, so a busy crawl writes many notices per transaction and a quiet one writes each at
once. The reactor never waits on the database: the work runs in a ``ThreadPoolExecutor`` of one
thread and its result comes back through ``asyncio.wrap_future``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor


class Batcher:
    def __init__(self, work: Callable[[list], list], max_size: int = 200, name: str = "batch"):
        self._work = work
        self._max_size = max_size
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending: list[tuple[object, asyncio.Future]] = []
        self._busy = False

    async def submit(self, entry):
        """The work's result for ``entry``."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        if not self._pending:
            loop.call_soon(self._flush)
        self._pending.append((entry, future))
        return await future

    def _flush(self) -> None:
        if self._busy or not self._pending:
            return
        batch, self._pending = self._pending[:self._max_size], self._pending[self._max_size:]
        self._busy = True
        done = asyncio.wrap_future(self._executor.submit(self._work, [entry for entry, _ in batch]))
        done.add_done_callback(lambda finished: self._hand_back(batch, finished))

    def _hand_back(self, batch, finished: asyncio.Future) -> None:
        self._busy = False
        error = finished.exception()
        results = [error] * len(batch) if error else finished.result()
        for (_, future), result in zip(batch, results, strict=True):
            if future.done():
                continue
            if error:
                future.set_exception(error)
            else:
                future.set_result(result)
        self._flush()

    def close(self) -> None:
        self._executor.shutdown(wait=True)
