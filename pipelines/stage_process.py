"""The item pipeline stages in a process of their own, beside the crawl.

Scrapy runs its spiders and item pipelines on one thread, so in one process every millisecond of
normalising and storing is a millisecond not spent crawling. ``StageProcessPipeline`` is the only
pipeline Scrapy sees: it hands each item to one forked stage process per crawl process, where
the ordinary stages (``pipelines.STAGES``: normalise, validate, dedupe, store, seo_text) run as
they would in Scrapy, one set per spider, and it answers with what they made of it. Their stats
are sent back and added to the spider's own, a dropped item is dropped with the stage's reason,
and a stage's error is raised here, so logs, stats, exports and crawl-run records are the same
as with the stages in the crawl process (``JOBS_PIPELINE_PROCESS=0``, e.g. to debug a stage).

The process is forked (not spawned) when the first spider opens, before the crawl starts: it
starts at once with every module already imported. Messages go in batches over a pipe, each
side with a sender thread, so neither the reactor nor the stages wait on the other; a page's
items wake the sending thread once, and a batch of answers wakes the reactor once. Should the
process die, every item it had not answered, and every later one, is kept in the spool with
the reason (``jobs spool replay`` stores them): nothing is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import inspect
import itertools
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import traceback
from concurrent.futures import Future

from scrapy.exceptions import DropItem
from scrapy.utils.misc import load_object

from pipelines.spool import spool_item
from pipelines.stage import item_dict

log = logging.getLogger(__name__)
_STOP = object()
BATCH = 64  # messages per pipe write
NICE = 10  # the stage process's priority below the crawl's


class StageError(RuntimeError):
    """A stage raised in the stage process; the message holds its traceback."""


class _Sender:
    """Sends messages over a connection in batches, from a thread of its own.

    What an event loop's thread puts during one turn of its loop (a page's items, a batch's
    answers) reaches the sending thread in one piece at the end of the turn: one wake-up of
    that thread, not one per message.
    """

    def __init__(self, conn, name: str):
        self.conn = conn
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self._pending: list = []
        self._pending_lock = threading.Lock()  # a put from another thread goes after them
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def put(self, message, now: bool = False) -> None:
        """Send ``message`` after the others; ``now``: hand it over at once, not at the end of
        the loop's turn."""
        try:
            loop = None if now else asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        with self._pending_lock:
            if loop is None:
                self._pending.append(message)
                self._hand_over()
                return
            if not self._pending:
                loop.call_soon(self._flush)
            self._pending.append(message)

    def _flush(self) -> None:
        with self._pending_lock:
            self._hand_over()

    def _hand_over(self) -> None:
        if self._pending:
            self.queue.put(self._pending)
            self._pending = []

    def close(self) -> None:
        self.put(_STOP, now=True)  # the caller then waits for the thread, maybe on the loop's thread
        self.thread.join()

    def _run(self) -> None:
        while True:
            batch = self.queue.get()
            while len(batch) < BATCH:
                try:
                    batch += self.queue.get_nowait()
                except queue.Empty:
                    break
            stop = _STOP in batch
            if stop:
                batch = [m for m in batch if m is not _STOP]
            if batch:
                try:
                    self.conn.send(batch)
                except (OSError, ValueError):  # the other side is gone; its reader notices
                    return
            if stop:
                return


class StatsRecorder:
    """Scrapy's stats interface in the stage process: records changes to send to the spider."""

    def __init__(self):
        self._lock = threading.Lock()
        self._values: dict = {}
        self._changes: list[tuple[str, str, object]] = []

    def inc_value(self, key, count=1, start=0):
        with self._lock:
            self._values[key] = self._values.get(key, start) + count
            self._changes.append(("inc", key, (count, start)))

    def set_value(self, key, value):
        with self._lock:
            self._values[key] = value
            self._changes.append(("set", key, value))

    def max_value(self, key, value):
        with self._lock:
            self._values[key] = max(self._values.get(key, value), value)
            self._changes.append(("max", key, value))

    def min_value(self, key, value):
        with self._lock:
            self._values[key] = min(self._values.get(key, value), value)
            self._changes.append(("min", key, value))

    def get_value(self, key, default=None):
        return self._values.get(key, default)

    def get_stats(self):
        return dict(self._values)

    def take(self) -> list:
        with self._lock:
            changes, self._changes = self._changes, []
        return changes


