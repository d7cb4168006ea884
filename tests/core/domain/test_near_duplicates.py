"""Near duplicates: same organisation and year, similar subject, facts that do not contradict."""

import datetime as dt

from core.domain.near_duplicates import best_match, contradiction, is_near_duplicate, subject
from core.domain.schema import JobPosting


def job(title, **fields):
    base = {"source": "t", "source_url": "https://example.in/", "organisation": "Rajasthan Police",
            "organisation_short": "Rajasthan Police", "title": title}
    return JobPosting.model_validate({**base, **fields})


def test_subject_drops_organisation_stage_and_filler_words():
    assert subject(job("Rajasthan Police Constable Bharti 2025 Online Form")) == "constable"


def test_the_same_recruitment_titled_differently_is_a_near_duplicate():
    assert is_near_duplicate(job("Rajasthan Police Constable Bharti 2025"),
                             job("Rajasthan Police Constable Recruitment 2025 Apply Online"))


def test_a_re_titled_page_a_year_later_with_the_same_dates_is_the_same_job():
    dates = {"apply_start": dt.date(2025, 4, 28), "apply_last": dt.date(2025, 5, 25)}
    assert is_near_duplicate(job("Rajasthan Police Constable Recruitment 2025", **dates),
                             job("Rajasthan Police Constable Joining Order 2026", **dates))
    assert contradiction(job("Rajasthan Police Constable Recruitment 2025"),
                         job("Rajasthan Police Constable Joining Order 2026")) == "different years"


def test_different_subjects_with_identical_dates_are_different_jobs():
    dates = {"organisation": "Bihar Public Service Commission", "organisation_short": "BPSC",
             "apply_start": dt.date(2026, 1, 12), "apply_last": dt.date(2026, 2, 2)}
    assert not is_near_duplicate(job("Bihar BPSC ACF Recruitment 2026", **dates),
                                 job("Bihar BPSC Factory Inspector Recruitment 2026", **dates))


def test_contradicting_facts_are_never_near_duplicates():
    a = job("Rajasthan Police Constable Recruitment 2025", apply_last=dt.date(2025, 5, 25))
    assert "too far apart" in contradiction(a, job("Rajasthan Police Constable Bharti 2025", apply_last=dt.date(2025, 11, 1)))
    assert contradiction(job("X 2025", advt_no="01/2025"), job("X 2025", advt_no="02/2025")) == "different advertisement numbers"
    other_org = job("Rajasthan Police Constable 2025", organisation="Rajasthan Public Service Commission", organisation_short="RPSC")
    assert contradiction(job("Rajasthan Police Constable 2025"), other_org) == "different organisations"


def test_best_match_is_order_independent():
    posting = job("Rajasthan Police Constable Bharti 2025")
    candidates = [(7, job("Rajasthan Police Constable Recruitment 2025")), (3, job("Rajasthan Police Constable Online Form 2025")),
                  (5, job("Rajasthan Police SI Recruitment 2025"))]
    assert best_match(posting, candidates) == best_match(posting, candidates[::-1]) == 3


def _rrb(title, **fields):
    return job(title, organisation="Railway Recruitment Board", organisation_short="RRB", **fields)


def test_the_official_cen_and_an_aggregators_post_of_rrb_alp_2018_are_one_recruitment():
    official = _rrb("CEN-01/2018 - Detailed Centralised Employment Notice for Recruitment of Assistant Loco Pilot "
                    "(ALP) & Technicians.", advt_no="CEN 01/2018")
    assert is_near_duplicate(official, _rrb("Railway RRB ALP, Technician 26502 Post Online Form 2018",
                                            source_kind="aggregator", total_posts=26502))


def test_rrb_level_1_posts_are_group_d():
    assert subject(_rrb("CEN-02/2018 - Detailed Centralized Employment Notification for the Recruitment of various "
                        "posts in Level-1 of 7th CPC Pay Matrix.")) == subject(_rrb("RRB Railway Group D Online Form 2018"))


def test_one_count_and_a_notices_subject_inside_the_jobs_make_one_recruitment():
    assert is_near_duplicate(_rrb("RRB ALP Recruitment Bharti 2018 For 26502 Post (Last Date Extended)", total_posts=26502),
                             _rrb("Railway RRB ALP, Technician 26502 Post Online Form 2018", total_posts=26502))


