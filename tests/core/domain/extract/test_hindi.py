"""Hindi notices: the window, the notice date, ages and fees in Devanagari words and digits."""

import datetime as dt

from core.domain.extract.ages import age_limits
from core.domain.extract.dates_window import application_window, notice_date
from core.domain.extract.fees import fees
from tests.core.domain.extract.documents import document

HINDI = document("दिनांक : १०.०१.२०२६\n"
                 "ऑनलाइन आवेदन प्रारंभ तिथि : 12.01.2026\n"
                 "आवेदन की अंतिम तिथि : ११ फ़रवरी २०२६\n"
                 "परीक्षा की तिथि : 15 मार्च 2026\n"
                 "आयु सीमा : 18 से 40 वर्ष\n"
                 "आवेदन शुल्क : सामान्य/ओबीसी रु. 100/-; अनुसूचित जाति/जनजाति एवं महिला को शुल्क से छूट")


def test_the_window_and_the_exam_in_hindi():
    assert {k: f.value for k, f in application_window(HINDI).items()} == {
        "apply_start": dt.date(2026, 1, 12), "apply_last": dt.date(2026, 2, 11), "exam_date": dt.date(2026, 3, 15)}


def test_the_notice_date_in_devanagari_digits():
    assert notice_date(HINDI).value == dt.date(2026, 1, 10)


def test_the_age_limit_in_hindi():
    assert {k: f.value for k, f in age_limits(HINDI).items()} == {"age_min": 18, "age_max": 40}


def test_fees_and_exemptions_in_hindi():
    assert {k: f.value for k, f in fees(HINDI).items()} == {
        "fees.general": 100, "fees.obc": 100, "fees.sc_st": 0, "fees.female": 0}
