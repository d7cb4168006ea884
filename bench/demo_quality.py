"""What the demo's job pages show, against the issue's counts: non-job notices, unofficial links,
link-text and file-name titles, wrong employers, wrong grouping.

    make demo && .venv/bin/python bench/demo_quality.py                 # var/snapshot.json
    .venv/bin/python bench/demo_quality.py path/to/snapshot.json        # any snapshot

Every job in the snapshot is a job page. A page's notices (its events) are looked up in the hand
labels of the captured boards (``tests/core/domain/labels/notice_kinds.json``) by source and URL,
else by source and title; links are judged with the official-domain registry
(``core.domain.official_domains``). Exit status 1 when a target (0 for each count) is missed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.domain.employer import credit_employer  # noqa: E402
from core.domain.kinds import is_all_caps  # noqa: E402
from core.domain.official_domains import judge_url  # noqa: E402
from core.domain.titles import is_link_text, looks_like_file_name, proper_case  # noqa: E402

LABELS = ROOT / "tests" / "core" / "domain" / "labels" / "notice_kinds.json"
LINK_FIELDS = ("application_link", "notification_pdf", "official_website")


def _norm(title: str) -> str:
    return re.sub(r"[^a-z0-9ऀ-ॿ]+", "", title.casefold())


class Labels:
    """The hand label of a page's notice, by source and URL when that is unique, else by title."""

    def __init__(self, rows: list[dict]):
        self.by_url: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.by_title: dict[tuple[str, str], dict] = {}
        for row in rows:
            if row.get("url"):
                self.by_url[(row["source"], row["url"])].append(row)
            self.by_title[(row["source"], _norm(row["title"]))] = row

    def of(self, event: dict) -> dict | None:
        for url in (event.get("source_url"), event.get("link")):
            found = self.by_url.get((event["source"], url or ""), [])
            if len(found) == 1:
                return found[0]
        return self.by_title.get((event["source"], _norm(event["title"])))


def parties(facts: dict) -> tuple[tuple[str | None, ...], ...]:
    board = re.sub(r"^Conducted by\s+", "", facts.get("department") or "") or None
    return ((facts.get("organisation"), facts.get("organisation_short")), (board,))


def measure(snapshot: dict, labels: Labels) -> dict:
    jobs = snapshot["jobs"]
    report: dict = {"job_pages": len(jobs), "unlabelled_notices": 0}
    non_job_pages, pages_with_non_job_notices, bad_links, lookalike_links = [], [], [], []
    link_text, file_names, capitals, wrong_employer = [], [], [], []
    shown, unofficial = dict.fromkeys(LINK_FIELDS, 0), dict.fromkeys(LINK_FIELDS, 0)
    unlabelled: list[str] = []
    for job in jobs:
        facts = job["facts"]
        found = [labels.of(e) for e in job["events"]]
        report["unlabelled_notices"] += sum(f is None for f in found)
        unlabelled += [f"{e['source']}: {e['title'][:80]}" for e, f in zip(job["events"], found, strict=True) if f is None]
        kinds = [f["kind"] for f in found if f]
        if kinds and all(k == "not_job" for k in kinds):
            non_job_pages.append(facts["title"])
        elif "not_job" in kinds:
            pages_with_non_job_notices.append(facts["title"])
        for field in LINK_FIELDS:
            url = facts.get(field)
            if url:
                shown[field] += 1
                judged = judge_url(url, parties(facts), facts.get("source_url"), facts.get("source_kind", "official"))
                if not judged.official:
                    unofficial[field] += 1
                    bad_links.append(f"{field}: {judged.reason} ({facts['title'][:60]})")
        for link in facts.get("links") or []:
            judged = judge_url(link["url"], parties(facts))
            if judged.verdict == "lookalike":
                lookalike_links.append(f"{link['label'][:40]}: {judged.reason}")
            elif link["kind"] in ("apply_online", "notification_pdf", "official_website") and not judged.official:
                bad_links.append(f"link {link['kind']}: {judged.reason} ({facts['title'][:60]})")
        title = facts["title"]
        first_link = facts.get("notification_pdf") or next((lk["url"] for lk in facts.get("links") or []), None)
        if is_link_text(title):
            link_text.append(title)
        if looks_like_file_name(title, first_link):
            file_names.append(title)
        if is_all_caps(title) and proper_case(title) != title:  # capitals that are not all acronyms
            capitals.append(title)
        if facts.get("organisation_short") == "IBPS" and (named := credit_employer(
                facts["organisation"], "IBPS", title)) and named.short != "IBPS":
            wrong_employer.append(f"{title[:70]} → {named.short}")
    report.update({
        "non_job_pages": non_job_pages,
        "pages_with_non_job_notices": pages_with_non_job_notices,
        "unofficial_apply_or_notification_links": bad_links,
        "look_alike_links_shown": lookalike_links,
        "link_text_titles": link_text,
        "file_name_titles": file_names,
        "titles_in_capitals": capitals,
        "employer_not_credited": wrong_employer,
        "grouping": grouping(jobs),
        "link_fields": {f: (unofficial[f], shown[f]) for f in LINK_FIELDS},
        "unlabelled": unlabelled,
    })
    return report


