"""Build a local mirror of official notice boards from the multi-organisation scrape.

    python -m crawlers.mirror_boards                       # the committed test mirror (36 boards)
    python -m crawlers.mirror_boards --out DIR --limit 0   # every organisation with postings

The scrape is read from ``shared/realpages/`` beside the repository (``JOBS_SHARED_DIR`` names
another ``shared`` folder).

Each board page holds one organisation's real postings (title, link, PDF link, date) from
``official__multi_org_scraped_notice_links.json`` inside a realistic layout: header, a menu with a
dropdown, a sidebar of tenders / RTI / "download our app", HTML comments holding old rows,
``javascript:`` share links and a footer of policies. Four layouts: ``ul`` list, table rows, div
cards, marquee. The output is deterministic (layouts and distractors are chosen by a hash of the
organisation key), and ``expected.json`` lists the notices each board really holds, so precision
and recall of a reader can be measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SOURCE_NAME = "realpages/official__multi_org_scraped_notice_links.json"
TEST_MIRROR = ROOT / "tests" / "crawlers" / "pages" / "notice_board"
CONFIG = ROOT / "crawlers" / "notice_boards.json"
LAYOUTS = ("list", "table", "cards", "marquee")
MAX_ROWS = 25

# Postings the scrape caught that are not recruitment notices (menu links, pensions, tenders,
# news): they go into the page's "News & Events" box, a distractor, not into the notice list.
_NOT_A_NOTICE = re.compile(
    r"^(view|see)\s+all|pension|dearness|tender|quotation|\brti\b|\bday\b|speech|ranked|"
    r"scholarship|directory|contact|banking|next\s*»|^https?://|social\s+media|inspection|"
    r"\bposting\s+of\b|information\s+officer", re.I)
# Hosts of the real captures other spiders replay; the mirror must not answer for them.
_CAPTURED_HOSTS = {"upsc.gov.in", "rrbcdg.gov.in", "upsssc.gov.in", "ssc.nic.in", "hssc.gov.in",
                   "tnpsc.gov.in", "appsc.gov.in", "apsc.nic.in", "mppsc.nic.in", "ossc.gov.in",
                   "opsc.gov.in", "indianairforce.nic.in", "joinindiannavy.gov.in",
                   "rrbonlinereg.com", "employmentnews.gov.in", "mpsc.gov.in", "tspsc.gov.in",
                   "sarkariresult.com", "sarkariexam.com", "rojgarresult.com",
                   "sarkarinaukridaily.in"}

MENU = ["Home", "About Us", "Recruitment", "Results", "Notifications", "Tenders", "RTI",
        "Photo Gallery", "Contact Us", "Login"]
SUBMENU = ["Organisation Chart", "Who's Who", "Recruitment Rules", "Annual Reports"]
TENDERS = [
    "Tender Notice for procurement of computer hardware and peripherals",
    "e-Tender for annual maintenance contract of air conditioners",
    "Quotation invited for printing of stationery items",
    "Expression of Interest (EOI) for empanelment of CA firms",
    "Notice Inviting Tender for housekeeping services",
    "Auction notice of condemned vehicles",
]
RTI = ["RTI Act 2005: Suo Motu Disclosure under Section 4(1)(b)",
       "List of Public Information Officers under RTI",
       "Pension Disbursement Schedule for retired employees"]
FOOTER = ["Website Policies", "Privacy Policy", "Hyperlink Policy", "Disclaimer",
          "Terms & Conditions", "Help", "Feedback", "Sitemap", "Screen Reader Access"]


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


def _host(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def split_postings(jobs: list[dict]) -> tuple[list[dict], list[dict]]:
    """One organisation's distinct postings: (notices, up to MAX_ROWS; other links)."""
    notices, others, seen = [], [], set()
    for job in jobs:
        # Titles the scraper made from file names keep their %20s; a page would show spaces.
        title = re.sub(r"\s+", " ", unquote(job.get("title") or "")).strip()
        link = job.get("link") or job.get("pdf_link")
        if not title or not link or title.casefold() in seen:
            continue
        seen.add(title.casefold())
        row = {"title": title, "date": job.get("date") or None, "link": link,
               "pdf_link": job.get("pdf_link") or None}
        notice = len(title.split()) >= 4 and not _NOT_A_NOTICE.search(title)
        (notices if notice else others).append(row)
    return notices[:MAX_ROWS], others[:8]


def select_boards(data: dict, limit: int) -> list[dict]:
    boards = []
    for key, org in data["orgs"].items():
        if not org.get("url") or _host(org["url"]) in _CAPTURED_HOSTS:
            continue
        notices, others = split_postings(org.get("jobs") or [])
        if notices:
            boards.append({"key": key, "name": org["name"], "url": org["url"],
                           "category": org.get("category"), "notices": notices,
                           "others": others})
    boards.sort(key=lambda b: (_hash(b["key"]), b["key"]))
    return boards[:limit] if limit else boards


