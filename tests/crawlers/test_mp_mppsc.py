import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.mp_mppsc import MpMppscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for

PDF = "http://mppsc.nic.in/ATTACHMENTS_FILES/MODEL_ANSWER_FILES/2016/SSE_2018_Final_Answer_Key_12.03.2018.pdf"


@pytest.fixture
def items(frozen):
    frozen("mp_mppsc")
    return parse_all(spider_for(MpMppscSpider), captured_response("mp_mppsc"))


def test_the_single_notice_among_menus(items):
    page = captured_response("mp_mppsc")
    assert len(page.css("a")) == 30  # menus, tenders, RTI, fonts, property returns…
    assert [dict(i) for i in items] == [{
        "source": "mp_mppsc",
        "source_kind": "official",
        "source_url": PDF,
        "organisation": "Madhya Pradesh Public Service Commission",
        "state": "MP",
        "category": "State PSC",
        "title": "Final Answer Key - State Service Examination 2018",
        "notice_kind": "Final Answer Key",
        "notice_date": "12-03-2018",
        "links": [{"label": "Final Answer Key - State Service Examination 2018", "url": PDF}],
        "pdf_url": PDF,
        "scraped_at": "2018-03-12",
    }]


def test_it_normalises_to_an_answer_key_dated_from_its_file_name(items):
    facts = normalise_job(dict(items[0]))
    assert str(facts["notice_date"]) == "2018-03-12"
    assert isinstance(validate_job(facts, dict(items[0])), JobPosting)
