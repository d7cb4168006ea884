"""``normalise_job`` with a notice's official documents: they win, every fact has evidence."""

import datetime as dt

from core.domain.extract.document import Document
from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job

PAGE = "https://board.example/notices.html"
PDF = "https://board.example/cen-01-2025.pdf"
NOTICE = ("Applications are invited for the post of Junior Clerk.\n"
          "Date for submission of online applications: 01-11-2025 to 03-12-2025\n"
          "10. Application Fee: Fee payable: Rs 100/-")


def raw(**fields) -> dict:
    return {"source": "board", "source_url": PAGE, "organisation": "Fixture Board", "title": "Junior Clerk 2025",
            **fields}


def pdf(text: str = NOTICE, **fields) -> dict:
    return Document(url=PDF, kind="pdf", pages=[text], page_count=1, **fields).to_record()


def test_the_official_document_wins_over_the_listing():
    job = normalise_job(raw(important_dates=["Last Date : 10/12/2025"], documents=[pdf()]))
    assert job["apply_last"] == dt.date(2025, 12, 3)
    assert job["evidence"]["apply_last"] == {
        "document": PDF, "page": 1, "quote": "Date for submission of online applications: 01-11-2025 to 03-12-2025"}


def test_a_fact_read_from_the_listing_cites_the_listing_line():
    job = normalise_job(raw(important_dates=["Last Date : 10/12/2025"], application_fee=["General : Rs. 100"]))
    assert job["evidence"]["apply_last"] == {"document": PAGE, "page": None, "quote": "Last Date : 10/12/2025"}
    assert job["evidence"]["fees.general"] == {"document": PAGE, "page": None, "quote": "General : Rs. 100"}


def test_every_fact_set_has_its_evidence():
    job = normalise_job(raw(important_dates=["Exam Date : 20/12/2025"], documents=[pdf()]))
    stated = {name for name in ("apply_start", "apply_last", "exam_date", "posts") if job[name]} | {"fees.general"}
    assert set(job["evidence"]) == stated


def test_a_listing_date_that_contradicts_the_document_is_dropped():
    document = pdf("Applications are invited.\nLast date for receipt of applications: 03.12.2025")
    job = normalise_job(raw(important_dates=["Application Start : 10/12/2025"], documents=[document]))
    assert (job["apply_start"], job["apply_last"]) == (None, dt.date(2025, 12, 3))
    assert "apply_start" not in job["evidence"] and any("apply_start" in w for w in job["warnings"])


def test_an_unreadable_document_is_a_warning_and_the_listing_facts_stay():
    scan = pdf("", problem="no text layer (an image-only PDF: needs OCR)")
    job = normalise_job(raw(important_dates=["Last Date : 10/12/2025"], documents=[scan]))
    assert job["apply_last"] == dt.date(2025, 12, 10)
    assert f"document not read: {PDF}: no text layer (an image-only PDF: needs OCR)" in job["warnings"]


def test_malformed_document_records_are_ignored():
    job = normalise_job(raw(documents=[None, "x", {"url": 5}, {"url": PDF, "pages": "not a list"}]))
    assert job["evidence"] == {} and job["apply_last"] is None


def test_the_text_an_older_crawl_kept_is_still_read():
    job = normalise_job(raw(pdf_url=PDF, pdf_text=NOTICE))
    assert (job["apply_last"], job["evidence"]["apply_last"]["document"]) == (dt.date(2025, 12, 3), PDF)


def test_the_result_validates_with_its_evidence():
    item = raw(documents=[pdf()])
    job = validate_job(normalise_job(item), item)
    assert isinstance(job, JobPosting) and job.evidence["fees.general"].quote == "Application Fee: Fee payable: Rs 100/-"