def _date(notice: dict) -> str:
    return escape(notice["date"]) if notice["date"] else ""


def _pdf(notice: dict, seed: int) -> str:
    if not notice["pdf_link"]:
        return ""
    size = 80 + seed % 900
    return f' <a href="{escape(notice["pdf_link"])}" class="pdf">Download PDF ({size} KB)</a>'


def _share(i: int) -> str:
    return ' <a href="javascript:void(0)" onclick="share(this)">Share</a>' if i % 3 == 0 else ""


def _new(i: int) -> str:
    return ' <img src="/images/new.gif" alt="New">' if i < 2 else ""


def _rows(layout: str, notices: list[dict], seed: int) -> str:
    out = []
    for i, n in enumerate(notices):
        title = f'<a href="{escape(n["link"])}" target="_blank">{escape(n["title"])}</a>'
        pdf = _pdf(n, seed + i) if n["pdf_link"] != n["link"] else ""
        if layout == "list":
            date = f' <span class="date">({_date(n)})</span>' if n["date"] else ""
            out.append(f"<li>{title}{_new(i)}{date}{pdf}{_share(i)}</li>")
        elif layout == "table":
            out.append(f'<tr><td class="sno">{i + 1}</td><td class="subject">{title}{_new(i)}</td>'
                       f'<td class="date">{_date(n)}</td><td>{pdf or "-"}</td></tr>')
        elif layout == "cards":
            date = f'<p class="meta">Posted on: {_date(n)}</p>' if n["date"] else ""
            out.append(f'<div class="card"><h4>{title}</h4>{date}'
                       f'<div class="actions">{pdf}{_share(i)}</div></div>')
        else:
            date = f" - {_date(n)}" if n["date"] else ""
            out.append(f"{title}{date}{_new(i)}<br>")
    body = "\n".join(out)
    if layout == "list":
        return f'<ul class="notice-list">\n{body}\n</ul>'
    if layout == "table":
        return ('<table class="notices"><thead><tr><th>S.No.</th><th>Subject</th><th>Date</th>'
                f'<th>Download</th></tr></thead><tbody>\n{body}\n</tbody></table>')
    if layout == "cards":
        return f'<div class="notice-cards">\n{body}\n</div>'
    return f'<marquee direction="up" scrollamount="2" onmouseover="this.stop()">\n{body}\n</marquee>'


def _menu(host: str) -> str:
    items = []
    for item in MENU:
        href = "/" if item == "Home" else f"/{item.lower().replace(' ', '-')}.html"
        sub = ""
        if item == "About Us":
            sub = "<ul class=\"dropdown\">" + "".join(
                f'<li><a href="/{s.lower().replace(" ", "-")}.html">{s}</a></li>' for s in SUBMENU
            ) + "</ul>"
        items.append(f'<li><a href="{href}">{item}</a>{sub}</li>')
    return f'<nav class="main-menu" aria-label="{host}"><ul>{"".join(items)}</ul></nav>'


def _news(others: list[dict]) -> str:
    if not others:
        return ""
    rows = "".join(f'<li><a href="{escape(o["link"])}">{escape(o["title"])}</a></li>'
                   for o in others)
    return f'<div class="box news"><h3>News &amp; Events</h3><ul>{rows}</ul></div>'


def _sidebar(seed: int) -> str:
    tenders = [TENDERS[(seed + k) % len(TENDERS)] for k in range(3)]
    rows = "".join(
        f'<li><a href="/tenders/tender_{seed % 97}_{k}.pdf">{t}</a> '
        f'<span class="date">{(seed + k) % 27 + 1:02d}-0{k + 3}-2026</span></li>'
        for k, t in enumerate(tenders))
    rti = "".join(f'<li><a href="/rti/{k}.pdf">{t}</a></li>' for k, t in enumerate(RTI))
    return (f'<aside class="sidebar"><div class="box"><h3>Tenders</h3><ul>{rows}</ul>'
            '<a href="/tenders.html">View All Tenders</a></div>'
            f'<div class="box"><h3>RTI</h3><ul>{rti}</ul></div>'
            '<div class="box app"><a href="https://play.google.com/store/apps/details?id=in.gov.'
            f'board{seed % 1000}">Download our Mobile App from Google Play</a> '
            '<a href="https://wa.me/910000000000">Join us on WhatsApp</a></div>'
            '<div class="box"><a href="/gallery.html">Photo Gallery</a> '
            '<a href="/videos.html">Video Gallery</a></div></aside>')


