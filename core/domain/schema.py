"""The domain model: one normalised job notice (JobPosting) and a Rejection.

A *notice* is what a spider sees (an online form, an admit card, a result…). Notices that share a
natural key (organisation + advertisement/exam + year) are one *job*; see ``core.domain.merge``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator


class Stage(StrEnum):
    """Where a job is in its life; the order is the order of a typical recruitment."""

    recruitment = "recruitment"
    online_form = "online_form"
    correction = "correction"
    date_extended = "date_extended"
    exam_date = "exam_date"
    admit_card = "admit_card"
    answer_key = "answer_key"
    result = "result"
    marks = "marks"
    score_card = "score_card"
    cutoff = "cutoff"
    joining_order = "joining_order"
    counselling = "counselling"
    admission = "admission"
    other = "other"

    @property
    def rank(self) -> int:
        return list(Stage).index(self)

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS = {
    Stage.recruitment: "Recruitment",
    Stage.online_form: "Online Form",
    Stage.correction: "Correction Window",
    Stage.date_extended: "Date Extended",
    Stage.exam_date: "Exam Date",
    Stage.admit_card: "Admit Card",
    Stage.answer_key: "Answer Key",
    Stage.result: "Result",
    Stage.marks: "Marks",
    Stage.score_card: "Score Card",
    Stage.cutoff: "Cut-off",
    Stage.joining_order: "Joining Order",
    Stage.counselling: "Counselling",
    Stage.admission: "Admission",
    Stage.other: "Notice",
}

class NoticeKind(StrEnum):
    """What a notice is. Only a recruitment starts a job; lifecycle kinds attach to their
    recruitment; a notice that is not a job notice is stored with its kind and never published."""

    recruitment = "recruitment"  # a notification, an advertisement, an online form
    corrigendum = "corrigendum"  # a corrigendum, addendum, date extension or correction window
    exam_schedule = "exam_schedule"
    admit_card = "admit_card"
    answer_key = "answer_key"
    result = "result"  # a result, merit list, interview list, marks, cut-off, score card, joining
    syllabus = "syllabus"
    not_job = "not_job"  # a tender, circular, transfer order, RTI, empanelment, form, menu link…

    @property
    def is_lifecycle(self) -> bool:
        return self not in (NoticeKind.recruitment, NoticeKind.not_job)


# The kind a lifecycle stage implies when nothing more specific is known.
KIND_OF_STAGE = {
    Stage.recruitment: NoticeKind.recruitment,
    Stage.online_form: NoticeKind.recruitment,
    Stage.correction: NoticeKind.corrigendum,
    Stage.date_extended: NoticeKind.corrigendum,
    Stage.exam_date: NoticeKind.exam_schedule,
    Stage.admit_card: NoticeKind.admit_card,
    Stage.answer_key: NoticeKind.answer_key,
    Stage.result: NoticeKind.result,
    Stage.marks: NoticeKind.result,
    Stage.score_card: NoticeKind.result,
    Stage.cutoff: NoticeKind.result,
    Stage.joining_order: NoticeKind.result,
    Stage.counselling: NoticeKind.result,
    Stage.admission: NoticeKind.not_job,
    Stage.other: NoticeKind.recruitment,
}

LinkKind = Literal[
    "apply_online",
    "notification_pdf",
    "admit_card",
    "result",
    "answer_key",
    "syllabus",
    "official_website",
    "notice",
    "other",
]

SourceKind = Literal["official", "aggregator"]



def _clean_text(value):
    if isinstance(value, str):
        value = " ".join(value.split())  # every Unicode space, NBSP included; ~3x faster than a regex
        return value or None
    return value


CleanStr = Annotated[str, BeforeValidator(_clean_text)]


def _absolute_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an absolute http(s) URL: {value!r}")
    return value


class Evidence(BaseModel):
    """Where a fact was read: the document, its page (PDFs, 1-based) and the words that state it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str
    page: int | None = Field(default=None, ge=1)
    quote: CleanStr

    _check_url = field_validator("document")(lambda cls, v: _absolute_http_url(v))


Age = Annotated[int | float, Field(ge=0, le=100)]  # "16½ years" is 16.5