def apply_stats(stats, changes: list) -> None:
    for op, key, value in changes:
        if op == "inc":
            stats.inc_value(key, *value)
        elif op == "set":
            stats.set_value(key, value)
        elif op == "max":
            stats.max_value(key, value)
        else:
            stats.min_value(key, value)


class _Crawler:
    """What a stage's ``from_crawler`` reads, in the stage process."""

    def __init__(self, settings, stats):
        self.settings, self.stats = settings, stats


async def _maybe_await(value):
    return await value if inspect.isawaitable(value) else value


def _call(stage, item):
    try:
        return stage.process_item(item)
    except Exception as exc:  # noqa: BLE001
        return exc


class _Spider:
    """One spider's stages in the stage process."""

    def __init__(self, stage_paths: list[str], settings):
        from scrapy.settings import Settings

        self.stats = StatsRecorder()
        crawler = _Crawler(Settings(settings), self.stats)
        self.stages = []
        for path in stage_paths:
            cls = load_object(path)
            self.stages.append(cls.from_crawler(crawler) if hasattr(cls, "from_crawler") else cls())

    async def open(self):
        for stage in self.stages:
            if hasattr(stage, "open_spider"):
                await _maybe_await(stage.open_spider())

    async def process(self, items: list) -> list:
        """Every stage over the whole batch; per item its result or the exception that ended it.

        A stage with ``process_batch`` takes the batch at once (the store: one transaction);
        the others take item by item, an async ``process_item`` concurrently.
        """
        results: list = list(items)
        for stage in self.stages:
            live = [n for n, r in enumerate(results) if not isinstance(r, BaseException)]
            if not live:
                break
            if hasattr(stage, "process_batch"):
                try:
                    outs = await _maybe_await(stage.process_batch([results[n] for n in live]))
                except Exception as exc:  # noqa: BLE001 (every item of the batch gets the error)
                    outs = [exc] * len(live)
            elif inspect.iscoroutinefunction(stage.process_item):
                outs = await asyncio.gather(*(stage.process_item(results[n]) for n in live), return_exceptions=True)
            else:
                outs = [_call(stage, results[n]) for n in live]
            for n, out in zip(live, outs, strict=True):
                results[n] = out
        return results

    async def close(self):
        for stage in self.stages:
            if hasattr(stage, "close_spider"):
                await _maybe_await(stage.close_spider())


def _child_main(conn, parent_end) -> None:
    """The stage process: run the stages on every item received until told to stop."""
    parent_end.close()
    # What the crawl process had built is never garbage here: keep the collector off it.
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the crawl process handles Ctrl-C and closes us
    # The crawl is what waits on the network and the sites' patience; the stages catch up.
    os.nice(NICE)
    database = sys.modules.get("jobcore.database")
    if database is not None:  # engines made before the fork hold the crawl process's connections
        database.after_fork()
    asyncio.events._set_running_loop(None)  # forked from inside a running loop, maybe
    asyncio.run(_serve(conn))


