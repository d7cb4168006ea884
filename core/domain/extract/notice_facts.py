"""A notice's official documents → its facts, each with its evidence (``extract_facts``).

Every document is read by the same rules; for each fact the first document that states it wins
(the spider follows the detail page before the PDF it links, so a notice's own documents come in
the order it gives them). A document that could not be read adds its problem and nothing else.

Facts about a recruitment (posts, ages, fees, pay, qualification, selection, apply link) are only
taken from a document that invites applications: a result or cut-off list also names pay levels,
categories and counts, but of selected candidates, not of the posts on offer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.domain.extract.advertisement import advertisement_number
from core.domain.extract.ages import age_limits
from core.domain.extract.dates_window import application_window, notice_date
from core.domain.extract.document import Document
from core.domain.extract.facts import Fact
from core.domain.extract.fees import fees
from core.domain.extract.links import application_link
from core.domain.extract.pay import pay
from core.domain.extract.posts import posts
from core.domain.extract.qualification import qualification
from core.domain.extract.selection import selection_process
from core.domain.urls import is_http_url

_INVITES = re.compile(
    r"invit\w*\s+(?:\w+\s+){0,3}applications?|applications?\s+(?:are|is)\s+(?:hereby\s+)?invited|"
    r"walk[\s-]*in|how\s+to\s+apply|apply\s+online|submit\s+(?:their\s+|the\s+)?applications?|"
    r"last\s+date\s+(?:for|of)\s+(?:the\s+)?(?:receipt|submission)|recruitment\s+(?:to|of|for)\s+the\s+posts?|"
    r"name\s+of\s+(?:the\s+)?post|position\s+title|terms\s+of\s+reference|आवेदन\s+आमंत्रित", re.I)
_RESULT = re.compile(r"\bresult\b|cut[\s-]*off|roll\s+(?:no|number)|merit\s+list\s+of|provisionally\s+selected|"
                     r"परिणाम|पटरणाम|अनुक्रमांक", re.I)


@dataclass
class Extraction:
    facts: dict[str, Fact] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # "<url>: <why it could not be read>"
    notes: list[str] = field(default_factory=list)


def invites_applications(document: Document) -> bool:
    """A recruitment notice invites applications; a result or cut-off list does not, though
    it may quote the words of the recruitment it belongs to."""
    text = "\n".join(document.pages[:3])
    invites = len(_INVITES.findall(text))
    results = len(_RESULT.findall(text))
    return invites > 0 and invites >= results / 3


def document_facts(document: Document) -> dict[str, Fact]:
    found: dict[str, Fact] = {}
    if advt := advertisement_number(document):
        found["advt_no"] = advt
    if date := notice_date(document):
        found["notice_date"] = date
    found.update(application_window(document))
    if not invites_applications(document):
        return found
    found.update(age_limits(document))
    found.update(fees(document))
    found.update(pay(document))
    found.update(posts(document))
    for name, rule in (("qualification", qualification), ("selection_process", selection_process),
                       ("application_link", application_link)):
        if value := rule(document):
            found[name] = value
    return found


def extract_facts(documents: list[Document]) -> Extraction:
    extraction = Extraction()
    for document in documents:
        extraction.notes += [f"{document.url}: {note}" for note in document.notes]
        if document.problem:
            extraction.problems.append(f"{document.url}: {document.problem}")
            continue
        if not is_http_url(document.url):
            extraction.problems.append(f"{document.url}: not an absolute http(s) address, so no fact can cite it")
            continue
        for name, value in document_facts(document).items():
            extraction.facts.setdefault(name, value)
    return extraction
