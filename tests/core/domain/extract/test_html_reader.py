"""The detail-page reader: visible text as lines, table rows as lines and as tables."""

from core.domain.extract.html_reader import read_html
from tests.core.domain.extract.documents import labelled

PAGE = b"""<html><head><title>x</title><script>var a = "Last date 01.01.2020";</script></head><body>
<!-- <p>For Demo &amp; Testing purpose only</p> -->
<h3>Important Dates</h3>
<table><tr><td>Closing Date</td><td>31.03.2018 <p>at 23.59 hrs</p></td></tr></table>
</body></html>"""


def test_scripts_and_comments_are_not_text():
    text = read_html(PAGE, "https://board.example/cen.html").pages[0]
    assert "Demo" not in text and "01.01.2020" not in text


def test_a_table_row_is_one_line_with_its_cells():
    assert read_html(PAGE, "https://board.example/cen.html").pages[0].split("\n") == [
        "Important Dates", "Closing Date | 31.03.2018 at 23.59 hrs"]


def test_tables_keep_their_cells():
    [table] = read_html(PAGE, "https://board.example/cen.html").tables
    assert (table.page, table.rows) == (1, [["Closing Date", "31.03.2018 at 23.59 hrs"]])


def test_a_table_inside_a_layout_table_is_read_on_its_own():
    document = labelled("aiu-vacancy-archive-2017")
    [table] = document.tables
    assert table.rows[0][:4] == ["Sl. No.", "Name of Posts", "PB/GP of the post", "No. of post"]
    assert "15. | UDC | PB -1 `5,200-20,200 GP `2,400 | 02 (UR)" in document.pages[0].split("\n")


def test_a_page_without_text_is_a_problem():
    assert read_html(b"<html><body><img src=x.png></body></html>", "https://board.example/x.html").problem == \
        "the page has no text"
