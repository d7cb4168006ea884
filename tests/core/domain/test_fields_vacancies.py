"""Total posts from vacancy tables: summed, checked against a stated total, tables not counted twice."""

import pytest

from core.domain.fields.vacancies import parse_vacancies, posts_in_text


def test_a_stated_total_is_checked_against_the_rows():
    table = {"headers": ["Post Name", "Total Post"], "rows": [
        {"Post Name": "Constable GD", "Total Post": "7618"}, {"Post Name": "Constable Driver", "Total Post": "459"},
        {"Post Name": "Total Post", "Total Post": "10036 Post"}]}
    result = parse_vacancies([table])
    assert result.total == 10036
    assert "8077" in result.warnings[0]


def test_counts_next_to_an_eligibility_column():
    table = {"headers": ["Post Name", "No. Of Post", "UPSC Eligibility"], "rows": [
        {"Post Name": "IMA", "No. Of Post": "100", "UPSC Eligibility": "Bachelor's degree"},
        {"Post Name": "OTA Women", "No. Of Post": "18"}]}
    result = parse_vacancies([table])
    assert result.total == 118
    assert [(p.name, p.count) for p in result.posts] == [("IMA", 100), ("OTA Women", 18)]
    assert result.eligibility == ["IMA: Bachelor's degree"]


def test_a_header_row_inside_the_rows_and_ragged_rows():
    title = "Category Wise Vacancy Details"
    table = {"headers": [title], "rows": [
        {title: "Post Name", "Column_2": "Category", "Column_3": "No. Of Post"},
        {title: "Havildar Clerk", "Column_2": "UR", "Column_3": "26"},
        {title: "EBC", "Column_2": "11"}, {title: "SC", "Column_2": "10"}]}
    assert parse_vacancies([table]).total == 47


def test_the_same_total_by_post_and_by_category_is_counted_once():
    by_post = {"headers": ["Post Name", "No. Of Post"], "rows": [{"Post Name": "A", "No. Of Post": "30"}, {"Post Name": "B", "No. Of Post": "20"}]}
    by_category = {"headers": ["Post Name", "Category", "No. of Post"], "rows": [
        {"Post Name": "All", "Category": "UR", "No. of Post": "40"}, {"Post Name": "", "Category": "SC", "No. of Post": "10"}]}
    assert parse_vacancies([by_post, by_category]).total == 50


def test_promotional_tables_are_skipped():
    table = {"headers": ["Join Our WhatsApp Channel", ""], "rows": [{"Join Our WhatsApp Channel": "Join 500 posts"}]}
    assert parse_vacancies([table]).total is None


def test_posts_in_text():
    assert posts_in_text("This recruitment is for 22,195 positions.") == 22195
    assert posts_in_text("This recruitment is for 44000+ Approx positions.") is None


@pytest.mark.parametrize(("title", "posts"), [
    ("DSSSB 1544 TGT Vacancy 2025", 1544),
    ("KVS 13,404 Teacher Vacancies", 13404),
    ("HSSC CET 2025 Group D 7596 Post", 7596),
    ("UP Police 2025 Sub Inspector Vacancy", None),  # a year, not a count
])
def test_the_post_count_may_stand_before_the_posts_name(title, posts):
    assert posts_in_text(title) == posts
