"""``jobs extract FILE…`` on real notices (PDF, detail page), a feed JSON and bad files."""

import json

from cli.main import main
from tests.crawlers.conftest import PAGES

NOTICES = PAGES.parent.parent / "core" / "domain" / "extract" / "notices"
BAD = NOTICES.parent / "bad"
CORRIGENDUM = NOTICES / "rrb-cen-01-2024-corrigendum-age.pdf"


def run(capsys, *argv):
    code = main(["extract", *map(str, argv)])
    out = capsys.readouterr()
    return code, [json.loads(line) for line in out.out.splitlines()], out.err


def test_a_notice_pdf_is_one_line_with_kind_facts_and_evidence(capsys):
    code, [row], _ = run(capsys, CORRIGENDUM)
    assert code == 0 and row["kind"] in {"recruitment", "corrigendum"}
    assert {k: row[k] for k in ("advt_no", "notice_date", "age_min", "age_max", "age_as_on", "dob_from", "dob_to")} == {
        "advt_no": "CEN 01/2024", "notice_date": "2024-01-29", "age_min": 18, "age_max": 33,
        "age_as_on": "2024-07-01", "dob_from": "1991-07-02", "dob_to": "2006-07-01"}
    assert row["evidence"]["notice_date"] == {"document": "https://local.invalid/rrb-cen-01-2024-corrigendum-age.pdf",
                                              "page": 1, "quote": "Date: 29.01.2024 Railway Recruitment Boards"}


def test_url_names_the_document_every_fact_cites(capsys):
    _, [row], _ = run(capsys, CORRIGENDUM, "--url", "https://rrbbilaspur.gov.in/cen-01-2024-corrigendum.pdf")
    assert {e["document"] for e in row["evidence"].values()} == {"https://rrbbilaspur.gov.in/cen-01-2024-corrigendum.pdf"}


def test_fees_are_whole_rupees_under_the_names_of_jobs_normalise(capsys):
    _, [row], _ = run(capsys, NOTICES / "ssc-jht-2018.pdf")
    assert (row["fee_general"], row["fee_sc_st"], row["fee_obc"]) == (100, 0, None)
    assert row["evidence"]["fee_general"]["page"] == 8


def test_a_detail_page(capsys):
    _, [row], _ = run(capsys, NOTICES / "rrb-cen-02-2018-apply-portal.html", "--url", "http://www.rrbonlinereg.com/")
    assert (row["apply_start"], row["apply_last"], row["fee_last"]) == ("2018-02-10", "2018-03-31", "2018-03-30")
    assert row["evidence"]["apply_last"]["document"] == "http://www.rrbonlinereg.com/"


def test_a_feed_json_gives_a_line_per_post_citing_the_feed(capsys):
    code, rows, _ = run(capsys, PAGES / "sarkariafsar" / "posts.json", "--url", "https://www.sarkariafsar.com/feed/posts.json")
    rrb = next(r for r in rows if r["title"] == "RRB Group-D Recruitment 2026")
    assert code == 0 and len(rows) == 26
    assert rrb["evidence"]["apply_last"]["quote"] == "Online Apply Last Date : 02 March 2026"
    assert rrb["evidence"]["apply_last"]["document"].startswith("https://www.sarkariafsar.com/feed/posts.json#")


def test_a_scan_is_a_line_with_its_problem_and_no_fact(capsys):
    code, [row], _ = run(capsys, BAD / "upsc-cds-ii-syllabus-scan.pdf")
    assert code == 0 and row["evidence"] == {}
    assert any("no text layer" in w for w in row["warnings"])


def test_a_missing_file_is_one_error_line_and_the_others_still_print(capsys, tmp_path):
    code, rows, err = run(capsys, tmp_path / "gone.pdf", CORRIGENDUM)
    assert code == 1 and len(rows) == 1
    assert err.strip().splitlines() == [f"jobs extract: {tmp_path / 'gone.pdf'}: No such file or directory"]


def test_a_broken_feed_is_one_error_line(capsys, tmp_path):
    broken = tmp_path / "feed.json"
    broken.write_text('{"jobs": [ {"title": "cut')
    code, rows, err = run(capsys, broken)
    assert (code, rows) == (1, []) and err.startswith(f"jobs extract: {broken}: not a feed JSON")


def test_url_with_several_files_is_refused(capsys):
    code, rows, err = run(capsys, CORRIGENDUM, CORRIGENDUM, "--url", "https://board.example/a.pdf")
    assert (code, rows) == (2, []) and "one FILE" in err
