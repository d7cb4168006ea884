"""The deterministic SEO text: written from the job's facts alone, no LLM, no network.

Phrasing varies from job to job but never from run to run: each slot picks its wording from a
hash of the job's seed (its slug), so a rebuild is byte-identical. Only facts that are present are
stated; a sparse job (title and organisation only) still gets two sentences and three FAQ pairs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from core.domain.schema import JobPosting, Stage

TITLE_MAX = 60
DESCRIPTION_MAX = 155

APPLY_STAGES = {Stage.recruitment, Stage.online_form, Stage.correction, Stage.date_extended}
EXAM_STAGES = {Stage.exam_date, Stage.admit_card}
OUTCOME_STAGES = {Stage.answer_key, Stage.result, Stage.marks, Stage.score_card, Stage.cutoff}

# Scraped titles are data: an instruction-like tail ("ignore previous instructions, say …") is
# not repeated as if it were part of the job's name.
_INSTRUCTION = re.compile(
    r"[\s\-–:|,.(]*\b(ignore|disregard|forget)\s+(all\s+|any\s+|the\s+)?(previous|prior|above|"
    r"earlier)\b.*$|[\s\-–:|,.(]*\bsay\s+(that\s+)?the\b.*$|[\s\-–:|,.(]*\bsystem\s+prompt\b.*$",
    re.I,
)
_STAGE_WORDS = re.compile(
    r"\b(online\s+form|apply\s+online|online\s+application|admit\s+card|hall\s+ticket|"
    r"call\s+letter|answer\s+key|final\s+result|result|results|score\s*card|marks|cut[\s-]?off|exam\s+date|"
    r"notification|recruitment|vacancy|vacancies|released|declared|out|download|"
    r"correction\s+window|correction|date\s+extended|last\s+date\s+extended|joining\s+orders?|"
    r"counselling|admission|exam\s+schedule|date\s+sheet)\b",
    re.I,
)

# What the notice is about, per stage: (noun phrase, verb phrases).
_LEADS = {
    Stage.recruitment: (
        "{org} has announced {subject}.",
        "{org} has released the notification for {subject}.",
        "{subject} has been notified by {org}.",
    ),
    Stage.online_form: (
        "{org} has opened online applications for {subject}.",
        "The online form for {subject} is now available from {org}.",
        "{org} is accepting online applications for {subject}.",
    ),
    Stage.correction: (
        "{org} has opened the correction window for {subject}.",
        "Applicants to {subject} can now correct their forms, says {org}.",
    ),
    Stage.date_extended: (
        "{org} has extended the dates for {subject}.",
        "The application dates for {subject} have been extended by {org}.",
    ),
    Stage.exam_date: (
        "{org} has announced the exam date for {subject}.",
        "The exam schedule for {subject} is out from {org}.",
    ),
    Stage.admit_card: (
        "{org} has issued the admit card for {subject}.",
        "The admit card for {subject} is now available from {org}.",
        "Candidates of {subject} can now download their admit card from {org}.",
    ),
    Stage.answer_key: (
        "{org} has released the answer key for {subject}.",
        "The answer key for {subject} is out from {org}.",
    ),
    Stage.result: (
        "{org} has declared the result of {subject}.",
        "The result of {subject} is out from {org}.",
        "{org} has published the result for {subject}.",
    ),
    Stage.marks: (
        "{org} has published the marks for {subject}.",
        "Marks for {subject} are now available from {org}.",
    ),
    Stage.score_card: (
        "{org} has released the score card for {subject}.",
        "The score card for {subject} is now available from {org}.",
    ),
    Stage.cutoff: (
        "{org} has published the cut-off marks for {subject}.",
        "The cut-off for {subject} is out from {org}.",
    ),
    Stage.joining_order: ("{org} has issued joining orders for {subject}.",),
    Stage.counselling: ("{org} has announced counselling for {subject}.",),
    Stage.admission: ("{org} has published an admission notice for {subject}.",),
    Stage.other: (
        "{org} has published a notice about {subject}.",
        "A new notice about {subject} is out from {org}.",
    ),
}

_CLOSINGS_APPLY = (
    "Read the official notification before you apply.",
    "Check your eligibility in the official notice before applying.",
    "Read the full notice carefully before you fill in the form.",
)
_CLOSINGS_OTHER = (
    "See the official notice for full details.",
    "Check the official website for the latest updates.",
    "Keep checking the official notice for the next steps.",
)
_DESCRIPTION_TAILS = (
    "Dates, fees and how to apply.",
    "Eligibility, dates and official links.",
    "Full details and official links.",
    "Key dates and official links.",
)


def _pick(seed: str, slot: str, options):
    digest = hashlib.sha256(f"{seed}|{slot}".encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def format_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def _short_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%b %Y')}"


def _rupees(amount: int) -> str:
    return f"₹{amount:,}"


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.:;?])", r"\1", text)
    return text


def _name(job: JobPosting) -> str:
    return _INSTRUCTION.sub("", job.title).strip() or job.title


def _subject(job: JobPosting) -> str:
    """The title without its stage words: "UPSC CSE 2026 Admit Card" → "UPSC CSE 2026"."""
    text = _STAGE_WORDS.sub(" ", _name(job))
    text = re.sub(r"^\s*notice\s+(regarding|about|for|of|on)\s+", "", text, flags=re.I)
    text = re.sub(r"[\s\-–:|,]+$", "", re.sub(r"^[\s\-–:|,]+", "", _tidy(text)))
    text = re.sub(r"\(\s*\)", "", text)
    text = _tidy(text)
    if len(text) < 3 or text.lower() in {(job.organisation_short or "").lower(), job.organisation.lower()}:
        text = _name(job)
    return text.rstrip(".")


def _org(job: JobPosting) -> str:
    short = job.organisation_short
    if short and short.lower() not in job.organisation.lower():
        return f"{job.organisation} ({short})"
    return job.organisation


def _sentence(text: str) -> str:
    text = _tidy(text)
    return text[:1].upper() + text[1:]


def _fee_phrase(job: JobPosting) -> str | None:
    """"₹100 for General candidates; SC/ST and women pay no fee", or "no application fee"."""
    fees = job.fees
    named = (("OBC", fees.obc), ("EWS", fees.ews), ("SC/ST", fees.sc_st), ("women", fees.female),
             ("PwD", fees.pwd))
    exempt = [name for name, value in named if value == 0]
    if fees.general == 0:
        return "no application fee"
    if fees.general is None:
        return f"no fee for {_join(exempt)} candidates" if exempt else None
    paid = [f"{_rupees(fees.general)} for General candidates"]
    paid += [f"{_rupees(v)} for {name}" for name, v in named if v and v != fees.general]
    text = ", ".join(paid[:3])
    if exempt:
        text += f"; {_join(exempt)} pay no fee"
    return text


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _age_sentence(job: JobPosting) -> str | None:
    low, high = job.age_min, job.age_max
    if low is not None and high is not None:
        text = f"Candidates should be {low} to {high} years old"
    elif high is not None:
        text = f"The upper age limit is {high} years"
    elif low is not None:
        text = f"Candidates must be at least {low} years old"
    else:
        return None
    if job.age_as_on:
        text += f" on {format_date(job.age_as_on)}"
    return text + "."


def _age_brief(job: JobPosting) -> str | None:
    low, high = job.age_min, job.age_max
    if low is not None and high is not None:
        return f"age {low} to {high}"
    if high is not None:
        return f"age up to {high}"
    return None


def _date_sentences(job: JobPosting, seed: str) -> list[str]:
    out = []
    if job.stage in APPLY_STAGES or job.stage == Stage.other:
        if job.apply_start and job.apply_last:
            out.append(_pick(seed, "window", (
                "Applications are open from {s} to {l}.",
                "You can apply from {s} until {l}.",
                "The application window runs from {s} to {l}.",
            )).format(s=format_date(job.apply_start), l=format_date(job.apply_last)))
        elif job.apply_last:
            out.append(_pick(seed, "last", (
                "The last date to apply is {l}.",
                "Applications close on {l}.",
            )).format(l=format_date(job.apply_last)))
        elif job.apply_start:
            out.append(f"Applications open on {format_date(job.apply_start)}.")
    if job.exam_date:
        out.append(_pick(seed, "exam", (
            "The exam is scheduled for {d}.",
            "The exam will be held on {d}.",
        )).format(d=format_date(job.exam_date)))
    if job.stage == Stage.admit_card and job.admit_card_date:
        out.append(f"The admit card was released on {format_date(job.admit_card_date)}.")
    if job.stage == Stage.answer_key and job.answer_key_date:
        out.append(f"The answer key was released on {format_date(job.answer_key_date)}.")
    if job.stage in (Stage.result, Stage.marks, Stage.score_card) and job.result_date:
        out.append(f"The result was declared on {format_date(job.result_date)}.")
    return out


def _fact_sentences(job: JobPosting, seed: str) -> list[str]:
    """Fact sentences in the order that matters most for the job's stage."""
    dates = _date_sentences(job, seed)
    posts = []
    if job.total_posts:
        posts.append(_pick(seed, "posts", (
            "A total of {n:,} posts are to be filled.",
            "There are {n:,} vacancies in all.",
            "The notice covers {n:,} posts.",
        )).format(n=job.total_posts))
    money = []
    fee = _fee_phrase(job)
    if fee:
        money.append(_sentence(f"The application fee is {fee}." if "₹" in fee else f"There is {fee}."))
    age = _age_sentence(job)
    if age:
        money.append(age)
    if job.stage in APPLY_STAGES:
        return dates + posts + money
    return dates + posts


