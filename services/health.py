"""``jobs health``: is the pipeline well? A report of checks, each ok, warning or critical.

The facts are gathered once (database, crawl runs, quarantine, spool, the last publish) and
judged by a pure function, so the rules are tested without a database. The exit code follows
the monitoring-plugin convention (Nagios, Icinga, Sensu; and any non-zero is "unhealthy" to
Docker and Kubernetes probes): 0 ok, 1 warning, 2 critical.

- critical: the database cannot be reached, or the publish target cannot.
- warning: a source has not succeeded within the maximum age (or never has), its newest run
  failed or yielded nothing (the zero-item alarm), items wait in the spool, or the site has not
  been published within the maximum age.
- the quarantine is reported, never judged: rejected items are an editor's work, not an outage.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from core import config

OK, WARNING, CRITICAL = "ok", "warning", "critical"
EXIT_CODES = {OK: 0, WARNING: 1, CRITICAL: 2}
_RANK = {OK: 0, WARNING: 1, CRITICAL: 2}
HISTORY = 30  # runs per source on the health page
DB_CONNECT_TIMEOUT_S = 5


@dataclass
class Facts:
    """Everything the checks look at (gathered by ``gather_facts``, or made up in a test)."""

    sources: dict[str, dict]  # spider name → metadata (organisation, kind, start_url, may_be_empty)
    database_error: str | None = None
    runs: dict[str, list[dict]] = field(default_factory=dict)  # source → recent runs, oldest first
    last_success: dict[str, dt.datetime] = field(default_factory=dict)
    quarantined: dict[str, int] = field(default_factory=dict)  # unreleased items by source
    spooled: dict[str, int] = field(default_factory=dict)  # waiting items by source
    publish: dict = field(default_factory=dict)  # {"at", "target", "release"} or {"error"}


def _hours(since: dt.datetime | None, now: dt.datetime) -> float | None:
    return None if since is None else round((now - since).total_seconds() / 3600, 1)


def _ago(hours: float | None) -> str:
    if hours is None:
        return "never"
    if hours < 1:
        return "within the hour"
    return f"{hours:.0f} h ago" if hours < 48 else f"{hours / 24:.0f} days ago"


def source_health(name: str, meta: dict, runs: list[dict], last_success: dt.datetime | None,
                  quarantined: int, now: dt.datetime, max_age_hours: float) -> dict:
    """One source's health: the editor's view (history, error rate) and the monitor's verdict."""
    newest = runs[-1] if runs else None
    age = _hours(last_success, now)
    zero_items = newest is not None and not newest["items"] and not meta.get("may_be_empty")
    status, detail = OK, f"last success {_ago(age)}"
    if newest is None:
        status, detail = WARNING, "never crawled"
    elif newest["status"] == "failed":
        reason = next((p["reason"] for p in newest.get("problems") or [] if p.get("reason")),
                      "failed")
        status, detail = WARNING, f"newest run failed: {reason}; last success {_ago(age)}"
    elif zero_items:
        status, detail = WARNING, f"zero items in the newest run; last success {_ago(age)}"
    elif age is None or age > max_age_hours:
        status = WARNING
    failed = sum(1 for r in runs if r["status"] == "failed" or r["errors"])
    return {
        "source": name,
        "organisation": meta.get("organisation") or name,
        "kind": meta.get("kind"),
        "start_url": meta.get("start_url"),
        "status": status,
        "detail": detail,
        "last_run_at": newest["finished_at"] if newest else None,
        "last_run_status": newest["status"] if newest else None,
        "last_success": last_success,
        "hours_since_success": age,
        "items_per_run": [r["items"] for r in runs],
        "history": [{"finished_at": r["finished_at"], "status": r["status"], "items": r["items"],
                     "errors": r["errors"]} for r in runs],
        "error_rate": round(failed / len(runs), 3) if runs else None,
        "zero_item_alarm": zero_items,
        "quarantined": quarantined,
        "problems": (newest.get("problems") or []) if newest else [],
    }


