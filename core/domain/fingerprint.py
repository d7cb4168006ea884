"""A job's natural key (organisation + advertisement or exam + year) and its stable slug.

Not the title and not the URL: aggregators re-title one page through its life, and some boards
link every notice to one ``archive.php``.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from slugify import slugify as _slugify

from core.domain.schema import JobPosting
from core.domain.stages import strip_stage_words


# The same organisations and titles come back for every notice (dedupe, store, slugs): each text
# is slugified once per process.
@lru_cache(maxsize=16384)
def slugify(text: str, max_length: int = 0, word_boundary: bool = False) -> str:
    return _slugify(text, max_length=max_length, word_boundary=word_boundary)


_YEAR = re.compile(r"\b(19[5-9]\d|20\d{2})\b")
_SHORT_YEAR = re.compile(r"[/\-](\d{2})$")


def advt_key(advt_no: str) -> str:
    """``CEN-02/2018``, ``CEN 02-2018`` and ``Advt. No. 02/2018`` give one key."""
    text = re.sub(r"^\s*(advt\.?|advertisement)\s*(no\.?|number)?\s*[:.]?\s*", "", advt_no, flags=re.I)
    numbers = re.findall(r"[a-z]+|\d+", text.lower())
    return "-".join(n.lstrip("0") or "0" if n.isdigit() else n for n in numbers)


def job_year(job: JobPosting) -> int | None:
    if job.exam_year:
        return job.exam_year
    for text in (job.advt_no, job.title):
        if text and (match := _YEAR.search(text)):
            return int(match.group(1))
    if job.advt_no and (match := _SHORT_YEAR.search(job.advt_no.strip())):
        return 2000 + int(match.group(1))
    return None


def organisation_key(job: JobPosting) -> str:
    return slugify(job.organisation_short or job.organisation)


def subject_key(job: JobPosting) -> str:
    """The job's subject: its advertisement number, or its title without stage words."""
    if job.advt_no:
        return "advt-" + advt_key(job.advt_no)
    return slugify(strip_stage_words(job.title), max_length=120, word_boundary=True) or "notice"


def job_fingerprint(job: JobPosting) -> str:
    year = job_year(job)
    parts = [organisation_key(job), subject_key(job)]
    if year and not (job.advt_no and str(year) in job.advt_no):
        parts.append(str(year))
    return "/".join(parts)


_SLUG_EDGE_WORDS = {"to", "of", "for", "the", "and", "in", "on", "at", "by", "with", "from", "a", "an"}
_POST_COUNT = re.compile(r"\b\d{2,}[\d,]*\s*\+?\s*(posts?|vacanc(y|ies)|positions?|seats?)\b", re.I)


def job_slug(job: JobPosting, fingerprint: str) -> str:
    """URL slug fixed when the job is first stored; a later stage never changes it.

    Readable and stable: organisation, subject, year and six hex digits of the fingerprint,
    e.g. ``rajasthan-police-constable-2025-1a2b3c``. Post counts (they change with corrigenda)
    and stray leading or trailing "to"/"of" left by stripped words are not part of it.
    """
    digest = hashlib.sha1(fingerprint.encode()).hexdigest()[:6]
    subject = _POST_COUNT.sub(" ", strip_stage_words(job.title) or job.title)
    words = slugify(subject).split("-")
    while words and words[0] in _SLUG_EDGE_WORDS:
        words.pop(0)
    while words and words[-1] in _SLUG_EDGE_WORDS:
        words.pop()
    organisation = slugify(job.organisation_short or job.organisation)
    base = "-".join(words)
    if organisation and organisation not in base:
        base = f"{organisation}-{base}" if base else organisation
    base = slugify(base, max_length=70, word_boundary=True) or "job"
    year = job_year(job)
    if year and str(year) not in base:
        base = f"{base}-{year}"
    return f"{base}-{digest}"
