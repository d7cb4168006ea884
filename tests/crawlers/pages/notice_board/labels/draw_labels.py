"""How the real-board labels were drawn: each board's notice area, found by reading the page, taken
with an explicit selector; then the rows a reader must not yield were excluded by hand (tenders,
empanelment, grievance and promotion notices, welcome lines, general instructions).

    .venv/bin/python tests/crawlers/pages/notice_board/labels/draw_labels.py   (from /work/main)
"""

import json
import re
from pathlib import Path

from scrapy.http import HtmlResponse

from crawlers.base import clean_text

HERE = Path(__file__).resolve().parent
REAL = HERE.parent / "real"


def page(file: str, url: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=(REAL / file).read_bytes())


def text(selector) -> str:
    return clean_text(selector.css("::text").getall())


def label(key, file, url, titles, how, excluded=()):
    notices = []
    for title in titles:
        if title and title not in notices and title not in excluded:
            notices.append(title)
    record = {"url": url, "file": file, "how": how, "notices": notices,
              "excluded_by_hand": list(excluded)}
    (HERE / f"{key}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    print(key, len(notices), "excluded", len(excluded))


def upsc():
    file, url = "upsc_gov_in_home_whatsnew_2018.html", "http://upsc.gov.in/"
    rows = page(file, url).css("div.view-what-new .views-row")
    titles = [text(row.css("a")[0]) for row in rows if row.css("a")]
    titles += ["Civil Services (Preliminary) Examination, 2018",
               "Combined Defence Services Examination (I), 2017 OTA",
               "Indian Economic Service and Indian Statistical Service Examination, 2018",
               "Combined Geo-Scientist and Geologist Examination, 2018"]
    label("upsc", file, url, titles, "What's New rows (div.view-what-new .views-row, first link)"
          " + the 4 active/forthcoming examinations")


def rrb_chandigarh():
    file, url = "rrbcdg_gov_in_home_notices_2018.html", "http://rrbcdg.gov.in/"
    titles = []
    for row in page(file, url).xpath("//tr[td]"):
        cells = row.xpath("./td")
        if len(cells) < 2:
            continue
        subject = clean_text(cells[1].css("a::text, span::text").getall()) or text(cells[1])
        if subject and not re.match(r"^\s*(date|subject)\s*$", subject, re.I):
            titles.append(subject)
    excluded = [t for t in titles if re.search(r"Empanelment|RFQ|Tender", t)]
    label("rrb_chandigarh", file, url, titles, "every DATE/SUBJECT table row (subject text)",
          excluded)


def apsc():
    file, url = "apsc_nic_in_home_2018.html", "http://apsc.nic.in/"
    titles = [text(a) for a in page(file, url).css("marquee a")]
    label("apsc", file, url, titles, '"Latest Updates" marquee links',
          [t for t in titles if re.search("Grievance|Promotion", t)])


def tnpsc():
    file, url = "tnpsc_gov_in_home_2018.html", "http://tnpsc.gov.in/"
    titles = [text(a) for a in page(file, url).css("#ticker01 li, #vmarquee h2")]
    label("tnpsc", file, url, titles, "Latest News ticker + What's New marquee",
          [t for t in titles if "Welcome" in t or "Instructions to Applicants" in t])


def mppsc():
    label("mppsc", "mppsc_nic_in_home_2018.html", "http://mppsc.nic.in/",
          ["Final Answer Key - State Service Examination 2018"],
          "the single notice (final answer key PDF)")


def ossc():
    file, url = "ossc_gov_in_home_2018.html", "http://ossc.gov.in/"
    titles = [re.sub(r"\s*\bNew\b\s*$", "", text(li)) for li in page(file, url).css("ul.list2 li")]
    label("ossc", file, url, titles, '"What is New" ul.list2 li rows (trailing New marker removed)',
          [t for t in titles if re.search(r"QUOTATION|TENDER", t, re.I)])


def hssc():
    file, url = "hssc_gov_in_home_2018.html", "http://hssc.gov.in/"
    titles = []
    for a in page(file, url).css("a"):
        image = a.css("img")
        found = text(a) or a.attrib.get("title", "") or (image.attrib.get("alt", "") if image else "")
        if re.search(r"advt|advertisement|recruitment|admit card|preferences", found, re.I):
            titles.append(clean_text(found))
    titles += ["Corrigendum Regarding Advt. No.12/2015 Cat.No. 1,2,3,4,5 and 6",
               "Interview Notice for the post of Agriculture Inspector ( Soil Conservaion)"]
    menu = ("Advertisements", "Recruitment", "Recruitment Process", "All Interviews/Corrigendum More")
    label("hssc", file, url, titles, "advertisement portal links (text/title/alt), result row,"
          " interview/corrigendum row", [t for t in titles if t in menu])


def navy():
    file, url = "joinindiannavy_gov_in_home_2018.html", "http://joinindiannavy.gov.in/"
    titles = [text(li) for li in page(file, url).css("#js-news li")]
    label("navy", file, url, titles, "What's New (#js-news li, no links)",
          [t for t in titles if "Aadhaar" in t])


def appsc():
    # The 24 live rows run from the JE (Civil) advertisement to the Group-A/B advertisement; the
    # links above them are standing information (rules, syllabi, calendar), the ~150 below sit in
    # HTML comments.
    file, url = "appsc_gov_in_home_2018.html", "http://appsc.gov.in/"
    titles = [text(a) for a in page(file, url).css("a")]
    start = titles.index("Advertisement for the post of Junior Engineer(Civil)/AUPO")
    end = titles.index("Advertisement for various posts under Group-A and Group-B GoAP")
    live = [t for t in titles[start:end + 1] if t and t != "Apply online"]
    label("appsc", file, url, live, "the live notice rows (links outside comments, JE (Civil)"
          " advertisement .. Group-A/B advertisement), without the 'Apply online' links")


def opsc():
    file, url = "opsc_gov_in_home_whatsnew_2026.html", "https://www.opsc.gov.in/"
    titles = [text(li.css(".content_title")) for li in page(file, url).css("#div_all_data > ul > li")]
    label("opsc", file, url, titles, "What's New rows (#div_all_data li .content_title)",
          [t for t in titles if "procurement" in t])


def upsssc():
    file, url = "upsssc_gov_in_home_2018.html", "http://upsssc.gov.in/"
    response = page(file, url)
    titles = [text(a) for a in response.css("a") if re.search(
        r"PDFFILE/3xam|View_Notices|Download_Interview", a.attrib.get("href", ""))]
    label("upsssc", file, url, titles, "the notice marquee, the View_Notices rows and the"
          " interview-letter link")


def rrbonlinereg():
    label("rrbonlinereg", "rrbonlinereg_com_cen02_2018_apply_portal.html",
          "http://www.rrbonlinereg.com/", ["CEN.No.02/2018", "Corrigendum CEN 02-2018"],
          "the CEN and its corrigendum (the rest is the application portal's own menu)")


def indianairforce():
    file, url = "indianairforce_nic_in_home_2018.html", "http://indianairforce.nic.in/"
    titles = [text(a) for a in page(file, url).css("#js-news li a")]
    label("indianairforce", file, url, titles, "What's New (#js-news); press releases and"
          " events are not notices", [t for t in titles if t != "CAREER AND RECRUITMENTS"])


if __name__ == "__main__":
    for draw in (upsc, rrb_chandigarh, apsc, tnpsc, mppsc, ossc, hssc, navy, appsc, opsc, upsssc,
                 rrbonlinereg, indianairforce):
        draw()
