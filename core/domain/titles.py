"""A notice's title as a reader should see it (``tidy_title``): never link text, button text or a
file name, and never shouted.

- Link text ("Click here for Advt. 01/2018", "CEN-01/2018 - Click here to apply for the Posts of
  ALP & Technicians", "Download admit card for …") loses its link words; what is left is the title
  if it still says something, prefixed by the organisation's short name.
- A file name ("Ntpc Advt Jd Merged (1)", "1787115841 Detailednotificationyp Iii Website") loses
  its time stamps, copy markers and upload words; words glued together are split where a
  document word is inside them; acronyms get their capitals back.
- When nothing is left that names the recruitment, the title is built from the facts:
  organisation short name + post + advertisement or year + stage ("HSSC Recruitment Advt. 7/2016").
- A title in capitals gets proper case, acronyms kept ("JUNIOR ASSISTANT & JUNIOR CLERK-2015:
  NOTICE" → "Junior Assistant & Junior Clerk-2015: Notice").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from core.domain.fields.organisations import ORGANISATIONS
from core.domain.kinds import is_all_caps
from core.domain.schema import STAGE_LABELS, NoticeKind, Stage


@dataclass(frozen=True)
class Title:
    text: str
    reason: str | None = None  # why the source's title was changed, for the notice's warnings


# Words a link or button says about itself, at the start of a title (after a "CEN-01/2018 - " prefix).
_LINK_WORDS = re.compile(
    r"^\s*(click\s+(here\s+)?(to|for)?\s*(download\s+and\s+take\s+print\s+of|download(ing)?(\s+of)?|view|apply\s+for|apply|see|"
    r"check|open)?|click\s+here|link\s+(for|to)\s+(downloading\s+(of\s+)?)?|download(ing)?(\s+of)?|view|read\s+more|"
    r"here|apply\s+online\s+(for|to)?)\b[\s:\-–]*", re.I)
_LEADING_CODE = re.compile(r"^\s*((?:CEN|Advt\.?)\s*[-:]?\s*\d+\s*/\s*\d{4})\s*[-–:]+\s*", re.I)

# File names: upload time stamps, copy markers, words upload scripts add.
_TIMESTAMP = re.compile(r"(?<![\w/.-])\d{6,}(?![\w/.-])")
_COPY_MARK = re.compile(r"\(\s*\d\s*\)|\b(merged|final|website|withoutpad|upload(ed)?|new|copy|web)\b|\b\d{1,2}$",
                        re.I)
_GLUED_DIGITS = re.compile(r"(?<=[A-Za-z]{3})\d{1,8}[A-Za-z]?\b")
_DOCUMENT_WORDS = ("detailed", "notification", "vacancy", "advertisement", "advertisment", "recruitment", "notice",
                   "result", "hindi", "english")
_LANGUAGE = re.compile(r"\b(hindi|english)\b", re.I)

def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Acronyms a title keeps in capitals, besides the organisations' short names.
ACRONYMS = _word_set("""
ACTO ADA AGM ALP ANM ANRF AO ARO ASI ASM ASO ATO AUPO AYUSH BDO BEL BHEL BMC BOB BPL BSNL CBI CBT CCE CDMS CEN CGL
CHSL CHSLE CISF CISO CLTC CMA CMR CPC CPO CPSE CRIS CRP CSA CSIR CTO CTS DEO DFCCIL DGM DGR DHS DMMU DMS DOP DRDO DST
DTET DV ECG ECoR EE EP ERP ESI ESM EWS FAO FCI FE FMM GAPP GATE GD GDCE GE GM GPEO GS HOD HPC HRM HRMS HQ IAF IB ICMR
ICMS IFC IIFCL IIIT IISc IIT IITH IOB IOCL IRTD IRVINS ISRO ISTC IT ITI JAA JAO JE JFTA JGM JMGS JRF JS KVS LA LDC
LDCE LFA MCA MCH MD MERN MHT MR MSPSDC MTS MVI NABARD NBCC NCVT NEIST NGEL NGeT NIT NQA NRHM NTPC NVS OAT OBB OBC OC
OIA OL OMR PA PET PESB PGT PMAY PMF PMT PRS PRT PST PTI PWD PwBD PWO RA RFID RRVUN SC SCERT SDPO SEBI SI SIEM SO SOC
SRD SRF SSE ST STI TA TDMS TGT UDC UG UPO UR UTS VDO WA WEO WGPS WR YP
""")
_BY_UPPER = {a.upper(): a for a in ACRONYMS | set(ORGANISATIONS) if " " not in a}
_SMALL = _word_set("a an and as at by for from in into of on or the to under upon vs via with")
_ABBREVIATED = re.compile(r"\b(NO|DT|SR|JR|ASST|ADVT|SPL|DTD|DEPTT?)\.")
_ROMAN = re.compile(r"^(i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3}|xiv|xv|xvi)$", re.I)


def tidy_title(title: str, url: str | None = None, organisation: str | None = None, short: str | None = None,
               advt_no: str | None = None, year: int | None = None, stage: Stage = Stage.other,
               kind: NoticeKind = NoticeKind.recruitment) -> Title:
    """The title a reader should see, and why it differs from the source's (None if it does not)."""
    text = " ".join(unquote(title).replace("_", " ").split()) if "%" in title or "_" in title else title
    built = _Facts(short or organisation or "", advt_no, year, stage, kind)
    if looks_like_file_name(text, url):
        rest = _from_file_name(text)
        reason = f"the title was a file name ({title!r})"
        return Title(_with_organisation(rest, built) if _says_something(rest, built) else built.title(), reason)
    prefix, rest = _split_link_words(text)
    if rest is not None:
        reason = f"the title was link text ({title!r})"
        if _says_something(rest, built):
            return Title(_proper(_with_organisation(prefix + _capitalised(rest), built)), reason)
        return Title(built.title(prefix), reason)
    if is_all_caps(text):  # a change of case needs no warning
        return Title(proper_case(text), None if text == title else "the title was URL-encoded")
    return Title(text, None if text == title else "the title was URL-encoded")


