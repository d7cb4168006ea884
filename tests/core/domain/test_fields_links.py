"""Link kinds from real labels: the stage kinds come from the stage-word list."""

import pytest

from core.domain.fields.links import classify_link

PAGE = "https://board.example.in/notice"


@pytest.mark.parametrize(("label", "kind"), [
    ("Download - Call letter", "admit_card"),
    ("प्रवेश पत्र", "admit_card"),
    ("उत्तर कुंजी", "answer_key"),
    ("Notice_Final_Result_Technician(1)_1781178288", "result"),  # a file name as the label
    ("LIST OF SELECTED CANDIDATES IN ADVT. NO. A-7/E-1/2021", "result"),
    ("Download Mop-up Round Seat Matrix (Engineering)", "notice"),
    ("UP Police Constable OMR Sheet Instruction 2026", "notice"),
    ("Apply Online", "apply_online"),
    ("Download Notification", "notification_pdf"),
])
def test_link_kind_from_its_label(label, kind):
    assert classify_link(label, PAGE) == kind


def test_an_unlabelled_pdf_is_the_notification():
    assert classify_link("Click Here", "https://www.indianbank.in/documents/20117/34414/Notice.pdf/5603eb90") \
        == "notification_pdf"