async def _serve(conn) -> None:
    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue = asyncio.Queue()
    sender = _Sender(conn, "stages-send")

    def receive():
        while True:
            try:
                batch = conn.recv()
            except (EOFError, OSError):
                batch = [("stop",)]
            loop.call_soon_threadsafe(inbox.put_nowait, batch)
            if any(message[0] == "stop" for message in batch):
                return

    threading.Thread(target=receive, name="stages-recv", daemon=True).start()
    spiders: dict[int, _Spider] = {}
    running: dict[int, set[asyncio.Task]] = {}

    async def handle(spider_id, entries):
        spider = spiders[spider_id]
        results = await spider.process([item for _, item in entries])
        for (seq, item), done in zip(entries, results, strict=True):
            if isinstance(done, DropItem):
                answer = ("drop", str(done))
            elif isinstance(done, BaseException):  # raised again in the crawl process, with this traceback
                answer = ("error", "".join(traceback.format_exception(done)))
            elif isinstance(done, dict) and done.get("raw") == item:
                # The crawl process still holds the raw item: not sent back.
                answer = ("item+raw", {k: v for k, v in done.items() if k != "raw"})
            else:
                answer = ("item", done)
            sender.put(("done", spider_id, seq, *answer, spider.stats.take()))

    async def close(spider_id):
        tasks = running.pop(spider_id, set())
        if tasks:
            await asyncio.gather(*tasks)
        spider = spiders.pop(spider_id)
        error = None
        try:
            await spider.close()
        except Exception:  # noqa: BLE001
            error = traceback.format_exc()
        sender.put(("closed", spider_id, error, spider.stats.take()))

    closing: list[asyncio.Task] = []
    while True:
        messages = list(await inbox.get())
        while not inbox.empty():  # what arrived meanwhile joins this batch
            messages.extend(inbox.get_nowait())
        items: dict[int, list] = {}
        for message in messages:
            kind = message[0]
            if kind == "item":
                items.setdefault(message[1], []).append(message[2:])
                continue
            for spider_id, entries in items.items():  # items go before what follows them
                _start(running, spider_id, handle(spider_id, entries))
            items = {}
            if kind == "open":
                _, spider_id, stage_paths, settings = message
                error = None
                try:
                    spiders[spider_id] = _Spider(stage_paths, settings)
                    await spiders[spider_id].open()
                except Exception:  # noqa: BLE001
                    error = traceback.format_exc()
                sender.put(("opened", spider_id, error, spiders[spider_id].stats.take() if spider_id in spiders else []))
            elif kind == "close":
                closing.append(asyncio.ensure_future(close(message[1])))
            elif kind == "stop":
                await asyncio.gather(*closing)
                for spider_id in list(spiders):
                    await close(spider_id)
                sender.close()
                return
        for spider_id, entries in items.items():
            _start(running, spider_id, handle(spider_id, entries))
        await asyncio.sleep(0)  # let the batches run before taking more


def _start(running: dict, spider_id: int, work) -> None:
    task = asyncio.ensure_future(work)
    tasks = running.setdefault(spider_id, set())
    tasks.add(task)
    task.add_done_callback(tasks.discard)


class StageProcess:
    """The crawl process's end of the stage process: one per crawl process, shared by its spiders."""

    _shared: StageProcess | None = None
    _lock = threading.Lock()  # guards _shared

    def __init__(self):
        context = multiprocessing.get_context("fork")
        # What exists now lives as long as the process: out of the collector's reach, so that
        # collections in either process do not write to (and so copy) the pages they share.
        gc.freeze()
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_child_main, args=(child_end, self.conn),
                                       name="stages", daemon=True)
        self.process.start()
        child_end.close()
        self.users = 0
        self.dead: str | None = None
        self.stopping = False
        # What waits for an answer: (spider id, seq) for items, (kind, spider id) for the others.
        self._waiting: dict[tuple, tuple[Future | asyncio.Future, dict | None]] = {}
        self._waiting_lock = threading.Lock()
        self.sender = _Sender(self.conn, "stages-send")
        self.receiver = threading.Thread(target=self._receive, name="stages-recv", daemon=True)
        self.receiver.start()

    @classmethod
    def acquire(cls) -> StageProcess:
        with cls._lock:
            if cls._shared is None or cls._shared.dead:
                cls._shared = StageProcess()
            cls._shared.users += 1
            return cls._shared

    def release(self) -> None:
        with StageProcess._lock:
            self.users -= 1
            last = self.users == 0
            if last and StageProcess._shared is self:
                StageProcess._shared = None
        if last:
            self.stopping = True
            self.sender.put(("stop",))
            self.sender.close()
            self.process.join(timeout=60)
            if self.process.is_alive():
                self.process.kill()
            self.receiver.join(timeout=5)

    def _receive(self) -> None:
        while True:
            try:
                batch = self.conn.recv()
            except (EOFError, OSError):
                if not self.stopping:
                    self._died(f"the stage process exited (code {self.process.exitcode})")
                return
            answers = []
            for message in batch:
                kind, spider_id, *answer = message
                with self._waiting_lock:
                    key = (spider_id, answer[0]) if kind == "done" else (kind, spider_id)
                    future = self._waiting.pop(key)[0]
                answers.append((future, tuple(answer[1:]) if kind == "done" else tuple(answer)))
            _resolve(answers)

    def _died(self, reason: str) -> None:
        self.dead = reason
        log.error("%s; items not yet stored are kept in the spool", reason)
        with self._waiting_lock:
            waiting, self._waiting = self._waiting, {}
        _resolve([(future, ("lost", item, []) if item is not None else (reason, []))
                  for future, item in waiting.values()])

    def _send(self, key: tuple, message: tuple, item: dict | None = None,
              future: Future | asyncio.Future | None = None) -> Future | asyncio.Future:
        """Send ``message``; the future gets the answer (with the stats changes last)."""
        future = future if future is not None else Future()
        with self._waiting_lock:
            if not self.dead:
                self._waiting[key] = (future, item)
                self.sender.put(message)
                return future
        future.set_result(("lost", item, []) if item is not None else (self.dead, []))
        return future

    def open(self, spider_id: int, stage_paths: list[str], settings: dict) -> Future:
        """Future of the error (None: opened) and stats changes."""
        return self._send(("opened", spider_id), ("open", spider_id, stage_paths, settings))

    def close(self, spider_id: int) -> Future:
        """Future of the error (None: closed) and the stats changes left."""
        return self._send(("closed", spider_id), ("close", spider_id))

    def submit(self, spider_id: int, seq: int, item: dict) -> asyncio.Future:
        """Future (of the running loop: call it there) of (answer, payload, stats changes): item,
        drop, error or lost."""
        future = asyncio.get_running_loop().create_future()
        return self._send((spider_id, seq), ("item", spider_id, seq, item), item, future)


