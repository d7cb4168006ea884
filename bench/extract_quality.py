"""Field accuracy of ``jobs extract`` on the hand-labelled official notices, rule-based.

    python bench/extract_quality.py [--split tune|holdout|all] [--target 0.9] [--misses]

Runs the command's own function (``cli.commands.extract``: document reader → ``normalise``) on
every notice of ``tests/core/domain/extract/notices/labels.json`` and compares each labelled fact
with what came out. A fact is one scalar field (``apply_last``, ``age_max``, ``advt_no``…), one
fee category (``fee_sc_st``), one post, one qualification level or one selection step. It is
right when the values are equal after normalisation:

- ``advt_no``: the number without its words (``CEN No.02/2018`` = ``CEN 02/2018`` = ``02/2018``);
- ``pay``: the same pay levels, pay bands and rupee amounts (``Level-6 (Rs.35400-112400)``);
- a post: the same name ignoring case, spaces and punctuation (a plural ``s`` and a 90 % fuzzy
  match allowed), and the same count where the label gives one;
- a selection step: the same kind of step (written test, interview, document verification…);
- an apply link: the same address without scheme, ``www.`` and trailing slash.

A fact that comes out but is not labelled counts against precision (nothing may be invented);
a labelled fact that does not come out counts against recall. Evidence: every fact that comes
out must quote words found on the page it cites; and the share of right facts that cite the
label's page is reported (a notice may state a fact on several pages).

Exits non-zero when precision or recall over all notices is below ``--target``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cli.commands.extract import placeholder_url, raws_of, row_of  # noqa: E402

NOTICES = ROOT / "tests" / "core" / "domain" / "extract" / "notices"
SCALARS = ("advt_no", "notice_date", "apply_start", "apply_last", "fee_last", "correction_start",
           "correction_end", "exam_date", "total_posts", "age_min", "age_max", "age_as_on", "dob_from",
           "dob_to", "pay", "salary_min", "salary_max", "application_link")
FEES = ("general", "obc", "ews", "sc_st", "female", "pwd")
LISTS = ("qualification", "selection_process")
STEPS = [
    ("written test", re.compile(r"written|computer\s+based|\bcbt\b|paper|walk[\s-]*in[\s-]*test|objective", re.I)),
    ("interview", re.compile(r"interview|viva", re.I)),
    ("document verification", re.compile(r"document", re.I)),
    ("merit list", re.compile(r"merit|marks", re.I)),
    ("cv shortlisting", re.compile(r"\bcv\b|curriculum|resume", re.I)),
    ("skill test", re.compile(r"skill|typing|trade\s+test", re.I)),
    ("physical test", re.compile(r"physical|\bpet\b|\bpst\b", re.I)),
    ("medical examination", re.compile(r"medical", re.I)),
]


def advt_key(value: str) -> str:
    text = re.sub(r"\(.*?\)\s*$", "", str(value).upper())
    text = re.sub(r"\b(CENTRALI[SZ]ED\s+EMPLOYMENT\s+NOTICE|CEN|NO|NUMBER|ADVT|ADVERTISEMENT|NOTICE|CATEGORY)\b\.?", " ", text)
    return re.sub(r"[\s.:]+", "", text).strip("/-")


def pay_key(value: str) -> frozenset:
    text = str(value)
    tokens = {f"L{n}" for n in re.findall(r"level\s*[-:]?\s*(\d{1,2})\b", text, re.I)}
    tokens |= {f"PB{n}" for n in re.findall(r"(?:\bPB|pay\s*band)\s*[-:]?\s*(\d)\b", text, re.I)}
    for number in re.findall(r"\d{1,3}(?:\s?,\s?\d{2,3})+|\d{4,7}", text):
        amount = int(re.sub(r"[\s,]", "", number))
        if amount >= 1000:
            tokens.add(str(amount))
    return frozenset(tokens) or frozenset([re.sub(r"\W", "", text).lower()])


def link_key(value: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", str(value).strip().lower()).rstrip("/.")


def step_key(value: str) -> str:
    return next((name for name, pattern in STEPS if pattern.search(value)), value.strip().lower())


def name_key(value: str) -> str:
    return re.sub(r"[\W_]", "", str(value).replace("&", "and")).lower()


def same_post(label_name: str, output_name: str) -> bool:
    a, b = name_key(label_name), name_key(output_name)
    return a == b or a.rstrip("s") == b.rstrip("s") or fuzz.ratio(a, b) >= 90


def scalar_key(name: str, value):
    if value is None:
        return None
    if name == "advt_no":
        return advt_key(value)
    if name == "pay":
        return pay_key(value)
    if name == "application_link":
        return link_key(value)
    if name in ("age_min", "age_max"):
        return float(value)
    return value


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class NoticeScore:
    id: str
    split: str
    fields: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)
    right: list[tuple[str, str]] = field(default_factory=list)  # (output field, label evidence key)
    seconds: float = 0.0


def score(label: dict, row: dict) -> NoticeScore:
    result = NoticeScore(label["id"], label["split"])
    facts = label["facts"]

    def compare(field_name: str, expected, got, evidence_key: str):
        tally = result.fields[field_name]
        if expected is None and got is None:
            return
        if expected is not None and got == expected:
            tally.tp += 1
            result.right.append((field_name, evidence_key))
            return
        if got is not None:
            tally.fp += 1
        if expected is not None:
            tally.fn += 1
        result.misses.append(f"{label['id']}: {field_name} labelled {expected!r}, got {got!r}")

    for name in SCALARS:
        compare(name, scalar_key(name, facts.get(name)), scalar_key(name, row.get(name)), name)
    for category in FEES:
        compare(f"fee_{category}", (facts.get("fees") or {}).get(category), row.get(f"fee_{category}"), "fees")
    for name in LISTS:
        keys = step_key if name == "selection_process" else str
        expected, got = {keys(v) for v in facts.get(name) or []}, {keys(v) for v in row.get(name) or []}
        for value in expected | got:
            compare(name, value if value in expected else None, value if value in got else None, name)
    _score_posts(result, facts.get("posts") or [], row.get("posts") or [])
    return result


def _score_posts(result: NoticeScore, expected: list[dict], got: list[dict]) -> None:
    tally = result.fields["posts"]
    unmatched = list(got)
    for post in expected:
        match = next((g for g in unmatched if same_post(post["name"], g["name"])), None)
        if match is None:
            tally.fn += 1
            result.misses.append(f"{result.id}: post {post['name']!r} not found")
            continue
        unmatched.remove(match)
        if post.get("count") is not None and post["count"] != match.get("count"):
            tally.fp += 1
            tally.fn += 1
            result.misses.append(f"{result.id}: post {post['name']!r} count {post['count']}, got {match.get('count')}")
        else:
            tally.tp += 1
            result.right.append(("posts", "posts"))
    for post in unmatched:
        tally.fp += 1
        result.misses.append(f"{result.id}: post {post['name']!r} is not labelled")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def evidence_checks(label: dict, row: dict, pages: list[str], right: list[tuple[str, str]]):
    """(quotes found on their page, facts with evidence, right facts on the label's page, right facts)."""
    cited = found = 0
    for evidence in (row.get("evidence") or {}).values():
        cited += 1
        page = evidence.get("page")
        text = pages[page - 1] if page and 0 < page <= len(pages) else ""
        found += _squash(evidence.get("quote")) in _squash(text)
    same_page = sum(1 for name, key in right
                    if (row.get("evidence") or {}).get(name, {}).get("page") == label["evidence"].get(key, {}).get("page"))
    return found, cited, same_page, len(right)


def run(splits: tuple[str, ...]) -> tuple[list[NoticeScore], list[tuple[int, int, int, int]]]:
    labels = json.loads((NOTICES / "labels.json").read_text(encoding="utf-8"))
    scores, evidence = [], []
    for label in labels:
        if label["split"] not in splits:
            continue
        path = NOTICES / label["file"]
        started = time.perf_counter()
        [raw] = raws_of(path, label.get("url") or placeholder_url(path))
        row = row_of(raw)
        result = score(label, row)
        result.seconds = time.perf_counter() - started
        scores.append(result)
        evidence.append(evidence_checks(label, row, raw["documents"][0]["pages"], result.right))
    return scores, evidence


def totals(scores: list[NoticeScore]) -> tuple[Tally, dict[str, Tally]]:
    overall, per_field = Tally(), defaultdict(Tally)
    for result in scores:
        for name, tally in result.fields.items():
            overall.add(tally)
            per_field[name].add(tally)
    return overall, per_field


def report(scores: list[NoticeScore], evidence, show_misses: bool) -> Tally:
    print(f"{'split':8} {'notices':>7} {'facts':>6} {'right':>6} {'wrong+extra':>11} {'missed':>6} "
          f"{'precision':>9} {'recall':>6} {'F1':>5}")
    for split in ("tune", "holdout", "all"):
        chosen = [s for s in scores if split == "all" or s.split == split]
        if not chosen:
            continue
        overall, _ = totals(chosen)
        print(f"{split:8} {len(chosen):7d} {overall.tp + overall.fn:6d} {overall.tp:6d} {overall.fp:11d} "
              f"{overall.fn:6d} {overall.precision:9.3f} {overall.recall:6.3f} {overall.f1:5.3f}")
    overall, per_field = totals(scores)
    print(f"\n{'field':18} {'labelled':>8} {'right':>5} {'extra':>5} {'missed':>6} {'precision':>9} {'recall':>6}")
    for name in sorted(per_field):
        t = per_field[name]
        print(f"{name:18} {t.tp + t.fn:8d} {t.tp:5d} {t.fp:5d} {t.fn:6d} {t.precision:9.3f} {t.recall:6.3f}")
    found, cited, same, right = (sum(e[i] for e in evidence) for i in range(4))
    print(f"\nevidence: {found}/{cited} quotes found on the page they cite; "
          f"{same}/{right} right facts cite the label's page")
    print(f"time: {sum(s.seconds for s in scores):.1f} s for {len(scores)} notices "
          f"(slowest {max(scores, key=lambda s: s.seconds).id}, {max(s.seconds for s in scores):.1f} s)")
    if show_misses:
        print("\n" + "\n".join(m for s in scores for m in s.misses))
    return overall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "holdout", "all"), default="all")
    parser.add_argument("--target", type=float, default=0.9)
    parser.add_argument("--misses", action="store_true", help="list every wrong, extra and missed fact")
    args = parser.parse_args(argv)
    splits = ("tune", "holdout") if args.split == "all" else (args.split,)
    scores, evidence = run(splits)
    overall = report(scores, evidence, args.misses)
    met = overall.precision >= args.target and overall.recall >= args.target
    print(f"\ntarget {args.target}: precision {overall.precision:.3f}, recall {overall.recall:.3f} — "
          f"{'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