class Link(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: CleanStr
    url: str
    kind: LinkKind = "other"

    _check_url = field_validator("url")(lambda cls, v: _absolute_http_url(v))


class DatedEvent(BaseModel):
    """A labelled date from a notice's Important Dates that has no named field of its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: CleanStr
    date: dt.date | None = None
    end_date: dt.date | None = None
    text: CleanStr | None = None


class Post(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: CleanStr
    count: int | None = Field(default=None, ge=0)
    qualification: CleanStr | None = None


class Fees(BaseModel):
    """Application fee in whole rupees per category; 0 means exempt, None means not stated."""

    model_config = ConfigDict(extra="forbid")

    general: int | None = Field(default=None, ge=0)
    obc: int | None = Field(default=None, ge=0)
    ews: int | None = Field(default=None, ge=0)
    sc_st: int | None = Field(default=None, ge=0)
    female: int | None = Field(default=None, ge=0)
    pwd: int | None = Field(default=None, ge=0)
    payment_modes: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return all(getattr(self, k) is None for k in FEE_CATEGORIES) and not self.notes


FEE_CATEGORIES = ("general", "obc", "ews", "sc_st", "female", "pwd")


class JobPosting(BaseModel):
    """One normalised notice, as every stage after ``normalise`` sees it."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    source: CleanStr
    source_kind: SourceKind = "official"
    source_url: str
    organisation: CleanStr
    organisation_short: CleanStr | None = None
    department: CleanStr | None = None
    category: CleanStr | None = None
    state: CleanStr | None = None

    title: CleanStr
    description: CleanStr | None = None
    stage: Stage = Stage.other
    kind: NoticeKind | None = None  # None: the kind the stage implies (KIND_OF_STAGE)
    kind_reason: CleanStr | None = None
    advt_no: CleanStr | None = None
    exam_year: int | None = Field(default=None, ge=1950, le=2100)

    notice_date: dt.date | None = None
    apply_start: dt.date | None = None
    apply_last: dt.date | None = None
    fee_last: dt.date | None = None
    correction_start: dt.date | None = None
    correction_end: dt.date | None = None
    exam_date: dt.date | None = None
    exam_date_end: dt.date | None = None
    admit_card_date: dt.date | None = None
    answer_key_date: dt.date | None = None
    result_date: dt.date | None = None
    expires_on: dt.date | None = None
    events: list[DatedEvent] = Field(default_factory=list)

    total_posts: int | None = Field(default=None, ge=0)
    posts: list[Post] = Field(default_factory=list)
    qualification: list[str] = Field(default_factory=list)
    eligibility: CleanStr | None = None
    selection_process: list[str] = Field(default_factory=list)

    salary_min: int | None = Field(default=None, ge=0)
    salary_max: int | None = Field(default=None, ge=0)
    pay: CleanStr | None = None  # the pay level or scale as printed
    age_min: Age | None = None
    age_max: Age | None = None
    age_as_on: dt.date | None = None
    dob_from: dt.date | None = None  # born on or after
    dob_to: dt.date | None = None  # born on or before
    age_relaxation: CleanStr | None = None
    age_notes: list[str] = Field(default_factory=list)
    fees: Fees = Field(default_factory=Fees)

    application_link: str | None = None
    notification_pdf: str | None = None
    official_website: str | None = None
    links: list[Link] = Field(default_factory=list)

    # field name (``apply_last``, ``fees.general``, ``total_posts``…) → where it was read
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    @field_validator("source_url", "application_link", "notification_pdf", "official_website")
    @classmethod
    def _urls_are_absolute(cls, value):
        return value if value is None else _absolute_http_url(value)

    @model_validator(mode="after")
    def _consistent(self):
        if self.kind is None:
            self.kind = KIND_OF_STAGE[self.stage]
        if self.apply_start and self.apply_last and self.apply_last < self.apply_start:
            raise ValueError(
                f"last date {self.apply_last} is before the start date {self.apply_start}"
            )
        if (
            self.age_min is not None
            and self.age_max is not None
            and self.age_max < self.age_min
        ):
            raise ValueError(f"maximum age {self.age_max} is below minimum age {self.age_min}")
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_max < self.salary_min
        ):
            raise ValueError(f"salary maximum {self.salary_max} is below minimum {self.salary_min}")
        if self.dob_from and self.dob_to and self.dob_to < self.dob_from:
            raise ValueError(f"date of birth window ends ({self.dob_to}) before it starts ({self.dob_from})")
        return self


class Rejection(BaseModel):
    """Why a raw item could not become a JobPosting; it goes to quarantine with its raw data."""

    model_config = ConfigDict(extra="forbid")

    reason: str
    source: str
    source_url: str | None = None
    raw: dict