def _resolve(answers: list[tuple[Future | asyncio.Future, tuple]]) -> None:
    """Give each future its answer from this (receiving) thread. The crawl's item futures belong
    to its event loop: all of a batch are set in one call there, not one wake-up per item."""
    by_loop: dict = {}
    for future, answer in answers:
        if isinstance(future, asyncio.Future):
            by_loop.setdefault(future.get_loop(), []).append((future, answer))
        else:
            future.set_result(answer)
    for loop, pairs in by_loop.items():
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(_set_results, pairs)


def _set_results(pairs: list) -> None:
    for future, answer in pairs:
        if not future.done():
            future.set_result(answer)


_spider_ids = itertools.count(1)


class StageProcessPipeline:
    """The one pipeline Scrapy runs: the stages' work happens in the stage process."""

    def __init__(self, crawler, stages: dict[str, int] | None = None):
        from pipelines import STAGES

        self.crawler = crawler
        self.stats = crawler.stats
        self.stage_paths = [path for path, _ in sorted((stages or STAGES).items(), key=lambda kv: kv[1])]
        for path in self.stage_paths:  # imported here, so the forked process has them already
            load_object(path)
        self.spider_id = next(_spider_ids)
        self.seq = itertools.count()
        self.process = StageProcess.acquire()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def open_spider(self):
        # The stages read the project's own settings (JOBS_*); Scrapy's objects stay here.
        settings = {k: v for k, v in self.crawler.settings.items() if k.startswith("JOBS_") and _picklable(v)}
        error, changes = await asyncio.wrap_future(self.process.open(self.spider_id, self.stage_paths, settings))
        apply_stats(self.stats, changes)
        if error:
            raise StageError(f"the stages could not open: {error}")

    async def process_item(self, item):
        raw = item_dict(item)
        answer, payload, changes = await self.process.submit(self.spider_id, next(self.seq), raw)
        apply_stats(self.stats, changes)
        if answer == "item":
            return payload
        if answer == "item+raw":
            return {"raw": raw, **payload}
        if answer == "drop":
            raise DropItem(payload)
        if answer == "error":
            raise StageError(payload)
        reason = self.process.dead or "the stage process is gone"
        path = spool_item(str(raw.get("source") or "unknown"), raw, reason)
        self.stats.inc_value("jobs/error/stage_process")
        raise DropItem(f"{reason}; item kept in {path}")

    async def close_spider(self):
        try:
            error, changes = await asyncio.wrap_future(self.process.close(self.spider_id))
            apply_stats(self.stats, changes)
            if error:
                log.error("closing the stages failed: %s", error)
        finally:
            await asyncio.get_running_loop().run_in_executor(None, self.process.release)


def _picklable(value) -> bool:
    import pickle

    try:
        pickle.dumps(value)
    except Exception:  # noqa: BLE001
        return False
    return True

