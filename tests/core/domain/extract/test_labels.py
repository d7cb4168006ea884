"""The labelled notice sets are well formed and every label is backed by a quote on its page."""

import copy

import pytest

from tests.core.domain.extract import label_checks as checks

NOTICES = checks.load(checks.NOTICES / "labels.json")
BAD = checks.load(checks.BAD / "labels.json")


def test_notice_labels_match_the_schema():
    assert checks.schema_errors(NOTICES, checks.HERE / "labels.schema.json") == []


def test_bad_input_labels_match_the_schema():
    assert checks.schema_errors(BAD, checks.HERE / "bad.schema.json") == []


@pytest.mark.parametrize(("labels", "folder"), [(NOTICES, checks.NOTICES), (BAD, checks.BAD)])
def test_every_labelled_file_exists(labels, folder):
    assert checks.missing_files(labels, folder) == []


def test_ids_are_unique_across_both_sets():
    assert checks.duplicate_ids(NOTICES + BAD) == []


def test_every_fact_has_evidence_and_every_evidence_a_fact():
    assert checks.unbacked_facts(NOTICES) == []


def test_every_quote_is_on_its_page():
    assert checks.unquoted_evidence(NOTICES, checks.NOTICES) == []


def test_a_quote_that_is_not_in_the_document_is_reported():
    label = copy.deepcopy(next(n for n in NOTICES if n["id"] == "ssc-jht-2018"))
    label["evidence"]["apply_last"]["quote"] = "Last date for receipt of application: 20-11-2018"
    assert len(checks.unquoted_evidence([label], checks.NOTICES)) == 1


def test_a_badly_formatted_date_is_reported():
    label = copy.deepcopy(NOTICES[0])
    label["facts"]["notice_date"] = "22-10-2018"
    assert checks.schema_errors([label], checks.HERE / "labels.schema.json") != []


def test_about_a_quarter_of_the_notices_are_held_out():
    held_out = sum(label["split"] == "holdout" for label in NOTICES)
    assert 0.2 <= held_out / len(NOTICES) <= 0.35
