"""The normaliser against the hand labels of the 26 real aggregator posts (labels/sarkariafsar.json).

Each labelled field of each post is one case, so a regression names the post and the field.
``python -m tests.pipelines.label_accuracy`` prints the per-field figures.
"""

import pytest

from tests.pipelines.label_accuracy import FIELDS, accuracy, labelled_rows, same

ROWS = labelled_rows()


@pytest.mark.parametrize(("label", "row"), ROWS, ids=[label["title"][:40] for label, _ in ROWS])
def test_every_labelled_field_of_a_post(label, row):
    wrong = {f: (label[f], row[f]) for f in FIELDS if not same(f, label[f], row[f])}
    assert wrong == {}


def test_every_post_becomes_a_job():
    assert [label["title"] for label, row in ROWS if row["rejected"]] == []


def test_overall_accuracy_is_reported_per_field():
    per_field, overall, _ = accuracy()
    assert set(per_field) == set(FIELDS)
    assert overall >= 0.97