def _proper(text: str) -> str:
    return proper_case(text) if is_all_caps(text) else text


def looks_like_file_name(title: str, url: str | None = None) -> bool:
    """Whether a title is a file name: upload time stamps, copy markers ("Merged (1)"), digits
    glued to a word, extensions; or the linked document's file name made readable, acronyms and
    all in title case ("Recruitment Rule Iiit Bhagalpur", from ``Recruitment-Rule-IIIT-Bhagalpur.pdf``)."""
    if re.search(r"\.(pdf|docx?|jpe?g|png)\b", title, re.I) or _TIMESTAMP.search(title):
        return True
    if re.search(r"\bmerged\b|\s\(\s*1\s*\)\s*$|\bwithoutpad\b", title, re.I) or _GLUED_DIGITS.search(title):
        return True
    if url and re.search(r"\.(pdf|docx?|jpe?g|png)$", urlsplit(url).path, re.I) and _miscased_acronym(title):
        stem = PurePosixPath(unquote(urlsplit(url).path)).stem
        squash = re.sub(r"[^a-z0-9]+", "", stem.lower())
        return len(squash) >= 8 and squash == re.sub(r"[^a-z0-9]+", "", title.lower())
    return False


def _miscased_acronym(title: str) -> bool:
    return any(len(w) >= 3 and w.upper() in _BY_UPPER and w != _BY_UPPER[w.upper()] and w[:1].isupper()
               for w in re.findall(r"[A-Za-z]+", title))


def _from_file_name(title: str) -> str:
    text = re.sub(r"\.(pdf|docx?|jpe?g|png)\b", " ", title, flags=re.I)
    text = _TIMESTAMP.sub(" ", text)
    text = _COPY_MARK.sub(" ", text)
    text = _GLUED_DIGITS.sub(" ", text)
    words = []
    for word in text.split():
        words += _unglued(word)
    text = _LANGUAGE.sub(" ", " ".join(words))
    return " ".join(_word_case(w, first=(i == 0)) for i, w in enumerate(text.split()))


def _unglued(word: str) -> list[str]:
    """``Detailednotificationyp`` → Detailed Notification Yp; ``Iivacancynotificationhindi`` → Ii Vacancy
    Notification Hindi: the document words inside a glued word are split out."""
    lower = word.lower()
    found = [(lower.find(doc), doc) for doc in _DOCUMENT_WORDS if doc in lower and lower != doc]
    if len(word) < 10 or not found:
        return [word]
    at, doc = min(found)
    head, tail = word[:at], word[at + len(doc):]
    return [*(_unglued(head) if head else [])] + [doc.capitalize()] + [*(_unglued(tail) if tail else [])]


