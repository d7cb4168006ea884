"""bench/demo_quality.py on a small snapshot: each count finds what it is for."""

from bench.demo_quality import Labels, measure


def _job(title, source="rrb_chandigarh", url="http://rrbcdg.gov.in/uploads/x.pdf", **facts):
    return {"facts": {"title": title, "organisation": "Railway Recruitment Board", "organisation_short": "RRB",
                      "source": source, "source_url": url, "source_kind": "official", "links": [], **facts},
            "events": [{"source": source, "source_url": url, "link": url, "title": title}]}


LABELS = Labels([{"source": "rrb_chandigarh", "title": "Tender for Taxi Hiring 2016-17", "url": "http://t/x.PDF",
                  "kind": "not_job"}])


def test_a_page_whose_notices_are_labelled_not_jobs_is_counted():
    report = measure({"jobs": [_job("Tender for Taxi Hiring 2016-17", url="http://t/x.PDF")]}, LABELS)
    assert report["non_job_pages"] == ["Tender for Taxi Hiring 2016-17"]


def test_an_apply_link_to_an_aggregator_is_counted():
    job = _job("RRB ALP Online Form 2018", application_link="http://www.sarkariresult.com/page/rrb012018.php")
    report = measure({"jobs": [job]}, LABELS)
    assert report["link_fields"]["application_link"] == (1, 1)


def test_link_text_and_file_name_titles_are_counted():
    report = measure({"jobs": [_job("Click here for Advt. 7/2016"), _job("Ntpc Advt Jd Merged (1)")]}, LABELS)
    assert (report["link_text_titles"], report["file_name_titles"]) == (["Click here for Advt. 7/2016"],
                                                                         ["Ntpc Advt Jd Merged (1)"])


def test_two_recruitments_on_one_page_are_counted():
    job = _job("09 Posts of Junior Works Manager (Metallurgical) in Ministry of Defence")
    job["events"].append({"source": "upsc", "source_url": "u", "link": "u",
                          "title": "153 Posts of Junior Works Manager (Mechanical), Ministry of Defence"})
    grouping = measure({"jobs": [job]}, LABELS)["grouping"]
    assert grouping["pages merging UPSC Junior Works Manager: Mechanical 153 / Metallurgical 9 (target 0)"] == 1
