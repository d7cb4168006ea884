"""The PDF reader on real notices and on every kind of file that cannot give facts."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from core.domain.extract.pdf_reader import read_pdf, table_page_numbers
from tests.core.domain.extract.documents import HERE, labelled

SSC = (HERE / "notices" / "ssc-jht-2018.pdf").read_bytes()


def test_every_page_of_a_real_notice_is_read_as_text():
    document = labelled("ssc-jht-2018")
    assert (document.problem, document.page_count, len(document.pages)) == (None, 37, 37)
    assert "Last date for receipt of application: 19-11-2018 (up to 5.00 P.M.)" in document.pages[0]


def test_ruled_tables_come_out_as_rows_of_cells():
    table = next(t for t in labelled("ssc-jht-2018").tables if t.page == 1)
    assert table.rows[0] == ["Code", "Name of the post", "Pay scale"]
    assert table.rows[1][1] == "Junior Translator in Central Secretariat Official Language Service (CSOLS)"


def test_a_long_document_has_its_tables_read_at_both_ends_only():
    assert table_page_numbers(167) == [*range(1, 13), 166, 167]
    assert labelled("upsc-cms-2025-written-result").notes == ["tables read on pages 1–12, 90–91 of 91"]


def test_hindi_text_is_read_as_unicode():
    assert "सूचना संख्या 01/2019" in labelled("rrb-bsp-cen-01-2019-result-2023-11-24").pages[0]


@pytest.mark.parametrize(("name", "problem"), [
    ("rrb-bsp-cen-01-2019-dv-result-scan", "no text layer (an image-only PDF: needs OCR)"),
    ("upsc-cds-ii-syllabus-scan", "no text layer (an image-only PDF: needs OCR)"),
    ("csbc-advt-01-2020-syllabus-legacy-font", "unreadable text"),
    ("cbdt-order-u-s-119-2020", "unreadable text"),
    ("rrb-bsp-cen-03-2018-result-TRUNCATED-BY-US", "broken PDF"),
    ("rrb-bsp-cen-01-2018-result-2023-07-07-mangled", "not a PDF"),
])
def test_a_file_that_cannot_give_facts_says_why_and_keeps_no_text(name, problem):
    document = labelled(name)
    assert document.problem.startswith(problem)
    assert document.pages == [] and document.tables == []


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(SSC)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_that_needs_a_password_is_reported_as_encrypted():
    assert read_pdf(_encrypted("reader-secret"), "https://board.example/a.pdf").problem == \
        "encrypted PDF: it needs a password"


def test_a_pdf_locked_only_against_editing_is_read():
    document = read_pdf(_encrypted(""), "https://board.example/a.pdf")
    assert document.problem is None and "19-11-2018" in document.pages[0]


@pytest.mark.parametrize("body", [b"", b"<html><body>Not Found</body></html>", b"%PDF-1.4\n%%EOF"])
def test_empty_and_non_pdf_bodies_are_problems(body):
    assert read_pdf(body, "https://board.example/a.pdf").problem


def test_the_record_is_plain_json_and_reads_back():
    import json

    from core.domain.extract.document import Document

    document = labelled("rrb-cen-01-2024-corrigendum-age")
    record = json.loads(json.dumps(document.to_record()))
    assert Document.from_record(record) == document
