"""The text of a notice PDF, and whether that text can be trusted at all.

Boards publish the real notification as a PDF. Three kinds cannot give facts and are reported,
never guessed at: a broken file, a scan with no text layer, and text in a legacy Hindi font
(Kruti Dev and friends map Devanagari glyphs onto Latin code points, so extraction yields
``dsUnzh; p;u i"kZn``: characters, but no words).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

MIN_CHARS_PER_PAGE = 20  # less than this per page on average: a scan, not a text layer
MAX_GARBLED_SHARE = 0.12  # the SSC notice: 0.5 % garbled tokens; the Kruti Dev syllabus: 23 %
_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
# Inside a word, legacy-font text shows case flips (dsUnzh), glyph punctuation (i"kZn, ¼flikgh)
# and vowel-less runs (fcgkj); real English and Unicode Hindi rarely do.
_CASE_FLIP = re.compile(r"[a-z][A-Z]")
_GLYPH_PUNCT = re.compile(r"[;\"&@¼½¾\]\[]")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: int
    readable: bool
    problem: str | None = None


def garbled_share(text: str) -> float:
    """Share of letter-bearing tokens that are not words in any script a reader could use."""
    tokens = [_EDGE.sub("", t) for t in _TOKEN.findall(text)]
    tokens = [t for t in tokens if any(c.isalpha() for c in t)]
    if not tokens:
        return 1.0
    garbled = sum(
        1 for t in tokens
        if _CASE_FLIP.search(t) or _GLYPH_PUNCT.search(t)
        or (t.isascii() and t.isalpha() and len(t) > 2 and not _VOWEL.search(t))
    )
    return garbled / len(tokens)


def pdf_text(body: bytes) -> PdfText:
    """Extract the text layer of a PDF body; never raises."""
    # Here, not at the top: pypdf takes ~0.3 s to import and most spiders never fetch a PDF.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not body.lstrip()[:5].startswith(b"%PDF"):
        return PdfText("", 0, False, "not a PDF")
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        texts = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, NotImplementedError) as exc:  # pypdf raises all of these on bad files
        return PdfText("", 0, False, f"broken PDF: {exc.__class__.__name__}: {exc}"[:300])
    pages = len(texts)
    text = "\n".join(t.strip() for t in texts).strip()
    if pages == 0:
        return PdfText("", 0, False, "broken PDF: no pages")
    letters = sum(1 for c in text if c.isalpha())
    if letters < MIN_CHARS_PER_PAGE * pages:
        return PdfText(text, pages, False, "no text layer (an image-only PDF: needs OCR)")
    share = garbled_share(text)
    if share > MAX_GARBLED_SHARE:
        return PdfText(text, pages, False,
                       f"unreadable text (a legacy font?): {share:.0%} of the words are garbled")
    return PdfText(text, pages, True, None)