def judge(facts: Facts, now: dt.datetime, max_age_hours: float) -> dict:
    """The health report of ``facts`` (a pure function)."""
    checks: list[dict] = []
    if facts.database_error:
        checks.append({"name": "database", "status": CRITICAL,
                       "detail": f"unreachable: {facts.database_error}"})
    else:
        checks.append({"name": "database", "status": OK, "detail": "reachable"})
    sources = [source_health(name, meta, facts.runs.get(name, []), facts.last_success.get(name),
                             facts.quarantined.get(name, 0), now, max_age_hours)
               for name, meta in sorted(facts.sources.items())]
    if not facts.database_error:
        checks += [{"name": f"source {s['source']}", "status": s["status"], "detail": s["detail"]}
                   for s in sources]
        waiting = sum(facts.quarantined.values())
        checks.append({"name": "quarantine", "status": OK,
                       "detail": f"{waiting} item(s) waiting for an editor"})
    spooled = sum(facts.spooled.values())
    checks.append({"name": "spool", "status": WARNING if spooled else OK,
                   "detail": f"{spooled} item(s) waiting; run `jobs spool replay`" if spooled
                   else "empty"})
    checks.append(_publish_check(facts.publish, now, max_age_hours))
    status = max((c["status"] for c in checks), key=_RANK.__getitem__)
    return {"status": status, "exit_code": EXIT_CODES[status], "checked_at": now,
            "max_age_hours": max_age_hours, "checks": checks, "sources": sources,
            "quarantined": facts.quarantined, "spooled": facts.spooled, "publish": facts.publish}


def _publish_check(publish: dict, now: dt.datetime, max_age_hours: float) -> dict:
    if publish.get("error"):
        return {"name": "publish", "status": CRITICAL, "detail": publish["error"]}
    age = _hours(publish.get("at"), now)
    if age is None:
        return {"name": "publish", "status": WARNING, "detail": "never published"}
    where = f"{publish.get('target')}" + (f" (release {publish['release']})"
                                          if publish.get("release") else "")
    return {"name": "publish", "status": WARNING if age > max_age_hours else OK,
            "detail": f"last published {_ago(age)} to {where}"}


# --- gathering the facts (I/O) ----------------------------------------------------------------

def spider_catalogue() -> dict[str, dict]:
    """Every spider the project has, with the metadata the health page shows."""
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
    loader = SpiderLoader.from_settings(get_project_settings())
    catalogue = {}
    for name in loader.list():
        spider = loader.load(name)
        catalogue[name] = {"organisation": getattr(spider, "organisation", "") or name,
                           "kind": getattr(spider, "source_kind", None),
                           "start_url": (getattr(spider, "start_urls", None) or [None])[0],
                           "may_be_empty": getattr(spider, "may_be_empty", False)}
    return catalogue


def _database_facts(facts: Facts) -> None:
    from sqlalchemy import create_engine, func, select, text
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from core.storage.database import database_url
    from core.storage.tables import Quarantine
    from services.run_history import last_successes, recent_runs

    engine = None
    try:
        engine = create_engine(database_url(), poolclass=NullPool,
                               connect_args={"connect_timeout": DB_CONNECT_TIMEOUT_S})
        with Session(engine) as session:
            session.execute(text("SELECT 1"))
            facts.runs = recent_runs(session, HISTORY)
            facts.last_success = last_successes(session)
            facts.quarantined = dict(session.execute(
                select(Quarantine.source, func.count()).where(Quarantine.released_at.is_(None))
                .group_by(Quarantine.source)).all())
    except Exception as exc:  # any failure to reach or read the database is the finding
        facts.database_error = _one_line(exc)
    finally:
        if engine is not None:
            engine.dispose()


def _one_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return f"{exc.__class__.__name__}: {lines[0]}" if lines else exc.__class__.__name__


def _spool_facts() -> dict[str, int]:
    from core.storage.spool import read_spool, spool_files

    counts: dict[str, int] = {}
    for path in spool_files():
        counts[path.stem] = counts.get(path.stem, 0) + sum(1 for _ in read_spool(path))
    return {source: n for source, n in counts.items() if n}


def _publish_facts() -> dict:
    from services.publish import last_publish

    try:
        return last_publish()
    except Exception as exc:  # an unreachable bucket, a broken link: the finding itself
        return {"error": f"publish target unreachable: {_one_line(exc)}"}


def gather_facts(sources: dict[str, dict] | None = None) -> Facts:
    facts = Facts(sources=spider_catalogue() if sources is None else sources)
    _database_facts(facts)
    facts.spooled = _spool_facts()
    facts.publish = _publish_facts()
    return facts


def check_health(max_age_hours: float | None = None, now: dt.datetime | None = None,
                 sources: dict[str, dict] | None = None) -> dict:
    """Gather the facts and judge them: the report ``jobs health`` prints."""
    facts = gather_facts(sources)
    return judge(facts, now or dt.datetime.now(dt.UTC),
                 config.health_max_age_hours() if max_age_hours is None else max_age_hours)


def report_json(report: dict) -> str:
    return json.dumps(report, default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v),
                      indent=2, ensure_ascii=False)


def write_text(path: Path, text: str) -> Path:
    """Write atomically, so a web server or an editor never reads half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
