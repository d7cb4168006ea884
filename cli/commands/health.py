"""``jobs health``: database, sources, spool, quarantine and last publish, with a monitor's exit
code (0 ok, 1 warning, 2 critical), and the source-health page for editors (``--html FILE``)."""

from __future__ import annotations

import sys
from pathlib import Path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "health", help="check the pipeline's health; exit 0 ok, 1 warning, 2 critical")
    parser.add_argument("--format", choices=("table", "json", "markdown"), default="table",
                        help="how to print the report (default: a table)")
    parser.add_argument("--html", metavar="FILE",
                        help="also write the source-health page for editors to FILE")
    parser.add_argument("--max-age", type=float, metavar="HOURS",
                        help="a source or publish older than this is stale "
                             "(default JOBS_HEALTH_MAX_AGE_HOURS, 26)")
    parser.add_argument("--alert", action="store_true",
                        help="post the report to JOBS_ALERT_WEBHOOK when it is not ok")
    parser.set_defaults(func=run)


def run(args) -> int:
    from rich.table import Table

    from cli.output import console
    from core import config
    from services.alerts import health_alert, post_alert
    from services.health import check_health, report_json, write_text
    from services.health_page import health_html, health_markdown

    report = check_health(max_age_hours=args.max_age)
    if args.html:
        write_text(Path(args.html), health_html(report))
    if args.format == "json":
        print(report_json(report))
    elif args.format == "markdown":
        print(health_markdown(report), end="")
    else:
        table = Table(title=f"Health: {report['status'].upper()}")
        for column in ("check", "status", "detail"):
            table.add_column(column)
        colours = {"ok": "green", "warning": "yellow", "critical": "red"}
        for check in report["checks"]:
            table.add_row(check["name"], f"[{colours[check['status']]}]{check['status']}[/]",
                          check["detail"])
        console().print(table)
    if args.alert and (payload := health_alert(report)):
        if not config.alert_webhook():
            print("jobs health: --alert needs JOBS_ALERT_WEBHOOK", file=sys.stderr)
        else:
            post_alert(payload, config.alert_webhook())
    return report["exit_code"]