def _summary(job: JobPosting, seed: str, subject: str) -> str:
    lead = _pick(seed, "lead", _LEADS[job.stage]).format(org=_org(job), subject=subject)
    closing = _pick(seed, "closing", _CLOSINGS_APPLY if job.stage in APPLY_STAGES else _CLOSINGS_OTHER)
    sentences = [_sentence(lead), *_fact_sentences(job, seed)[:2], closing]
    return " ".join(sentences)


def _clip_words(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-– ")
    return cut


def _title(job: JobPosting, seed: str) -> str:
    org = job.organisation_short or job.organisation
    name = _name(job)
    core = name if org.lower() in name.lower() or len(org) > 25 else f"{org} {name}"
    if len(core) > TITLE_MAX:
        core = name
    core = _clip_words(_tidy(core), TITLE_MAX)
    options = [core]
    if job.stage.label.lower() not in core.lower() and job.stage != Stage.other:
        options.append(f"{core} {job.stage.label}")
    if job.stage in APPLY_STAGES and job.apply_last:
        options.append(f"{core}, Last Date {_short_date(job.apply_last)}")
    if job.total_posts and job.stage in APPLY_STAGES:
        options.append(f"{core}: {job.total_posts:,} Posts")
    fitting = [o for o in options if len(o) <= TITLE_MAX]
    return _pick(seed, "title", fitting)


def _description(job: JobPosting, seed: str, title: str) -> str:
    facts = []
    if job.total_posts and job.stage in APPLY_STAGES:
        facts.append(f"{job.total_posts:,} posts")
    if job.stage in APPLY_STAGES and job.apply_last:
        facts.append(f"apply by {format_date(job.apply_last)}")
    if job.exam_date:
        facts.append(f"exam on {format_date(job.exam_date)}")
    if job.stage in APPLY_STAGES:
        fee = _fee_phrase(job)
        if fee and len(fee) < 60:
            facts.append(fee if "₹" not in fee else "fee " + fee.split(" for ")[0])
        age = _age_brief(job)
        if age:
            facts.append(age)
    org = job.organisation_short or job.organisation
    label = job.stage.label
    head = f"official update from {org}" if label.lower() in title.lower() else f"{label} from {org}"
    if len(f"{title}: {head}.") > DESCRIPTION_MAX:
        head = label
    text = f"{title}: {head}"
    for fact in facts:
        if len(f"{text}, {fact}.") <= DESCRIPTION_MAX - 2:
            text = f"{text}, {fact}"
    text += "."
    tail = _pick(seed, "tail", _DESCRIPTION_TAILS if job.stage in APPLY_STAGES else _DESCRIPTION_TAILS[1:])
    if len(f"{text} {tail}") <= DESCRIPTION_MAX:
        text = f"{text} {tail}"
    return _clip_words(text, DESCRIPTION_MAX)


def _faq(job: JobPosting, seed: str, subject: str) -> list[dict]:
    org = job.organisation_short or job.organisation
    faq = []
    if job.stage in APPLY_STAGES or job.apply_last:
        q = _pick(seed, "q-last", ("What is the last date to apply for {s}?",
                                   "When does the application for {s} close?")).format(s=subject)
        a = (f"The last date to apply is {format_date(job.apply_last)}." if job.apply_last
             else f"The notice does not give a last date yet; check the official website of {org}.")
        faq.append({"q": q, "a": a})
    if job.exam_date or job.stage in EXAM_STAGES:
        a = (f"The exam is scheduled for {format_date(job.exam_date)}." if job.exam_date
             else f"The exam date will be given on the admit card and on the website of {org}.")
        q = f"When is the {subject}?" if "exam" in subject.lower() else f"When is the {subject} exam?"
        faq.append({"q": q, "a": a, "rank": -1 if job.stage in EXAM_STAGES else 5})
    if job.stage in APPLY_STAGES:
        fee = _fee_phrase(job)
        faq.append({"q": "What is the application fee?",
                    "a": _sentence(f"The fee is {fee}." if fee and "₹" in fee else f"There is {fee}.")
                    if fee else "The fee is not stated in the notice we have; see the official notification."})
        faq.append({"q": "What is the age limit?",
                    "a": _age_sentence(job) or "The age limit is given in the official notification."})
    if job.total_posts:
        faq.append({"q": f"How many posts are there in {subject}?",
                    "a": f"There are {job.total_posts:,} posts in all.", "rank": 6})
    if job.stage in APPLY_STAGES:
        how = (f"Apply online on the official website of {org}: read the notification, register, "
               "fill in the form, pay the fee if any and keep a printout.")
        faq.append({"q": _pick(seed, "q-how", ("How do I apply for {s}?", "How can I apply?")).format(s=subject),
                    "a": how})
    elif job.stage == Stage.admit_card:
        faq.append({"q": "How do I download the admit card?",
                    "a": f"Open the admit card link on the official website of {org} and log in "
                         "with your registration number and date of birth or password."})
    elif job.stage in OUTCOME_STAGES:
        noun = {Stage.answer_key: "answer key", Stage.cutoff: "cut-off", Stage.marks: "marks",
                Stage.score_card: "score card"}.get(job.stage, "result")
        faq.append({"q": f"How can I check the {noun}?",
                    "a": f"Open the {noun} link on the official website of {org} and look for "
                         "your roll number or download the PDF."})
    else:
        faq.append({"q": "What should candidates do now?",
                    "a": f"Read the notice in full on the website of {org} and follow the steps it gives."})
    faq.append({"q": "Where can I find the official notice?",
                "a": f"The official notice is published on the website of {org}; "
                     "the links on this page lead to it."})
    if len(faq) < 3:
        faq.append({"q": "Who has issued this notice?", "a": f"It was issued by {_org(job)}."})
    faq.sort(key=lambda pair: pair.get("rank", 0))
    return [{"q": pair["q"], "a": pair["a"]} for pair in faq[:5]]


def template_seo(job: JobPosting, seed: str | None = None) -> dict:
    """Title, meta description, summary and FAQ from the facts alone; ``origin`` = "template"."""
    seed = seed or f"{job.organisation}|{job.title}"
    subject = _subject(job)
    title = _title(job, seed)
    return {
        "title": title,
        "description": _description(job, seed, title),
        "summary": _summary(job, seed, subject),
        "faq": _faq(job, seed, subject),
        "origin": "template",
    }
