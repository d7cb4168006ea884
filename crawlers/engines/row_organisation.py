"""The organisation an aggregator row names: the words before its post, exam or stage.

Aggregators are not the organisation. When the normaliser's alias table already knows the body
named in the title ("SSC CPO SI…", "Railway RRB…"), the row leaves the organisation to it; else
the leading words of the title are taken as the raw name ("IDBI Bank Assistant Manager…" →
"IDBI Bank", "Lok Sabha Assistant 04/2016…" → "Lok Sabha"). Rows that start with a post or stage
word name no organisation and get None.
"""

from __future__ import annotations

import re

from core.domain.fields.organisations import canonical_organisation

# Words that begin the post / exam / stage part of a title.
_STOP = re.compile(
    r"^(result|results|admit|answer|online|offline|form|forms|recruitment|exam|examination|interview|"
    r"syllabus|merit|final|pre|prelims?|mains|revised|cut-?off|score|card|list|schedule|letter|"
    r"physical|written|re|admission|counsell?ing|vacancy|vacancies|notification|apply|posts|"
    r"various|grade|group|non|junior|jr|senior|sr|assistant|asst|manager|constable|clerk|officer|"
    r"officers|si|asi|teacher|tgt|pgt|prt|ldc|udc|mts|judge|civil|trainer|technician|driver|"
    r"engineer|je|ae|po|scientist|supervisor|inspector|apprentice|apprentices|field|security|law|private|"
    r"watchman|female|male|net|tet|ctet|b\.?ed|deled|apo|rally|executive|aa|ao|ars|lt|ltgrade|"
    r"mbbs|ph|staff|nurse|steno|stenographer|peon|lecturer|professor|fireman|forest|guest|"
    r"document|verification|dv|call|new|latest|upcoming|updated|notice|reserve|allotment|"
    r"class|supplementary|sports|quota|data|cabin|canteen|medical|motor|revenue|stage|pet|pst|jja|jao|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"सरकारी|भर्ती|नौकरी)$",
    re.I,
)
_BREAK = re.compile(r"[,(/\-–|:&]")
# A leading name that ends in an institution word is the organisation, whatever words it holds
# ("Agricultural Scientists Recruitment Board", "Bank of Baroda", "High Court of Allahabad").
_INSTITUTION = re.compile(
    r"^((?:[A-Z][\w.']*\s+){0,6}?(?:Board|Commission|Corporation|Council|Institute|University|"
    r"Authority|Trust|Limited|Ltd|Bank|Court|Sangathan|Samiti|Secretariat|Force|Guard|Police|"
    r"Railways?|Agency|Department)(?:\s+[Oo]f\s+[A-Z][\w]+)?)\b",
)
_YEARISH = re.compile(r"\d")
MAX_WORDS = 4


def named_organisation(title: str | None) -> str | None:
    """The raw organisation a row's title names, or None (known to the normaliser, or no name)."""
    if not title or canonical_organisation(title):
        return None
    lead = _BREAK.split(title, maxsplit=1)[0].strip()
    if m := _INSTITUTION.match(lead):
        return m[1]
    words = []
    for word in _BREAK.split(title, maxsplit=1)[0].split():
        if _STOP.match(word) or _YEARISH.search(word):
            break
        words.append(word)
    return " ".join(words[:MAX_WORDS]) or None
