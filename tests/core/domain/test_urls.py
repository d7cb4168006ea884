"""absolute_url and is_pdf on the hrefs real boards write (the captures in tests/crawlers/pages)."""

import pytest

from core.domain.urls import absolute_url, is_http_url, is_pdf

BOARD = "http://apsc.nic.in/index.php"


@pytest.mark.parametrize(("href", "expected"), [
    # APSC: raw spaces inside a file name
    ("Notification_CCM_19 Jan_18.pdf", "http://apsc.nic.in/Notification_CCM_19%20Jan_18.pdf"),
    # rojgarresult: white space around an absolute URL
    (" http://www.rojgarresult.com/2017/ibpspo.php ", "http://www.rojgarresult.com/2017/ibpspo.php"),
    # RRB Chandigarh: a stray underscore before the scheme
    ("_http://satshritech.com/rrb1/uploads/Final-Employment-News-for-RRB-B&W.pdf",
     "http://satshritech.com/rrb1/uploads/Final-Employment-News-for-RRB-B&W.pdf"),
    # quotes left inside the attribute value
    ("'/notice.pdf'", "http://apsc.nic.in/notice.pdf"),
    # a fragment on another page is kept (TNPSC's dpm-role.html#sws)
    ("dpm-role.html#sws", "http://apsc.nic.in/dpm-role.html#sws"),
    ("https://www.opsc.gov.in/Notice.aspx", "https://www.opsc.gov.in/Notice.aspx"),
])
def test_hrefs_become_absolute_urls(href, expected):
    assert absolute_url(BOARD, href) == expected


@pytest.mark.parametrize("href", [
    None, "", "   ",
    "#",  # IAF, Navy, OSSC: empty anchors
    "#main-content", "#top",  # UPSC, HSSC: skip links and in-page anchors name no document
    "javascript:__doPostBack('ctl00$ContentPlaceHolder1$UserEventCalendar1$mycalendar','V6606')",  # HSSC
    " JavaScript:void(0)",
    "mailto:secy-upsc@nic.in", "tel:01123385271", "data:text/html,x", "vbscript:x",
    "ftp://apsc.nic.in/old.pdf",
])
def test_hrefs_that_name_no_document_give_none(href):
    assert absolute_url(BOARD, href) is None


@pytest.mark.parametrize("url", [
    "http://apsc.nic.in/Advt_06_2018_17_March_2018.pdf",
    "http://satshritech.com/rrb1/uploads/NOTICE_FOR_OBJECTION_TRACKER.PDF",  # RRB Chandigarh
    "https://www.indianbank.in/documents/20117/34414/FLC-RECRUITMENT-FORM2026_05_04_15_42_58.pdf/"
    "ab47c3ca-6088-8686-0f46-0c0b33828a72",  # Liferay: the file name, then a document id
    "https://psc.wb.gov.in/Download?param1=20250908155744_HYDE_A_AS_Dece_2024.pdf&param2=advertisement",
    "http://ssc.nic.in/notice.pdf#page=2",
])
def test_pdf_urls(url):
    assert is_pdf(url)


@pytest.mark.parametrize("url", [
    None, "",
    "http://upsc.gov.in/whats-new/Recruitment%20to%2047%20Posts",
    "http://www.rojgarresult.com/2016/uppolicesi.php",
    "http://example.gov.in/pdfs/notice.html",
    "http://example.gov.in/notice.pdfx",
])
def test_other_urls_are_not_pdfs(url):
    assert not is_pdf(url)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://rrbcdg.gov.in/cen.pdf", True),
    ("javascript:alert(1)", False),
    ("/relative/path", False),
    ("http://", False),
    (None, False),
])
def test_is_http_url(url, expected):
    assert is_http_url(url) is expected
