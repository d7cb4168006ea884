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


def _links(*pairs):
    from core.domain.fields.links import classify_links

    return classify_links([{"label": label, "url": url} for label, url in pairs])


def test_an_aggregators_apply_link_becomes_also_reported_by():
    from core.domain.fields.links import official_links

    links, _ = official_links(_links(("Apply Online", "http://www.sarkariexam.com/rrb-alp/2")),
                              (("Railway Recruitment Board", "RRB"),), "http://www.sarkariexam.com/", "aggregator")
    assert [(lk.kind, lk.label) for lk in links] == [("other", "Apply Online (also reported by sarkariexam.com)")]


def test_a_look_alike_domains_link_is_dropped_with_a_warning():
    from core.domain.fields.links import official_links

    links, warnings = official_links(
        _links(("Notification", "http://SarkariAfsar.com.cm/wp-content/uploads/2026/02/CEN_-09-2025_English.pdf")),
        (("Railway Recruitment Board", "RRB"),), None, "aggregator")
    assert links == [] and "imitates sarkariafsar.com" in warnings[0]


def test_an_official_apply_link_keeps_its_kind():
    from core.domain.fields.links import official_links

    links, warnings = official_links(_links(("Apply Online", "https://ibpsreg.ibps.in/sbijajul26/")),
                                     (("State Bank of India", "SBI"), ("Institute of Banking Personnel Selection", "IBPS")),
                                     "https://www.ibps.in/", "official")
    assert links[0].kind == "apply_online" and warnings == []
