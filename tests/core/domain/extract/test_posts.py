"""Posts and their counts from post tables, one-post tables and the notice's own words."""

from core.domain.extract.document import Table
from core.domain.extract.posts import posts
from tests.core.domain.extract.documents import document


def found(*pages: str, tables=None) -> dict:
    return {name: fact.value for name, fact in posts(document(*pages, tables=tables)).items()}


def test_a_post_table_gives_names_and_counts():
    table = Table(page=1, rows=[["Sl. No.", "Name of Posts", "PB/GP of the post", "No. of post"],
                                ["1.", "Additional Secretary", "PB -4", "01 (UR)"],
                                ["4.", "Joint Secretary", "PB -4", "03 (1-OBC, 2- UR)"]])
    assert found("Name of Posts", tables=[table]) == {"posts": [
        {"name": "Additional Secretary", "count": 1}, {"name": "Joint Secretary", "count": 3}]}


def test_a_stated_total_row_is_the_total():
    table = Table(page=2, rows=[["Community", "No of Posts"], ["UR", "1001"], ["SC", "487"], ["Total", "2357"]])
    assert found("p1", "Community No of Posts UR 1001 SC 487 Total 2357", tables=[table]) == {"total_posts": 2357}


def test_a_table_of_one_post():
    table = Table(page=1, rows=[["Name of the Post", "Adhoc Faculty"], ["Remuneration in Rs.", "Rs. 40000 pm"]])
    assert found("Name of the Post Adhoc Faculty", tables=[table]) == {"posts": [{"name": "Adhoc Faculty", "count": None}]}


def test_a_table_of_disabilities_suitable_for_the_posts_is_not_a_post_table():
    table = Table(page=1, rows=[["Sl. No.", "Name of the Posts", "Categories of disability suitable for the post."],
                                ["1", "BPM/ ABPM/ Dak Sevaks", "a) Low vision (LV)"]])
    assert found("Details", tables=[table]) == {}


def test_the_notice_names_its_post():
    assert found("2. Name of Post : Last Grade Servants") == {"posts": [{"name": "Last Grade Servants", "count": None}]}


def test_a_position_title_with_its_count_in_words():
    assert found("Position Title : Project Assistant (Operations) (One post)") == {
        "posts": [{"name": "Project Assistant (Operations)", "count": 1}]}


def test_numbered_post_headings_under_the_job_profile():
    assert found("I. Job Profile:-\n(i) BRANCH POSTMASTER (BPM)\nThe Job Profile of Branch Post Master\n"
                 "(ii) ASSISTANT BRANCH POSTMASTER (ABPM)\ntext\n(iii)DAK SEVAK") == {"posts": [
        {"name": "BRANCH POSTMASTER (BPM)", "count": None}, {"name": "ASSISTANT BRANCH POSTMASTER (ABPM)", "count": None},
        {"name": "DAK SEVAK", "count": None}]}


def test_posts_counted_per_discipline():
    assert found("Applications are invited for the posts of Professor and Lecturers in: Computer Science and "
                 "Engineering – 6 (any specialization), Mathematics -1, Communications- 1 (English). Minimum") == {
        "posts": [{"name": "Computer Science and Engineering", "count": 6}, {"name": "Mathematics", "count": 1},
                  {"name": "Communications (English)", "count": 1}]}


def test_the_post_of_a_corrigendum():
    assert found("age limit mentioned in the notification for recruitment to the post of Assistant Loco Pilot "
                 "published under CEN 01/2024") == {"posts": [{"name": "Assistant Loco Pilot", "count": None}]}
