"""Whether a document's text layer can be trusted at all.

Three kinds of PDF cannot give facts and are reported, never guessed at: a scan with no text
layer, text in a legacy Hindi font (Kruti Dev and friends map Devanagari glyphs onto Latin code
points, so extraction yields ``dsUnzh; p;u i"kZn``: characters, but no words), and a scan with a
poor OCR layer (``Indial1fl"rn``, ``nOllllal``).
"""

from __future__ import annotations

import re

MIN_LETTERS_PER_PAGE = 20  # less than this per page on average: a scan, not a text layer
# Measured with ``garbled_share`` on the labelled notices: real ones 0.000–0.029 (the worst an
# OCR'd ICAR notice); a poor OCR layer (a CBDT order) 0.085; the Kruti Dev syllabus 0.17.
MAX_GARBLED_SHARE = 0.06
_SPLIT = re.compile(r"[\s()\[\]{}/,;:|]+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_GLYPH_PUNCT = re.compile(r"[;\"&@¼½¾\]\[]")
# Inside a word, legacy-font text and bad OCR show case flips after a lower-case start (dsUnzh,
# nOllllal) and vowel-less lower-case runs (fcgkj); acronyms (GDS, PwBD, BPMs) are words.
_LOWER_THEN_UPPER = re.compile(r"^[a-z]+[A-Z]")
_ACRONYM = re.compile(r"^(?:[A-Z][a-z]?)+[A-Z]s?$|^[A-Z][a-z]+$|^[a-z]+$|^[A-Z]+$")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")
# DV-TTYogesh-style fonts put Devanagari glyphs on Latin-1 letters: ºÉiªÉÉ{ÉxÉ
_LATIN1_GLYPHS = re.compile(r"[\u00aa\u00ba\u00c0-\u00ff]")


_AMPERSAND_NAME = re.compile(r"^(?:[A-Z][a-z]?)+&[A-Z][A-Za-z]*$")  # R&D, DoP&T, J&K


def _garbled(token: str) -> bool:
    if _AMPERSAND_NAME.match(token):
        return False
    if _GLYPH_PUNCT.search(token):
        return True
    if _LATIN1_GLYPHS.search(token):
        return True
    if not token.isascii() or not token.isalpha():
        return False  # Devanagari, digits in words (10th), e-mail and web addresses
    if _LOWER_THEN_UPPER.search(token) or not _ACRONYM.match(token):
        return True
    return token.islower() and len(token) > 2 and not _VOWEL.search(token)


def garbled_share(text: str) -> float:
    """Share of letter-bearing words that are not words in any script a reader could use."""
    tokens = [_EDGE.sub("", t) for t in _SPLIT.split(text)]
    tokens = [t for t in tokens if any(c.isalpha() for c in t)]
    if not tokens:
        return 1.0
    return sum(1 for t in tokens if _garbled(t)) / len(tokens)


def unreadable_reason(pages: list[str]) -> str | None:
    """Why the text of these pages cannot be used, or None when it can."""
    if not pages:
        return "no pages"
    text = "\n".join(pages)
    letters = sum(1 for c in text if c.isalpha())
    if letters < MIN_LETTERS_PER_PAGE * len(pages):
        return "no text layer (an image-only PDF: needs OCR)"
    share = garbled_share(text)
    if share > MAX_GARBLED_SHARE:
        return f"unreadable text (a legacy font or a poor OCR layer?): {share:.0%} of the words are garbled"
    return None