# The named cases: each recruitment one page, and two recruitments never one page.
ONE_PAGE = {
    "RRB ALP 2018 (CEN 01/2018)": re.compile(r"\b(ALP|Assistant Loco Pilot)\b.*\b2018\b|CEN-?\s?0?1/2018", re.I),
    "RRB Group D 2018 (CEN 02/2018)": re.compile(r"Group[- ]?D\b.*2018|CEN-?\s?(No\.?)?0?2/2018|Level[- ]?1 (of|Posts)", re.I),
}
NEVER_TOGETHER = {
    "UPSC Junior Works Manager: Mechanical 153 / Metallurgical 9": ("Junior Works Manager (Mechanical)",
                                                                   "Junior Works Manager (Metallurgical)"),
    "UPSC Public Prosecutors 47 / Assistant Public Prosecutors 15": ("47 Posts of Public Prosecutors",
                                                                      "Assistant Public Prosecutors"),
    "DST Scientist D / Scientist G": ("Scientist 'D'", "Scientist G"),
    "DST 4 / 13 Scientists": ("04 posts of Scientists", "13 posts of Scientists"),
}


def grouping(jobs: list[dict]) -> dict:
    rrb = [j for j in jobs if j["facts"].get("organisation_short") == "RRB" and j["facts"].get("exam_year") in (2018, None)]
    found = {}
    for name, pattern in ONE_PAGE.items():
        pages = [j for j in rrb if any(pattern.search(e["title"]) and "89409" not in e["title"]
                                       for e in j["events"])]
        found[f"pages for {name} (target 1)"] = len(pages)
    for name, (a, b) in NEVER_TOGETHER.items():
        together = [j for j in jobs if any(a.lower() in e["title"].lower() for e in j["events"])
                    and any(b.lower() in e["title"].lower() for e in j["events"])]
        found[f"pages merging {name} (target 0)"] = len(together)
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snapshot", nargs="?", default=str(ROOT / "var" / "snapshot.json"))
    parser.add_argument("--list", action="store_true", help="list every page counted")
    args = parser.parse_args(argv)
    snapshot = json.loads(Path(args.snapshot).read_text(encoding="utf-8"))
    report = measure(snapshot, Labels(json.loads(LABELS.read_text(encoding="utf-8"))))
    print(f"{report['job_pages']} job pages in {args.snapshot} "
          f"({report['unlabelled_notices']} of their notices have no hand label)")
    if args.list:
        for notice in report["unlabelled"]:
            print(f"      no label: {notice}")
    missed = False
    for key in ("non_job_pages", "pages_with_non_job_notices", "unofficial_apply_or_notification_links",
                "look_alike_links_shown", "link_text_titles", "file_name_titles", "titles_in_capitals",
                "employer_not_credited"):
        values = report[key]
        missed |= bool(values)
        print(f"  {key.replace('_', ' '):42s} {len(values):4d}   (target 0)")
        if args.list:
            for value in values:
                print(f"      {value}")
    for field, (bad, shown) in report["link_fields"].items():
        print(f"      {field:24s} on {shown:4d} pages, not official on {bad:4d}")
    for key, value in report["grouping"].items():
        missed |= value != (1 if "target 1" in key else 0)
        print(f"  {key:70s} {value}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
