"""``jobs normalise FILE`` on the real aggregator posts and on broken files."""

import json

from cli.main import main
from tests.crawlers.conftest import PAGES

POSTS = PAGES / "sarkariafsar" / "posts.json"
KEYS = {"title", "organisation", "advt_no", "stage", "apply_start", "apply_last", "fee_last", "exam_date",
        "fee_general", "fee_sc_st", "age_min", "age_max", "age_as_on", "total_posts"}
STAGES = {"recruitment", "online_form", "correction", "date_extended", "exam_date", "admit_card", "answer_key",
          "result", "marks", "score_card", "cutoff", "joining_order", "counselling", "admission", "other"}


def run(capsys, *argv):
    code = main(["normalise", *map(str, argv)])
    out = capsys.readouterr()
    return code, [json.loads(line) for line in out.out.splitlines()], out.err


def test_one_json_line_per_post_with_the_required_keys(capsys):
    code, rows, _ = run(capsys, POSTS)
    assert code == 0 and len(rows) == 26
    assert all(set(row) >= KEYS for row in rows)
    assert {row["stage"] for row in rows} <= STAGES


def test_values_are_iso_dates_and_whole_numbers(capsys):
    _, rows, _ = run(capsys, POSTS)
    rrb = next(r for r in rows if r["title"] == "RRB Group-D Recruitment 2026")
    assert {k: rrb[k] for k in KEYS} == {
        "title": "RRB Group-D Recruitment 2026", "organisation": "Railway Recruitment Board", "advt_no": "CEN 09/2025",
        "stage": "recruitment", "apply_start": "2026-01-31", "apply_last": "2026-03-02", "fee_last": "2026-03-04",
        "exam_date": None, "fee_general": 500, "fee_sc_st": 250, "age_min": 18, "age_max": 33,
        "age_as_on": "2026-01-01", "total_posts": 22195}


def test_the_command_uses_the_spider_conversion(capsys):
    from core.domain.fields.aggregator_post import post_to_raw

    post = json.loads(POSTS.read_text())["jobs"][6]
    raw = post_to_raw(post, "https://www.sarkariafsar.com/feed/posts.json")
    assert raw["source_url"] == "https://www.sarkariafsar.com/feed/posts.json#yantra-india-limited-yil-apprentice-recruitment-2026"
    assert raw["important_dates"][:1] == ["Notification Date : 24 January 2026"]


def test_a_broken_file_is_a_clear_error(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text('{"jobs": [ {"title": "cut')
    code, rows, err = run(capsys, broken)
    assert code == 2 and rows == [] and "cannot read" in err


def test_garbage_posts_never_crash(tmp_path, capsys):
    garbage = tmp_path / "garbage.json"
    garbage.write_text(json.dumps({"jobs": [
        None, 7, "text", {"title": None}, {"title": "<script>x</script>", "importantDates": "not a list",
                                           "vacancyDetails": [{"headers": None, "rows": [1, 2]}], "importantLinks": [{"url": 5}]},
    ]}))
    code, rows, _ = run(capsys, garbage)
    assert code == 0 and len(rows) == 5
    assert all(row["rejected"] for row in rows)
