"""The official-domain registry and the judgement of a link, on real hosts from the captured pages."""

import pytest

from core.domain.official_domains import judge_url, lookalike_of, registry, site_domain

HSSC = (("Haryana Staff Selection Commission", "HSSC"),)
RRB = (("Railway Recruitment Board", "RRB"),)


@pytest.mark.parametrize(("host", "site"), [
    ("adv12018.hryssc.in", "hryssc.in"),
    ("www.rrbcdg.gov.in", "rrbcdg.gov.in"),
    ("apps.bpsc.bih.nic.in", "bpsc.bih.nic.in"),
    ("rpsc.rajasthan.gov.in", "rpsc.rajasthan.gov.in"),
    ("SarkariAfsar.com.cm", "sarkariafsar.com.cm"),
])
def test_site_of_a_host(host, site):
    assert site_domain(host) == site


def test_a_per_advertisement_portal_the_board_links_is_official():
    assert judge_url("http://adv12018.hryssc.in", HSSC).verdict == "official"


def test_the_apply_portal_a_railway_board_links_is_official():
    assert judge_url("https://www.rly-rect-appn.in/alptech2017", RRB).verdict == "official"


def test_an_aggregator_is_never_official_even_for_its_own_posts():
    judged = judge_url("http://www.sarkariresult.com/page/rrb022018.php", RRB, "http://www.sarkariresult.com/",
                       "aggregator")
    assert judged.verdict == "aggregator" and not judged.official


def test_a_government_domain_is_official_for_any_notice():
    assert judge_url("https://bpsc.bihar.gov.in/", (("Bihar Public Service Commission", "BPSC"),)).official


def test_a_site_unknown_for_the_organisation_is_not_official():
    judged = judge_url("https://apply-csbc.com/csbc__driv_225_physical_admit_v1/searchApplication",
                       (("Central Selection Board of Constable, Bihar", "CSBC"),), None, "aggregator")
    assert judged.verdict == "unknown" and "apply-csbc.com" in judged.reason


def test_the_official_board_a_notice_was_read_on_is_official():
    assert judge_url("https://www.cris.org.in/PDF/x.pdf", (("Some Unregistered Board", None),),
                     "https://www.cris.org.in/careers").verdict == "official"


@pytest.mark.parametrize(("host", "imitated"), [
    ("sarkariafsar.com.cm", "sarkariafsar.com"),
    ("sarkariresutl.com", "sarkariresult.com"),
    ("upsc.gov.in.jobs-portal.com", "upsc.gov.in"),
])
def test_look_alike_domains(host, imitated):
    assert lookalike_of(host) == imitated


@pytest.mark.parametrize("host", ["wbssc.nic.in", "rrbjammu.nic.in", "ibpsreg.ibps.in", "meraup.com"])
def test_real_sites_are_not_look_alikes(host):
    assert lookalike_of(host) is None


def test_a_short_name_shared_by_two_bodies_does_not_lend_one_its_sites():
    # APPSC is Andhra Pradesh's in the organisation scrape and Arunachal Pradesh's on its own board
    domains = registry().domains_of(("Arunachal Pradesh Public Service Commission", "APPSC"))
    assert "appsc.gov.in" in domains and "psc.ap.gov.in" not in domains


def test_every_registered_domain_has_its_evidence():
    import json

    from core.domain.official_domains import REGISTRY_PATH

    data = json.loads(REGISTRY_PATH.read_text(encoding="utf-8"))
    assert all(set(o["domains"]) == set(o["evidence"]) for o in data["organisations"])
    assert registry().aggregators == frozenset(data["aggregators"])
