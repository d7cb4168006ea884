import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.engines.file_dates import date_in_file_name
from crawlers.spiders.as_apsc import AsApscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


@pytest.fixture
def items(frozen):
    frozen("as_apsc")
    return parse_all(spider_for(AsApscSpider), captured_response("as_apsc"))


def test_latest_updates_without_grievance_rates_or_departmental_rows(items):
    assert len(items) == 16
    text = " ".join(i["links"][0]["label"] for i in items)
    assert "Grievance" not in text
    assert "Rates for applying" not in text
    assert "Departmental (Promotion)" not in text


def test_one_whole_advertisement(items):
    label = ("Advertisement No. 06/2018 : Senior Information & Public Relation Officer under "
             "Information and Public Relation Department, Assam.")
    assert dict(items[0]) == {
        "source": "as_apsc",
        "source_kind": "official",
        "source_url": "http://apsc.nic.in/Advt_06_2018_17_March_2018.pdf",
        "organisation": "Assam Public Service Commission",
        "state": "AS",
        "category": "State PSC",
        "title": "Senior Information & Public Relation Officer under Information and Public "
                 "Relation Department, Assam.",
        "notice_kind": "Advertisement",
        "advt_no": "Advertisement No. 06/2018",
        "notice_date": "17 March 2018",
        "links": [{"label": label, "url": "http://apsc.nic.in/Advt_06_2018_17_March_2018.pdf"}],
        "pdf_url": "http://apsc.nic.in/Advt_06_2018_17_March_2018.pdf",
        "scraped_at": "2018-03-17",
    }


def test_dates_come_only_from_file_names(items):
    dates = {i["source_url"].rsplit("/", 1)[-1]: i.get("notice_date") for i in items}
    assert dates["Result_Law_Assistant_16_03_2018.pdf"] == "16-03-2018"
    assert dates["ADV_ACF_05_2018_12_march_18.pdf"] == "12 March 2018"
    assert dates["Notification_CCM_19%20Jan_18.pdf"] == "19 Jan 2018"
    assert dates["ADVT_04_2018.pdf"] is None  # an advertisement number, not a date
    assert str(normalise_job(dict(items[0]))["notice_date"]) == "2018-03-17"


def test_file_name_dates_are_not_read_from_advertisement_numbers():
    assert date_in_file_name("http://apsc.nic.in/Advt_3_2018_28_Feb_2018.pdf") == "28 Feb 2018"
    assert date_in_file_name("http://apsc.nic.in/Advt_01_27_feb_2018.pdf") == "27 Feb 2018"
    assert date_in_file_name("http://apsc.nic.in/Notification_CCE(M)_2016_admitcard.pdf") is None


def test_hrefs_with_spaces_become_valid_urls(items):
    assert all(" " not in i["source_url"] for i in items)
    assert "http://apsc.nic.in/Notification_CCM_19%20Jan_18.pdf" in {i["source_url"] for i in items}


def test_kind_labels_are_split_from_the_subject(items):
    result = items[1]
    assert result["notice_kind"] == "Result"
    assert result["title"].startswith("Law Asstt. to Legal Remembrancer")
    assert {i.get("notice_kind") for i in items} >= {"Corrigendum", "Notification", "Syllabus"}


def test_every_item_validates(items):
    for item in items:
        assert isinstance(validate_job(normalise_job(dict(item)), dict(item)), JobPosting)
