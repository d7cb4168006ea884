"""Precision and recall of "becomes a job page" and the confusion of notice kinds, on hand labels.

    .venv/bin/python bench/notice_kind_quality.py              # every label
    .venv/bin/python bench/notice_kind_quality.py --split tune # or held_out
    .venv/bin/python bench/notice_kind_quality.py --errors     # and list the misclassified notices

The labels (``tests/core/domain/labels/notice_kinds.json``) are every notice the captured boards
give (each spider over the replay, pipelines off), judged by hand; the labelling rules are in the
README beside them. A notice becomes a job page when its kind is anything but ``not_job``.
``baseline`` is what the pipeline did before the classifier: the kind its stage implies.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.domain.fields.organisations import canonical_organisation  # noqa: E402
from core.domain.kinds import classify_notice  # noqa: E402
from core.domain.schema import KIND_OF_STAGE, NoticeKind  # noqa: E402
from core.domain.stages import classify_stage  # noqa: E402

LABELS = ROOT / "tests" / "core" / "domain" / "labels" / "notice_kinds.json"
TARGET_PRECISION = 0.98


def load_labels(split: str | None = None) -> list[dict]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    return [row for row in labels if split in (None, row["split"])]


def predicted_kind(row: dict) -> NoticeKind:
    """The classifier's kind, given what the normaliser gives it."""
    canonical = canonical_organisation(row["organisation"], row["title"])
    full, short = canonical if canonical else (row["organisation"], None)
    links = [{"label": row["title"], "url": row["url"]}] if row.get("url") else []
    return classify_notice(row["title"], row["label"], links=links, organisation=full,
                           organisation_short=short, source_kind=row["source_kind"]).kind


def baseline_kind(row: dict) -> NoticeKind:
    return KIND_OF_STAGE[classify_stage(row["label"], row["title"])]


def scores(rows: list[dict], predict=predicted_kind) -> dict:
    """Precision and recall of "becomes a job page", kind accuracy, the confusion and the errors."""
    confusion: Counter = Counter()
    tp = fp = fn = 0
    errors = []
    for row in rows:
        truth, guess = NoticeKind(row["kind"]), predict(row)
        confusion[(truth.value, guess.value)] += 1
        job_truth, job_guess = truth is not NoticeKind.not_job, guess is not NoticeKind.not_job
        tp += job_truth and job_guess
        fp += job_guess and not job_truth
        fn += job_truth and not job_guess
        if truth is not guess:
            errors.append((row, guess))
    return {
        "notices": len(rows),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "false_job_pages": fp,
        "missed_job_pages": fn,
        "kind_accuracy": sum(n for (t, g), n in confusion.items() if t == g) / len(rows) if rows else 1.0,
        "confusion": confusion,
        "errors": errors,
    }


def confusion_table(confusion: Counter) -> str:
    kinds = [k.value for k in NoticeKind]
    width = max(len(k) for k in kinds)
    lines = ["truth \\ predicted".ljust(width + 2) + " ".join(k[:7].rjust(7) for k in kinds)]
    for truth in kinds:
        lines.append(truth.ljust(width + 2) + " ".join(str(confusion[(truth, g)] or ".").rjust(7) for g in kinds))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held_out"))
    parser.add_argument("--errors", action="store_true", help="list every notice whose kind is wrong")
    args = parser.parse_args(argv)
    rows = load_labels(args.split)
    before, after = scores(rows, baseline_kind), scores(rows)
    print(f"{after['notices']} hand-labelled notices ({args.split or 'tune + held_out'})")
    for name, result in (("baseline (kind from the stage)", before), ("classifier", after)):
        print(f"  {name:32s} job page precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
              f"kind accuracy {result['kind_accuracy']:.3f}  "
              f"({result['false_job_pages']} non-jobs as job pages, {result['missed_job_pages']} jobs missed)")
    print()
    print(confusion_table(after["confusion"]))
    if args.errors:
        print()
        for row, guess in after["errors"]:
            print(f"  [{row['split']}] {row['kind']:>13} → {guess.value:13} {row['source']}: {row['title'][:110]}")
    ok = after["precision"] >= TARGET_PRECISION
    print(f"\njob page precision {after['precision']:.3f} {'≥' if ok else '<'} target {TARGET_PRECISION}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
