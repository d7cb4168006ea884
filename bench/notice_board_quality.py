"""Precision and recall of the notice-board spider's selector-less mode (link scoring).

    .venv/bin/python bench/notice_board_quality.py                  # committed mirror + real boards
    .venv/bin/python bench/notice_board_quality.py --mirror DIR     # a large mirror built by
                                                                    # crawlers/mirror_boards.py

Mirror boards: the expected notices are the postings the mirror builder put on each board.
Real boards: the expected notices are the hand labels in
``tests/crawlers/pages/notice_board/labels/*.json``. A found row matches an expected title when
their normalised texts are equal, one contains the other, or they are ≥ 90 % similar; matching is
one-to-one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz
from scrapy.http import HtmlResponse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawlers.engines.link_scoring import board_notices  # noqa: E402

PAGES = ROOT / "tests" / "crawlers" / "pages" / "notice_board"


def normalise(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))


def same(found: str, expected: str) -> bool:
    a, b = normalise(found), normalise(expected)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 12 and (a in b or b in a)):
        return True
    return fuzz.ratio(a, b) >= 90


def score(found: list[str], expected: list[str]) -> dict:
    """True positives (one-to-one), and the counts precision and recall are made of."""
    unmatched = list(expected)
    hits = 0
    for title in found:
        match = next((e for e in unmatched if same(title, e)), None)
        if match is not None:
            unmatched.remove(match)
            hits += 1
    return {"found": len(found), "expected": len(expected), "hits": hits,
            "missed": unmatched}


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def found_titles(path: Path, url: str) -> list[str]:
    response = HtmlResponse(url=url, body=path.read_bytes())
    return [n.title for n in board_notices(response.selector.root, response.url)]


def mirror_results(folder: Path) -> dict[str, dict]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return {entry["key"]: score(found_titles(folder / entry["file"], url),
                                [n["title"] for n in entry["notices"]])
            for url, entry in expected.items()}


def real_results(labels: Path = PAGES / "labels") -> dict[str, dict]:
    results = {}
    for path in sorted(labels.glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        page = PAGES / "real" / label["file"]
        results[path.stem] = score(found_titles(page, label["url"]), label["notices"])
    return results


def totals(results: dict[str, dict]) -> dict:
    hits = sum(r["hits"] for r in results.values())
    found = sum(r["found"] for r in results.values())
    expected = sum(r["expected"] for r in results.values())
    return {"precision": ratio(hits, found), "recall": ratio(hits, expected),
            "hits": hits, "found": found, "expected": expected}


def report(name: str, results: dict[str, dict], verbose: bool) -> None:
    print(f"\n{name}: {len(results)} boards")
    print(f"  {'board':32} {'found':>5} {'expect':>6} {'hits':>4} {'prec':>5} {'recall':>6}")
    for board, r in results.items():
        print(f"  {board:32} {r['found']:5} {r['expected']:6} {r['hits']:4} "
              f"{ratio(r['hits'], r['found']):5.2f} {ratio(r['hits'], r['expected']):6.2f}")
        if verbose:
            for title in r["missed"]:
                print(f"      missed: {title[:100]}")
    t = totals(results)
    print(f"  {'TOTAL':32} {t['found']:5} {t['expected']:6} {t['hits']:4} "
          f"{t['precision']:5.2f} {t['recall']:6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=PAGES)
    parser.add_argument("--verbose", action="store_true", help="list the missed notices")
    args = parser.parse_args(argv)
    report(f"mirror ({args.mirror})", mirror_results(args.mirror), args.verbose)
    report("real official boards (hand labels)", real_results(), args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
