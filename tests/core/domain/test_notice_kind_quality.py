"""The notice-kind target on the hand labels of every captured board (bench/notice_kind_quality.py)."""

from bench.notice_kind_quality import TARGET_PRECISION, load_labels, scores


def test_becoming_a_job_page_is_precise_on_the_hand_labels():
    assert scores(load_labels())["precision"] >= TARGET_PRECISION


def test_becoming_a_job_page_is_precise_on_the_held_out_labels():
    assert scores(load_labels("held_out"))["precision"] >= TARGET_PRECISION


def test_few_real_job_notices_are_lost():
    # a job notice classified as not a job disappears from the site: recall matters too
    assert scores(load_labels())["recall"] >= 0.97
