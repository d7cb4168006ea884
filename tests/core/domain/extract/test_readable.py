"""Garbled text: legacy-font Hindi and bad OCR are garbled, acronyms and Hindi are words."""

import pytest

from core.domain.extract.readable import garbled_share, unreadable_reason


@pytest.mark.parametrize("text", ["GDS BPM PwBD(LD) SCs ABPM/Dak Sevak", "रेलवे भर्ती बोर्ड", "Rs.35400-112400 DoP&T"])
def test_acronyms_and_unicode_hindi_are_words(text):
    assert garbled_share(text) < 0.2


@pytest.mark.parametrize("text", ['dsUnzh; p;u i"kZn ¼flikgh HkrhZ½ ljnkj', "Indial1fl\"rn nOllllal buycrsfliccnSl", "ºÉiªÉÉ{ÉxÉ"])
def test_legacy_font_glyphs_and_bad_ocr_are_garbled(text):
    assert garbled_share(text) > 0.5


def test_pages_with_hardly_a_letter_are_a_scan():
    assert unreadable_reason(["", "12", " "]).startswith("no text layer")
