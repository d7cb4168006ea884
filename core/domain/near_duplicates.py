"""Near-duplicate jobs within one organisation: the same recruitment under another key.

Two notices that do not share a natural key (an aggregator left out the advertisement number, or
titled the job differently from the board) are the same job when they are from the same
organisation and year, their subjects (the title without the organisation, stage and filler
words) are similar (rapidfuzz), and none of their facts contradict each other (dates, posts,
advertisement numbers). Shared facts that agree add to the score.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from rapidfuzz import fuzz, process
from slugify import slugify

from core.domain.fingerprint import advt_key, job_year
from core.domain.schema import JobPosting, NoticeKind, Stage
from core.domain.stages import strip_stage_words

THRESHOLD = 85.0
DATE_FIELDS = ("apply_start", "apply_last", "exam_date")
# A corrigendum may move a date by weeks; months apart is another recruitment.
DATE_TOLERANCE = dt.timedelta(days=62)
# Words too common in one organisation's titles to tell two of its recruitments apart, taken out
# after the stage words (``strip_stage_words``). Not the stage list: single words that a subject
# keeps ("bharti", "vacancy", "exam", "online") weigh nothing in the fuzzy match.
_FILLER = re.compile(
    r"\b(bharti|vacancy|vacancies|posts?|exam(ination)?|online|offline|form|apply|notice|"
    r"level|various|govt|government|\d+)\b",
    re.I,
)
# One post under its several names, before the filler goes ("Level-1 Posts of 7th CPC Pay Matrix"
# is RRB's Group D; "Assistant Loco Pilot (ALP)" is ALP), and the boilerplate of an official
# notice's title that an aggregator never repeats ("Detailed Centralised Employment Notice…").
_SAME_POST = [
    (re.compile(r"\blevel\s*[- ]?\s*1\b(\s+posts?)?(\s+of\s+7th\s+cpc(\s+pay\s+matrix)?)?", re.I), " group d "),
    (re.compile(r"\bgroup\s*[- ]\s*d\b", re.I), " group d "),
    (re.compile(r"\bassistant\s+loco\s+pilots?\b|\basstt?\.?\s+loco\s+pilots?\b", re.I), " alp "),
    (re.compile(r"\btechnicians\b", re.I), " technician "),
]
_BOILERPLATE = re.compile(
    r"\b(detailed|centrali[sz]ed(\s+employment)?|employment\s+notice|cen|no|click\s+here|updated|last|extended?|"
    r"corr?i[gn]+e?n?dum|addend(um|a)|special|registration|to|"
    r"till|date|for\s+the|7th\s+cpc(\s+pay\s+matrix)?|pay\s+matrix|\d+(st|nd|rd|th)|jan(uary)?|feb(ruary)?|"
    r"mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b", re.I)


def subject(job: JobPosting) -> str:
    """``Rajasthan Police Constable Bharti 2025 Admit Card`` → ``constable``."""
    return _subject(job.title, job.organisation, job.organisation_short or "")


# Every candidate is compared with many notices in a crawl: compute each subject once.
@lru_cache(maxsize=65536)
def _subject(title: str, organisation: str, organisation_short: str) -> str:
    text = strip_stage_words(title).lower()
    names = (organisation, strip_stage_words(organisation), organisation_short)  # "Railway Recruitment Board" as stripped
    for words in sorted((w for w in names if w), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(words.lower())}\b", " ", text)
    text = re.sub(r"\b(rajasthan|bihar|uttar\s+pradesh|up|mp|haryana|jharkhand|railway|indian)\b", " ", text)
    for pattern, name in _SAME_POST:
        text = pattern.sub(name, text)
    text = _BOILERPLATE.sub(" ", text)
    text = _FILLER.sub(" ", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    return " ".join(dict.fromkeys(words))  # "alp (alp) & technician": each word once


@lru_cache(maxsize=16384)
def _organisation_key(name: str) -> str:
    return slugify(name)


def contradiction(a: JobPosting, b: JobPosting) -> str | None:
    """Why ``a`` and ``b`` cannot be one job, or None."""
    if _organisation_key(a.organisation_short or a.organisation) != _organisation_key(
        b.organisation_short or b.organisation
    ):
        return "different organisations"
    year_a, year_b = job_year(a), job_year(b)
    if year_a and year_b and year_a != year_b:
        # "… Recruitment 2025" becomes "… Joining Order 2026" on the same page: one year apart
        # is the same job when an application date agrees to the day.
        same_day = any(getattr(a, n) and getattr(a, n) == getattr(b, n) for n in ("apply_start", "apply_last"))
        if abs(year_a - year_b) > 1 or not same_day:
            return "different years"
    if a.advt_no and b.advt_no and advt_key(a.advt_no) != advt_key(b.advt_no):
        return "different advertisement numbers"
    if different := different_posts(a, b):
        return different
    for name in DATE_FIELDS:
        da, db = getattr(a, name), getattr(b, name)
        if da and db and abs(da - db) > DATE_TOLERANCE:
            return f"{name} {da} and {db} are too far apart"
    return None


# Words that tell two posts of one body apart when each title has its own: a grade ("Scientist 'D'"
# and "Scientist G") or a discipline ("Junior Works Manager (Mechanical)" and "(Metallurgical)").
_DISCIPLINE = re.compile(
    r"^([a-z]|mechanical|metallurgical|metallurgy|civil|electrical|electronics|chemical|computer|instrumentation|"
    r"mining|textile|production|automobile|agriculture|agricultural|geology|physics|chemistry|mathematics|"
    r"statistics|economics|commerce|english|hindi|odia|law|medical|dental|nursing|pharmacy|veterinary|"
    r"horticulture|forestry|fisheries|zoology|botany|history|geography|sanskrit|urdu|tamil|telugu)$")


def different_posts(a: JobPosting, b: JobPosting) -> str | None:
    """Why two notices of one body are two recruitments for different posts, or None: different
    post counts for differently named posts (UPSC's 47 Public Prosecutors and 15 Assistant Public
    Prosecutors), two official advertisements with different post counts (DST's 4 and 13
    Scientists), or a grade or discipline each title has and the other lacks."""
    sa, sb = set(subject(a).split()), set(subject(b).split())
    if a.total_posts and b.total_posts and a.total_posts != b.total_posts:
        if sa != sb:
            return f"different posts: {a.total_posts} and {b.total_posts} posts of differently named posts"
        if (a.kind == b.kind == NoticeKind.recruitment and a.source_kind == b.source_kind == "official"
                and a.stage.value in _ADVERTISING and b.stage.value in _ADVERTISING):
            return f"two advertisements: {a.total_posts} and {b.total_posts} posts"
    groups_a, groups_b = set(_GROUP.findall(subject(a))), set(_GROUP.findall(subject(b)))
    if groups_a != groups_b and (groups_a or groups_b) and sa - {"group"} - groups_a and sb - {"group"} - groups_b:
        # "89409 Group-D, ALP & Technicians" is two recruitments, not the ALP one
        return f"different posts: group {' '.join(sorted(groups_a)) or '-'} and group {' '.join(sorted(groups_b)) or '-'}"
    only_a = {w for w in sa - sb if _DISCIPLINE.match(w)}
    only_b = {w for w in sb - sa if _DISCIPLINE.match(w)}
    if only_a and only_b:
        return f"different posts: {' '.join(sorted(only_a))} and {' '.join(sorted(only_b))}"
    return None


_GROUP = re.compile(r"\bgroup ([a-d])\b")
_ADVERTISING = {Stage.recruitment.value, Stage.online_form.value, Stage.other.value}

MAX_BONUS = 5 * len(DATE_FIELDS) + 20 + 20  # the most agreeing facts can add to the subjects' score
SAME_ADVERTISEMENT = 100  # a notice naming a job's advertisement number is that job's, whatever its title says


def _subject_score(sa: str, sb: str) -> float:
    return (fuzz.token_sort_ratio(sa, sb) + fuzz.token_set_ratio(sa, sb)) / 2


def _bonus(a: JobPosting, b: JobPosting) -> float:
    """What agreeing facts add (assuming no contradiction: a different advertisement number is one)."""
    bonus = 0.0
    for name in DATE_FIELDS:
        if getattr(a, name) and getattr(a, name) == getattr(b, name):
            bonus += 5
    if a.total_posts and a.total_posts == b.total_posts:
        bonus += 10
    # the notice's subject inside the job's ("ALP" in "ALP Technician") with the same large count, or
    # with the job's advertisement number to hold on to: one recruitment. Not the other way round:
    # a post naming more than the job ("Group-D, ALP & Technicians") may be two recruitments.
    sa, sb = set(subject(a).split()), set(subject(b).split())
    if sa and sa < sb and ((a.total_posts and a.total_posts == b.total_posts and a.total_posts >= 100) or b.advt_no):
        bonus += 20
    if a.advt_no and b.advt_no and advt_key(a.advt_no) == advt_key(b.advt_no):
        bonus += SAME_ADVERTISEMENT  # the same body's same advertisement: the job's own key
    if a.advt_no and b.advt_no:
        bonus += 20
    return bonus


def _score(a: JobPosting, b: JobPosting, subject_score: float) -> float:
    if contradiction(a, b):
        return 0.0
    return min(subject_score + _bonus(a, b), 100.0)


def similarity(a: JobPosting, b: JobPosting) -> float:
    """0–100: how alike the two subjects are, plus agreeing facts; 0 when facts contradict."""
    sa, sb = subject(a), subject(b)
    if not sa or not sb:
        return 0.0
    return _score(a, b, _subject_score(sa, sb))


def is_near_duplicate(a: JobPosting, b: JobPosting) -> bool:
    return similarity(a, b) >= THRESHOLD


def best_match(posting: JobPosting, candidates: list[tuple[object, JobPosting]]):
    """The candidate key whose job ``posting`` duplicates best (ties: the smallest key), or None."""
    found = scored_match(posting, candidates)
    return found[1] if found else None


def scored_match(posting: JobPosting, candidates: list[tuple[object, JobPosting]],
                 subjects: list[str] | None = None) -> tuple[float, object] | None:
    """(score, key) of ``best_match``, so that the best of several candidate lists can be taken.

    The subjects are scored against all candidates at once (rapidfuzz, in C); only a candidate
    whose subject score could still reach the threshold with every fact bonus has its facts
    compared. The result is ``similarity`` for each candidate. ``subjects`` are the candidates'
    (``subject`` of each), where the caller keeps them.
    """
    if not candidates:
        return None
    sa = subject(posting)
    if not sa:
        return None
    if subjects is None:
        subjects = [subject(job) for _, job in candidates]
    by_sort = process.extract(sa, subjects, scorer=fuzz.token_sort_ratio, limit=None)
    by_set = dict((i, score) for _, score, i in process.extract(sa, subjects, scorer=fuzz.token_set_ratio, limit=None))
    scored = []
    for _, sort_score, i in by_sort:
        subject_score = (sort_score + by_set[i]) / 2
        if not subjects[i] or subject_score + MAX_BONUS + (SAME_ADVERTISEMENT if posting.advt_no else 0) < THRESHOLD:
            continue
        key, job = candidates[i]
        score = min(subject_score + _bonus(posting, job), 100.0)
        if score >= THRESHOLD and not contradiction(posting, job):  # = _score, checking only what can pass
            scored.append((score, key))
    return best_of(scored)


def best_of(scored: list[tuple[float, object]]) -> tuple[float, object] | None:
    """The highest score; of equal scores, the smallest key."""
    return min(scored, key=lambda pair: (-pair[0], pair[1])) if scored else None
