"""Field accuracy of ``jobs normalise`` against the hand labels of the 26 real posts.

Run: ``.venv/bin/python -m tests.pipelines.label_accuracy`` (prints per-field and overall figures
and every mismatch). The tests in ``test_normalise_labels.py`` use the same comparison.
"""

from __future__ import annotations

import json
from pathlib import Path

from core.domain.fingerprint import advt_key

ROOT = Path(__file__).resolve().parents[2]
POSTS = ROOT / "tests" / "crawlers" / "pages" / "sarkariafsar" / "posts.json"
LABELS = Path(__file__).parent / "labels" / "sarkariafsar.json"
FIELDS = (
    "title", "organisation", "organisation_short", "advt_no", "stage", "apply_start",
    "apply_last", "fee_last", "exam_date", "fee_general", "fee_sc_st", "age_min", "age_max",
    "age_as_on", "total_posts",
)


def same(field: str, expected, actual) -> bool:
    if field == "advt_no" and expected and actual:
        return advt_key(expected) == advt_key(actual)
    return expected == actual


def labelled_rows() -> list[tuple[dict, dict]]:
    from cli.commands.normalise import normalised_row, posts_in

    posts = posts_in(json.loads(POSTS.read_text(encoding="utf-8")))
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["posts"]
    assert [p["title"] for p in posts] == [lb["title"] for lb in labels]
    return [(label, normalised_row(post)) for post, label in zip(posts, labels, strict=True)]


def accuracy() -> tuple[dict[str, float], float, list[str]]:
    rows = labelled_rows()
    per_field, misses, right = {}, [], 0
    for field in FIELDS:
        ok = sum(same(field, label[field], row[field]) for label, row in rows)
        per_field[field] = ok / len(rows)
        right += ok
        misses += [f"{label['title'][:45]:45} {field}: expected {label[field]!r}, got {row[field]!r}"
                   for label, row in rows if not same(field, label[field], row[field])]
    return per_field, right / (len(rows) * len(FIELDS)), misses


if __name__ == "__main__":
    per_field, overall, misses = accuracy()
    for field, value in per_field.items():
        print(f"{field:20} {value:6.1%}")
    print(f"{'overall':20} {overall:6.1%}  ({len(misses)} mismatches)")
    for miss in misses:
        print("  ", miss)