def _upsc(title, posts):
    return job(title, organisation="Union Public Service Commission", organisation_short="UPSC", total_posts=posts)


def test_differently_named_posts_with_different_counts_are_two_recruitments():
    assert contradiction(_upsc("Recruitment to 47 Posts of Public Prosecutors in CBI", 47),
                         _upsc("Recruitment to 15 Post of Assistant Public Prosecutors in CBI", 15)) == \
        "different posts: 47 and 15 posts of differently named posts"


def test_two_disciplines_of_one_post_are_two_recruitments():
    assert not is_near_duplicate(_upsc("09 Posts of Junior Works Manager (Metallurgical) in Ministry of Defence", None),
                                 _upsc("153 Posts of Junior Works Manager (Mechanical), Ministry of Defence", None))


def test_two_grades_of_one_post_are_two_recruitments():
    dst = {"organisation": "DST (Ministry/Research Lab)", "organisation_short": None}
    assert contradiction(job("Advertisement for filling up 02 posts of Scientist 'D' on deputation (ISTC) basis in DST", **dst),
                         job("Advertisement for filling up of one post of Scientist G in DST by Direct Recruitment", **dst)) \
        == "different posts: d and g"


def test_two_official_advertisements_with_different_counts_are_two_recruitments():
    dst = {"organisation": "DST (Ministry/Research Lab)", "organisation_short": None, "stage": "recruitment"}
    assert contradiction(job("Advertisement for filling up 04 posts of Scientists on direct recruitment basis in DST",
                             total_posts=4, **dst),
                         job("Advertisement for filling up of 13 posts of Scientists on direct recruitment basis in DST",
                             total_posts=13, **dst)) == "two advertisements: 4 and 13 posts"


def test_a_corrigendum_may_change_the_count_of_the_same_posts():
    a = _rrb("RRB Group D Online Form 2018", total_posts=62907, source_kind="aggregator")
    assert contradiction(a, _rrb("Railway Group D Form 2018 – Last Date Extended till 31st March",
                                 total_posts=62900, source_kind="aggregator")) is None


def test_an_aggregator_post_of_two_recruitments_is_not_one_of_them():
    official = _rrb("CEN-01/2018 - Detailed Centralised Employment Notice for Recruitment of Assistant Loco Pilot "
                    "(ALP) & Technicians.", advt_no="CEN 01/2018")
    both = _rrb("RRB Recruitment 2018 – Railway Recruitment Board – 89409 Group-D, Assistant Loco Pilot (ALP) & "
                "Technicians Vacancy – Last Date 31 March", source_kind="aggregator")
    assert contradiction(official, both) == "different posts: group - and group d"


def test_a_corrigendum_of_an_advertisement_has_the_advertisements_subject():
    assert subject(_rrb("CEN-01/2018 - Corrigendum-2 to Detailed CEN (ALP & Technician)")) == "alp technician"


def test_a_shorter_subject_joins_an_official_advertisement_that_contains_it():
    official = _rrb("CEN-01/2018 - Detailed Centralised Employment Notice for Recruitment of Assistant Loco Pilot "
                    "(ALP) & Technicians.", advt_no="CEN 01/2018")
    assert is_near_duplicate(_rrb("RRB ALP Recruitment Bharti 2018 For 26502 Post (Last Date Extended)",
                                  source_kind="aggregator"), official)


def test_a_post_naming_more_than_an_advertised_job_does_not_join_it():
    official = _rrb("CEN-02/2018 - Corrigendum to Detailed CEN (Level-1 Posts of 7th CPC Pay Matrix)", advt_no="CEN 02/2018")
    both = _rrb("RRB Recruitment 2018 – Railway Recruitment Board – 89409 Group-D, Assistant Loco Pilot (ALP) & "
                "Technicians Vacancy – Last Date 31 March", source_kind="aggregator")
    assert not is_near_duplicate(both, official)


def test_a_notice_naming_a_jobs_advertisement_number_is_that_jobs_whatever_its_title():
    official = _rrb("CEN-01/2018 - Detailed Centralised Employment Notice for Recruitment of Assistant Loco Pilot "
                    "(ALP) & Technicians.", advt_no="CEN 01/2018")
    assert is_near_duplicate(_rrb("CEN-01/2018 - Corrigendum to the Employment News dated 03.02.2018.",
                                  advt_no="CEN 01/2018"), official)
