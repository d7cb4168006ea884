"""Sample jobs for the SEO tests: one per stage family, a sparse one, and injected notices."""

from __future__ import annotations

import datetime as dt

from core.domain.schema import Fees, JobPosting, Stage

UPSC = {"source": "upsc", "source_url": "https://upsc.gov.in/notice", "source_kind": "official",
        "organisation": "Union Public Service Commission", "organisation_short": "UPSC"}


def recruitment(**changes) -> JobPosting:
    data = {
        **UPSC, "title": "Civil Services (Preliminary) Examination 2026", "stage": Stage.recruitment,
        "exam_year": 2026, "advt_no": "05/2026-CSP", "apply_start": dt.date(2026, 1, 14),
        "apply_last": dt.date(2026, 2, 3), "exam_date": dt.date(2026, 5, 24), "total_posts": 979,
        "age_min": 21, "age_max": 32, "age_as_on": dt.date(2026, 8, 1),
        "fees": Fees(general=100, female=0, sc_st=0, pwd=0),
        "application_link": "https://upsconline.gov.in/",
    }
    data.update(changes)
    return JobPosting(**data)


def every_stage() -> list[JobPosting]:
    """One job per stage, with the facts a notice of that stage usually has."""
    jobs = [recruitment()]
    rrb = {"source": "rrb_chandigarh", "source_url": "https://www.rrbcdg.gov.in/n.html",
           "organisation": "Railway Recruitment Board, Chandigarh", "organisation_short": "RRB"}
    for stage in Stage:
        extra = {
            Stage.online_form: {"apply_last": dt.date(2018, 3, 31), "total_posts": 62907,
                                "fees": Fees(general=500, sc_st=250)},
            Stage.exam_date: {"exam_date": dt.date(2018, 9, 17)},
            Stage.admit_card: {"exam_date": dt.date(2018, 9, 17), "admit_card_date": dt.date(2018, 9, 7)},
            Stage.answer_key: {"answer_key_date": dt.date(2018, 12, 20)},
            Stage.result: {"result_date": dt.date(2019, 3, 4), "total_posts": 62907},
        }.get(stage, {})
        title = f"Group D CEN 02/2018 {stage.label}" if stage != Stage.other else "Group D CEN 02/2018"
        jobs.append(JobPosting(**rrb, title=title, stage=stage, advt_no="CEN 02/2018",
                               exam_year=2018, **extra))
    return jobs


def sparse() -> JobPosting:
    return JobPosting(source="hr_hssc", source_url="https://hssc.gov.in/", title="Notice regarding CET",
                      organisation="Haryana Staff Selection Commission")
