"""Canonical organisation names from the alias table."""

import pytest

from core.domain.fields.organisations import canonical_organisation


@pytest.mark.parametrize(("text", "short"), [
    ("RSMSSB Patwari Recruitment", "RSSB"), ("RSSB VDO Score Card 2026", "RSSB"),
    ("Rajasthan Staff Selection Board", "RSSB"), ("Uttar Pradesh UP DELEd 2 Year Course", "UP PNP"),
    ("UPPRPB Constable", "UP Police"), ("Railway Recruitment Boards (RRB)", "RRB"),
    ("Join Indian Army (Bhartiya Sena)", "Indian Army"), ("Yantra India Limited (YIL)", "YIL"),
])
def test_aliases(text, short):
    assert canonical_organisation(text)[1] == short


def test_the_first_text_that_names_one_wins():
    assert canonical_organisation("NTA CUET UG Online Form 2026", "UP Police Constable Correction")[1] == "NTA"


def test_unknown_is_none():
    assert canonical_organisation("Some Municipal Body", None) is None


@pytest.mark.parametrize(("text", "short"), [
    ("Jharkhand SSC Recruitment 2025", "JSSC"),
    ("Bihar SSC Inter Level Recruitment 2025", "BSSC"),
    ("SSC GD Constable 2026", "SSC"),
])
def test_a_states_staff_selection_commission_is_not_the_central_ssc(text, short):
    assert canonical_organisation(text)[1] == short


@pytest.mark.parametrize(("text", "short"), [
    ("SBI Recruitment of Junior Associates", "SBI"), ("NBL Notification For The Posts Of Specialist Officers", "Nainital Bank"),
    ("AIIMS Recruitment to Various Group-A Non-Faculty Posts", "AIIMS"), ("Airports Authority of India", "AAI"),
])
def test_employers_an_agency_recruits_for(text, short):
    assert canonical_organisation(text)[1] == short