def is_link_text(title: str) -> bool:
    """Whether a title is a link's or button's words ("Click here for Advt. 01/2018")."""
    return _split_link_words(title)[1] is not None


def _split_link_words(title: str) -> tuple[str, str | None]:
    """(the leading code, the title after its link words), or ("", None) if it has none. An
    "apply" link's title ends with "Online Form" when it does not name its stage."""
    prefix = ""
    if match := _LEADING_CODE.match(title):
        prefix, title = match.group(1) + " ", title[match.end():]
    match = _LINK_WORDS.match(title)
    if not match or not match.group().strip():
        return "", None
    rest = _THE_POSTS_OF.sub("", title[match.end():]).strip(" .")
    if re.search(r"\bapply\b", match.group(), re.I) and not re.search(r"\b(form|registration|apply)\b", rest, re.I):
        rest += " Online Form"
    return prefix, rest


_THE_POSTS_OF = re.compile(r"^\s*(the\s+)?(posts?|recruitment)\s+(of|for)\s+(the\s+)?", re.I)


_CONTENT = re.compile(r"[^\W\d_]{2,}")
_NOT_CONTENT = _word_set("""
advt advertisement advertisment notification notice recruitment the of for no and to in post posts online form
apply detailed click here link jd yp
""")


def _says_something(text: str, facts: _Facts) -> bool:
    """Whether ``text`` names more than the document type and the organisation."""
    names = {w.lower() for w in re.findall(r"\w+", facts.organisation)}
    words = [w.lower() for w in _CONTENT.findall(text)]
    return any(w not in _NOT_CONTENT and w not in names for w in words)


def _with_organisation(text: str, facts: _Facts) -> str:
    short = facts.organisation
    if not short or len(short) > 20 or re.search(rf"\b{re.escape(short)}\b", text, re.I):
        return text
    return f"{short} {text}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Facts:
    organisation: str
    advt_no: str | None
    year: int | None
    stage: Stage
    kind: NoticeKind

    def title(self, code: str = "") -> str:
        """Organisation short name + advertisement or year + stage: "HSSC Recruitment Advt. 7/2016"."""
        stage = "Recruitment" if self.stage in (Stage.other, Stage.recruitment) else STAGE_LABELS[self.stage]
        parts = [self.organisation or "", stage]
        if self.advt_no:
            number = self.advt_no if re.match(r"(?i)(cen|advt)", self.advt_no) else f"Advt. {self.advt_no}"
            parts.append(number)
        elif code.strip():
            parts.append(code.strip())
        elif self.year:
            parts.append(str(self.year))
        return " ".join(p for p in parts if p)


@lru_cache(maxsize=8192)
def proper_case(text: str) -> str:
    """Title case for a title in capitals, acronyms and roman numerals kept, small words lower."""
    text = _ABBREVIATED.sub(lambda m: m.group(1).capitalize() + ".", text)
    out = []
    for token in re.split(r"(\s+|(?<=[-/(\[,;:&])|(?=[-/)\],;:&]))", text):
        if not token or token.isspace() or not re.search(r"[A-Za-z]", token):
            out.append(token)
            continue
        out.append(_word_case(token, first=not any(t.strip() for t in out)))
    return "".join(out)


def _word_case(word: str, first: bool = False) -> str:
    core = word.strip(".'’")
    upper = core.upper()
    if upper in _BY_UPPER:
        return word.replace(core, _BY_UPPER[upper])
    if _ROMAN.match(core) and (len(core) > 1 or not first):
        return word.replace(core, upper)
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}[A-Za-z]?\.?", word):  # M.V.I., S.S.C
        return word.upper()
    if re.search(r"\d", core):  # K-9, 10+2, CEN-02
        return word.upper() if len(core) <= 6 else word
    lower = word.lower()
    if lower in _SMALL and not first:
        return lower
    if len(core) <= 2 and core.isalpha() and core.isupper() and lower not in _SMALL:
        return word  # two capitals: an abbreviation (JS, GS, PA)
    return lower[:1].upper() + lower[1:]