def _comment(seed: int) -> str:
    year = 2008 + seed % 6
    return ("<!-- old notices, hidden by the webmaster\n"
            f'<li><a href="/old/advt_{year}.pdf">Recruitment of Lower Division Clerk, '
            f"Advertisement No. 01/{year}</a> ({year}-04-01)</li>\n"
            f'<li><a href="/old/result_{year}.pdf">Result of Written Examination for the post '
            f"of Stenographer {year}</a></li>\n-->")


def render_board(board: dict) -> tuple[str, str]:
    """The HTML of one board and its layout."""
    seed = _hash(board["key"])
    layout = LAYOUTS[seed % len(LAYOUTS)]
    name = escape(board["name"])
    host = escape(_host(board["url"]))
    heading = ["Latest Notices", "What's New", "Recruitment / Notifications", "Announcements"]
    footer = " | ".join(f'<a href="/{f.lower().replace(" ", "-").replace("&", "and")}.html">'
                        f"{escape(f)}</a>" for f in FOOTER)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{name} - Official Website</title>
<script>function share(a){{return false;}}</script>
<style>.notice-list li{{margin:4px 0}}</style></head>
<body>
<header class="site-header"><a href="#main" class="skip">Skip to main content</a>
<a href="/screen-reader.html">Screen Reader Access</a> <a href="javascript:void(0)">A+</a>
<a href="javascript:void(0)">A-</a> <a href="/hi/">हिन्दी</a>
<div class="logo"><a href="/"><img src="/images/emblem.png" alt="Emblem"> {name}</a></div>
</header>
{_menu(host)}
<div class="container"><div id="main" class="content">
<div class="box notices"><h2>{heading[seed % len(heading)]}</h2>
{_rows(layout, board["notices"], seed)}
{_comment(seed)}
<a href="/archive.html">View All</a> <a href="javascript:window.print()">Print this page</a>
</div></div>
{_news(board["others"])}
{_sidebar(seed)}
</div>
<footer class="footer"><div>{footer}</div>
<p>Content owned and maintained by {name}. Copyright &copy; 2026. All rights reserved.</p>
<p>Visitors: {seed % 900000 + 10000} | Last updated: 22-08-2026</p>
<a href="https://www.facebook.com/">Facebook</a> <a href="https://twitter.com/">Twitter</a>
</footer></body></html>
"""
    return html, layout


# The board read by explicit selectors in the configuration (the rest are read by scoring).
SELECTORS = {"table": {"rows": "table.notices tbody tr", "title": "td.subject a",
                       "date": "td.date", "link": "td.subject a"}}


def source_file() -> Path:
    """The multi-organisation scrape: in ``$JOBS_SHARED_DIR``, else in ``shared/`` beside the
    repository (a worktree's too: ``<project root>/../shared``)."""
    shared = Path(os.environ.get("JOBS_SHARED_DIR") or ROOT.parent / "shared")
    path = shared / SOURCE_NAME
    if not path.is_file():
        raise FileNotFoundError(f"the multi-organisation scrape is not at {path}: put shared/ beside "
                                "the repository or set JOBS_SHARED_DIR to the shared folder")
    return path


def build(out: Path, limit: int, config: Path | None) -> list[dict]:
    data = json.loads(source_file().read_text(encoding="utf-8"))
    boards = select_boards(data, limit)
    out.mkdir(parents=True, exist_ok=True)
    urls, expected, rows = {}, {}, []
    with_selectors = False
    for board in boards:
        html, layout = render_board(board)
        file = f"{board['key']}.html"
        (out / file).write_text(html, encoding="utf-8")
        urls[board["url"]] = {"file": file, "headers": {"Content-Type": "text/html; charset=utf-8"}}
        expected[board["url"]] = {"key": board["key"], "organisation": board["name"],
                                  "file": file, "layout": layout, "notices": board["notices"]}
        row = {"key": board["key"], "url": board["url"], "organisation": board["name"],
               "state": None, "category": board["category"]}
        if layout in SELECTORS and not with_selectors:
            row["selectors"] = SELECTORS[layout]
            with_selectors = True
        rows.append(row)
    manifest = {"capture_date": "2026-08-22",
                "captured_from": "generated by crawlers/mirror_boards.py from ../shared/realpages/"
                                 "official__multi_org_scraped_notice_links.json (real postings, "
                                 "reconstructed layouts)",
                "urls": urls}
    (out / "urls.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    (out / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    if config is not None:
        config.write_text(json.dumps({"boards": rows}, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    return boards


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TEST_MIRROR)
    parser.add_argument("--limit", type=int, default=36, help="number of boards; 0 = all")
    parser.add_argument("--config", type=Path, default=None,
                        help=f"also write the spider's board list (the test mirror: {CONFIG})")
    args = parser.parse_args(argv)
    try:
        boards = build(args.out, args.limit, args.config)
    except FileNotFoundError as exc:
        parser.exit(2, f"error: {exc}\n")
    print(f"{len(boards)} boards, {sum(len(b['notices']) for b in boards)} notices → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
