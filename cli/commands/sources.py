"""``jobs sources``: every source (spider) with its health: last success, newest run's items,
error rate over its recent runs, items waiting in quarantine."""

from __future__ import annotations


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("sources", help="list the sources with their health")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def run(args) -> int:
    from rich.table import Table

    from cli.output import console
    from services.health import check_health, report_json
    from services.health_page import percent, when

    report = check_health()
    if args.json:
        print(report_json(report["sources"]))
        return 0
    table = Table(title=f"{len(report['sources'])} sources")
    for column in ("source", "organisation", "kind", "health", "last success", "items",
                   "error rate", "quarantined"):
        table.add_column(column, justify="right" if column in ("items", "error rate",
                                                                 "quarantined") else "left")
    colours = {"ok": "green", "warning": "yellow", "critical": "red"}
    for s in report["sources"]:
        table.add_row(s["source"], s["organisation"], s["kind"] or "",
                      f"[{colours[s['status']]}]{s['status']}[/]"
                      + (" (zero items)" if s["zero_item_alarm"] else ""),
                      when(s["last_success"]),
                      str(s["items_per_run"][-1]) if s["items_per_run"] else "–",
                      percent(s["error_rate"]), str(s["quarantined"]))
    console().print(table)
    database = report["checks"][0]
    if database["status"] != "ok":
        console().print(f"[red]database {database['detail']}[/red]")
        return 2
    return 0
