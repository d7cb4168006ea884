"""The source-health page for editors (HTML, no JavaScript) and its Markdown twin (for a
terminal or a Prefect artifact), rendered from a ``services.health`` report.

It is written where ``jobs health --html FILE`` says, not into the built site: it lists failing
URLs and quarantine counts, which are editors' business, and the site is public.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

BAR_W, BAR_GAP, HEIGHT = 6, 2, 28


def when(value) -> str:
    if not isinstance(value, dt.datetime):
        return "never"
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def percent(value) -> str:
    return "–" if value is None else f"{value:.0%}"


def bars(history: list[dict]) -> Markup:
    """Items per run as an inline SVG bar chart, a bar per run coloured by its status."""
    if not history:
        return Markup("<small>no runs yet</small>")
    top = max(r["items"] for r in history) or 1
    rects = []
    for i, run in enumerate(history):
        height = max(1, round(HEIGHT * run["items"] / top))
        title = f"{when(run['finished_at'])}: {run['items']} items, {run['status']}"
        rects.append(f'<rect class="{escape(run["status"])}" x="{i * (BAR_W + BAR_GAP)}" '
                     f'y="{HEIGHT - height}" width="{BAR_W}" height="{height}">'
                     f"<title>{escape(title)}</title></rect>")
    width = len(history) * (BAR_W + BAR_GAP)
    return Markup(f'<svg role="img" aria-label="items per run" width="{width}" height="{HEIGHT}" '
                  f'viewBox="0 0 {width} {HEIGHT}">{"".join(rects)}</svg>')


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters.update(when=when, percent=percent, bars=bars)
    return env


def health_html(report: dict) -> str:
    return _environment().get_template("health_page.html").render(report=report)


def health_markdown(report: dict, runs_shown: int = 10) -> str:
    """The same report as a Markdown table (what a Prefect markdown artifact shows)."""
    def cell(text) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = [f"# Source health: {report['status'].upper()}", "",
             f"Checked {when(report['checked_at'])}.", "",
             "| check | status | detail |", "|---|---|---|"]
    lines += [f"| {cell(c['name'])} | {c['status']} | {cell(c['detail'])} |"
              for c in report["checks"] if not c["name"].startswith("source ")]
    lines += ["", f"| source | status | last success | items, last {runs_shown} runs | error rate "
              "| quarantined | problem |", "|---|---|---|---|---|---|---|"]
    for s in report["sources"]:
        items = " ".join(str(n) for n in s["items_per_run"][-runs_shown:]) or "–"
        status = s["status"] + (" (zero items)" if s["zero_item_alarm"] else "")
        problem = s["detail"] if s["status"] != "ok" else ""
        lines.append(f"| {cell(s['source'])} | {status} | {when(s['last_success'])} | {items} | "
                     f"{percent(s['error_rate'])} | {s['quarantined']} | {cell(problem)} |")
    return "\n".join(lines) + "\n"
