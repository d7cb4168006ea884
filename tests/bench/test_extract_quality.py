"""The accuracy bench of ``jobs extract``: its scoring, and the rule-based target on the tune set."""

import pytest

from bench.extract_quality import NoticeScore, advt_key, pay_key, run, score, totals

LABEL = {"id": "n", "split": "tune", "facts": {"apply_last": "2025-12-03", "fees": {"general": 100},
                                             "posts": [{"name": "Junior Clerk", "count": 4}]},
         "evidence": {}}


def test_a_right_fact_an_invented_one_and_a_missed_one():
    result = score(LABEL, {"apply_last": "2025-12-03", "fee_sc_st": 0, "posts": []})
    overall, _ = totals([result])
    assert (overall.tp, overall.fp, overall.fn) == (1, 1, 2)


def test_a_post_with_a_wrong_count_is_wrong():
    result = score(LABEL, {"apply_last": "2025-12-03", "fee_general": 100, "posts": [{"name": "JUNIOR CLERK", "count": 3}]})
    assert (result.fields["posts"].tp, result.fields["posts"].fp, result.fields["posts"].fn) == (0, 1, 1)


def test_values_are_compared_after_normalisation():
    assert advt_key("CEN No.02/2018") == advt_key("CEN 02/2018") == advt_key("02/2018")
    assert pay_key("Level-6 (Rs.35400-112400)") == pay_key("Level-6 (Rs.35400- 1,12,400)")


@pytest.mark.slow
def test_rule_based_extraction_meets_the_target_on_the_tune_set():
    scores, evidence = run(("tune",))
    overall, _ = totals(scores)
    assert len(scores) >= 20 and all(isinstance(s, NoticeScore) for s in scores)
    assert overall.precision >= 0.9 and overall.recall >= 0.9
    found, cited = sum(e[0] for e in evidence), sum(e[1] for e in evidence)
    assert found == cited  # every quote is on the page it cites
