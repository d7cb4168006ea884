"""A fact read from a document, with its evidence, and the views of a document the rules read.

A rule sees a document as lines (``lines``: the page and the text of each line) or as flowing
text per page (``flowing``: a sentence broken over lines is one line again). Every fact keeps
the page and an exact quote from that page's text, so an editor can find it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from core.domain.extract.document import Document

QUOTE_MAX = 200
CONTEXT = 50
_SPACE = re.compile(r"\s+")
# A sentence ends at ". " before a capital, a digit or a bracket, and before a list marker
# ("(b) ", "ii) ", "2. ") that starts the next item of a numbered list.
_SENTENCE_END = re.compile(
    r"(?<=[.;])\s+(?=[A-Z(\d\u0900-\u097f])|\s+(?=\(?(?:[a-h]|[ivx]{1,4})\)\s)|\s+(?=\d{1,2}\.\s+[A-Z])|\s*\|\s*|"
    r"\s*[\uf000-\uf0ff•▪●■◆➢]\s*")  # bullets: Word's symbol-font glyphs come out in the private-use area
# "Rs. 40,000", "No. 17", "Dr. N.C. Gopalachari": a full stop that does not end a sentence
_ABBREVIATION = re.compile(r"(?:\b(?:rs|no|nos|dr|mr|mrs|ms|sl|sh|smt|shri|viz|govt|dept|prof|sr|jr|ltd|pvt|dt|"
                           r"vs|approx|st|nd|rd|th|ph|m|b|i\.e|e\.g)|\b[A-Za-z]|रु)\.$", re.I)


@dataclass(frozen=True)
class Fact:
    value: Any
    document: str
    page: int | None
    quote: str


class Line(NamedTuple):
    page: int  # 1-based
    text: str


def lines(document: Document) -> list[Line]:
    return [Line(n, line) for n, text in enumerate(document.pages, 1) for line in text.split("\n") if line.strip()]


def flowing(document: Document) -> list[Line]:
    """Each page as one line: line breaks become spaces (a hyphen at a break stays)."""
    return [Line(n, _SPACE.sub(" ", text).strip()) for n, text in enumerate(document.pages, 1)]


def sentences(text: str, start: int = 0, end: int | None = None):
    """``(sentence, offset)`` for each sentence of ``text[start:end]``."""
    end = len(text) if end is None else end
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start() - 1:match.start()] == "." and _ABBREVIATION.search(text, max(0, match.start() - 8), match.start()):
            continue
        if match.start() > position:
            yield text[position:match.start()], position
        position = match.end()
    if position < end:
        yield text[position:end], position


def quote_of(text: str, start: int = 0, end: int | None = None) -> str:
    """The words of ``text[start:end]`` with a little of their sentence around them (at most
    ``CONTEXT`` characters each side, never past a sentence end), within ``QUOTE_MAX``."""
    end = len(text) if end is None else end
    room = max(0, min(CONTEXT, (QUOTE_MAX - (end - start)) // 2))
    left, right = max(0, start - room), min(len(text), end + room)
    if (stop := text.rfind(". ", left, start)) >= 0:
        left = stop + 2
    if (stop := text.find(". ", end, right)) >= 0:
        right = stop + 1
    while 0 < left < start and not text[left - 1].isspace():
        left += 1
    while end < right < len(text) and not text[right].isspace():
        right -= 1
    return text[left:right].strip()[:QUOTE_MAX]


def fact(document: Document, line: Line, value, match: re.Match | None = None,
         span: tuple[int, int] | None = None) -> Fact:
    """A fact read on ``line``; the quote is the words around the match (or the whole line)."""
    if match is not None:
        span = match.span()
    quote = quote_of(line.text, *span) if span else quote_of(line.text)
    return Fact(value=value, document=document.url, page=line.page, quote=quote)


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def table_fact(document: Document, page: int, cell: str, value) -> Fact:
    """A fact read in a table cell. Table cells and the page's text break lines differently,
    so the quote is the longest run of the cell's words that the page's text holds."""
    page_text = squash(document.pages[page - 1]) if 0 < page <= len(document.pages) else ""
    words = cell.split()
    for size in range(len(words), 0, -1):
        for start in range(0, len(words) - size + 1):
            quote = " ".join(words[start:start + size])
            if squash(quote) in page_text:
                return Fact(value=value, document=document.url, page=page, quote=quote[:QUOTE_MAX])
    return Fact(value=value, document=document.url, page=page, quote=cell[:QUOTE_MAX])
