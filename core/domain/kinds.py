"""What a notice is (``classify_notice``): a recruitment, a lifecycle notice of one, or not a job
notice at all, with the reason for the decision.

The rules run in order and the first that decides wins:

1. words that make a notice something else whatever else it says: a tender, an empanelment, a
   transfer or posting order, an admission or entrance test, an eligibility test, a loan form, a
   portal outage, recruitment rules, a job fair, a menu link…;
2. the lifecycle kinds (syllabus, answer key, result, admit card, corrigendum, exam schedule),
   from the stage words of ``core.domain.stages`` and a few more, first in the title, then in the
   source's own label for the notice. A lifecycle notice must name what it is about (a post, an
   exam or an advertisement number): "Notice 1 Dated 06 04 2026" cannot be attached to anything;
3. a recruitment: recruitment words, an advertisement number, or an advertisement naming a post;
4. a post named on its own ("[IITH] Web Developer (Computer Centre) [contract]");
5. otherwise not a job notice (a circular, a scheme, a notice that names no post or exam).

Hand labels of every captured board's notices and the precision of "becomes a job page" are in
``tests/core/domain/labels/notice_kinds.json`` and ``bench/notice_kind_quality.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.domain.schema import NoticeKind, Stage
from core.domain.stages import STAGE_WORDS


@dataclass(frozen=True)
class NoticeClass:
    kind: NoticeKind
    reason: str

    @property
    def is_job(self) -> bool:
        return self.kind is not NoticeKind.not_job


def _words(*phrases: str, flags=re.I) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", flags)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _stage_words(*stages: Stage) -> tuple[str, ...]:
    """The phrases that name ``stages`` in the one stage-word list (``core.domain.stages``)."""
    return tuple(p for stage, title, other in STAGE_WORDS if stage in stages for p in title + other)


# 1. Not a job notice, whatever else the title says. (name, pattern) in the order they are tried.
NOT_JOB: list[tuple[str, re.Pattern]] = [
    ("a portal notice", re.compile(r"\b(portal|website|web\s*site|server|link)\b[^.]{0,80}?\b(unavailable|"
                                   r"not\s+(be\s+)?available|down\s+for|under\s+maintenance|shut\s*down)", re.I)),
    ("a tender", _words(r"tenders?", r"e-?tender\w*", r"quotations?", r"e-?auction", r"auction",
                        r"expression\s+of\s+interest", r"EOI", r"RFP", r"RFQ", r"request\s+for\s+(qualification|proposal|quotation)",
                        r"निविदा\w*")),
    ("an empanelment", _words(r"empanel+ment", r"empanel", r"सूचीबद्ध\w*")),
    ("a transfer or posting order", _words(r"transfer\s+(order|of\s+(officers|employees|staff))", r"transfers?",
                                           r"posting\s+orders?", r"relieving\s+orders?", r"promotion\s+orders?",
                                           r"additional\s+charge", r"स्थानांतरण", r"तबादल\w*", r"पदस्थापन",
                                           r"कार्यमुक्त\w*", r"अतिरिक्त\s+कार्यभार", r"पदोन्नति")),
    ("an admission or entrance test", re.compile(
        r"(?<![\w-])(admissions?(?!\s+(certificate|letter|card|ticket))|entrance\s+(exam\w*|test)|prospectus|"
        r"b\.?\s?ed|up\s*b\.?\s?ed|d\.?\s?el\.?\s?ed|polytechnic|jeecup|bcece\w*|cuet|jee(\s+main\w*)?|neet|nift\w*|"
        r"jnvst|mop[- ]?up|seat\s+(allot\w*|matrix)|quota\s+seats|(?<!\w)course\s+admissions?)(?!\w)", re.I)),
    # GATE and CLAT are entrance tests; a board that recruits through them names the interview
    ("an entrance test", re.compile(r"\b(GATE|CLAT)\b(?!.*(interview|साक्षात्कार|recruitment|roll\s+no))", re.I)),
    ("an eligibility test", re.compile(r"(?<![\w-])(C?TET|REET|HTET|[A-Z]*NET|SET|SLET|CPCT|CET)(?![\w-])|"
                                       r"eligibility\s+test", 0)),
    ("a loan or scheme form", _words(r"loans?", r"subsidy", r"scholarships?", r"ऋण")),
    ("recruitment rules", _words(r"recruitment\s+rules?", r"draft\s+(recruitment\s+)?rules", r"service\s+rules",
                                 r"seeking\s+comments", r"comments\s+from\s+(the\s+)?stakeholders")),
    ("a compassionate appointment", _words(r"compassionate")),
    ("a job fair or seminar", _words(r"job\s+fair", r"rozgar\s+mela", r"seminar", r"webinar",
                                     r"conference")),
    ("a calendar", _words(r"annual\s+(planner|calendar)", r"planner", r"holidays?\s+list", r"list\s+of\s+holidays")),
    ("premises or a licence", _words(r"premises", r"licen[cs]e", r"liquor", r"lease", r"renovation",
                                     r"inner\s+line\s+permit", r"permit")),
    ("a general notice", _words(r"change\s+of\s+(office\s+)?address", r"shifting\s+of\s+(the\s+)?office",
                                r"future\s+(rrb\s+)?(exams?|examinations|recruitments)", r"mandating\s+aadha+r")),
]

# A title made only of these words is a menu or navigation link ("CAREER AND RECRUITMENTS").
_MENU_WORDS = _word_set("""
careers career recruitment recruitments recruitements current openings opening results updates update
advertisement advertisements application applications form forms annexures rules formats acts notice notices
press release releases archive archives closed tenders opportunities opportunity fellowship fellowships
researchers for and the of jobs job vacancies what's whats new downloads download notifications circulars
orders latest news events
""")

# 2. Lifecycle kinds, in the order they are tried: the first that a text names wins (a result
# "with schedule of Document Verification" is a result; "Skill Test Schedule & Admit Card" an
# admit card; "Result & PET Call Letter" a result).
LIFECYCLE: list[tuple[NoticeKind, re.Pattern]] = [
    # instructions for filling the OMR sheet come before the exam (the stage list's ``other``)
    (NoticeKind.exam_schedule, _words(*_stage_words(Stage.other))),
    (NoticeKind.syllabus, _words(r"syllabus", r"exam(ination)?\s+pattern", r"scheme\s+of\s+(the\s+)?exam\w*",
                                 r"courses?\s+of\s+stud(y|ies)", r"पाठ्यक्रम")),
    (NoticeKind.answer_key, _words(*_stage_words(Stage.answer_key), r"answer\s*key\w*", r"model\s+answers?",
                                   r"objections?\s+(on|regarding)\s+(the\s+)?questions?")),
    (NoticeKind.result, _words(
        *_stage_words(Stage.result, Stage.marks, Stage.score_card, Stage.cutoff, Stage.joining_order,
                      Stage.counselling),
        r"(select(ion)?|merit|rank|wait(ing)?|reserve|accepted|provisional|final|allotment|eligible|shortlisted)\s*list",
        r"list\s+of\s+(\w+\s+){0,5}(candidates?|applications|applicants)", r"eligible\s+and\s+not\s+eligible", r"selectlist", r"selection\s+withheld",
        r"(defective|rejected|reject|deffective)\s+(list|applications?|application\s+s)", r"dis-?qualified",
        r"short-?listed", r"provisionally\s+selected", r"final\s+panel", r"recommendation\s+for\s+appointment",
        r"notification\s+of\s+selections?", r"appointment\s+(letters?|orders?)", r"offer\s+of\s+appointment",
        r"normali[sz]ed\s+(score|marks)", r"fictitious\s+fee", r"rejection\s+notice", r"eligibility\s+status",
        r"transcripts?", r"चयनित", r"कट-ऑफ")),
    (NoticeKind.admit_card, _words(*_stage_words(Stage.admit_card), r"(interview|e-?call|call-?up)\s+letters?",
                                   r"admission\s+(certificate|letter|card)s?")),
    (NoticeKind.corrigendum, _words(
        *_stage_words(Stage.date_extended, Stage.correction),
        r"corr?i[gn]+e?n?dum", r"corrigemdum", r"corringendum", r"addend(um|a)", r"errat(um|a)", r"amendment",
        r"revised\s+(advertisement|advt|notification|vacanc\w*|application\s+fees?|minimum)",
        r"modified\s+(vacanc\w*|conditions?)", r"modifications\s+in", r"cancell?ation", r"cancell?ed", r"withdrawn",
        r"re-?activation", r"extension(?!\s+(officer|worker|educator|agent|cent(re|er)|services?))", r"विस्तार", r"शुद्धि\s*पत्र", r"संशोधन", r"special\s+notice",
        r"vision\s+standards", r"upper\s+age\s+limit", r"equivalen(ce|t)\s+\w+")),
    (NoticeKind.exam_schedule, _words(
        *_stage_words(Stage.exam_date),
        r"viva[- ]?voce", r"(?<!walk-in-)(?<!walk-in )(?<!walk in )(?<!walkin )interview", r"skill\s+test", r"typing\s+(skill\s+)?test",
        r"physical\s+(measurement|test|efficiency)", r"pet", r"pst", r"pmt", r"documents?\s+verification",
        r"aptitude\s+test", r"mock\s+test", r"option\s+form", r"screening\s+test",
        r"(main|written|preliminary|prelims?)\s+(\(written\s*\)\s+)?exam(ination)?", r"language\s+test", r"postponed",
        r"re-?schedul\w*", r"exam(ination)?\s+(on|held|to\s+be\s+held|details|programme)", r"exam(ination)?\s*-?\s*notice", r"programme\s+(for|of)",
        r"omr\s+sheet", r"information\s+handout", r"pre-?(recruitment|examination)\s+training", r"training\s+portal",
        r"fresh\s+(post\s+)?(preferences|references)", r"medical\s+(certificate|examination|exam)", r"cbt",
        r"proficiency", r"साक्षात्कार", r"परीक्षा\s+(तिथि|कार्यक्रम)")),
]

# A notice that only says it is a notice ("JUNIOR ASSISTANT & JUNIOR CLERK-2015: NOTICE", "Important
# Notice for candidates of NTPC…") adds to or changes what its recruitment's notification said.
_GENERIC_NOTICE = re.compile(r"(^|:\s*|\b(short|important|general)\s+)notice\b|\bnotice\s+(for|to|regarding)\s+"
                             r"(the\s+)?(attention\s+of\s+)?candidates|\bfor\s+the\s+candidates\b|^notice\s*$", re.I)

# 3. Recruitment: words that say posts are being filled, and advertisement numbers. "Notification"
# and "Advertisement" say so only with a post, an exam or a number ("Notification for Matsya Bhawan").
_DOCUMENT_WORDS = (r"notification", r"advertisement", r"advt\.?")
RECRUITMENT = _words(
    *(p for p in _stage_words(Stage.recruitment, Stage.online_form) if p not in _DOCUMENT_WORDS),
    r"recruitments?", r"hiring", r"walk-?\s?in", r"engagement\s+of", r"filling\s+up", r"to\s+be\s+filled",
    r"applications?\s+(are\s+)?invited", r"invites\s+applications", r"vacancy\s+notice", r"employment\s+notice",
    r"rally", r"intake", r"apply", r"appointment\s+of", r"re-?advertise?ment", r"रिक्ति\w*")
DOCUMENT = _words(*_DOCUMENT_WORDS, r"advertisements", r"advertisment", r"arvertisement", r"advts", r"विज्ञापन")
ADVT_NUMBER = re.compile(
    r"\b(advt|advertisement|cen|vacancy\s+notice|employment\s+notice|notification)\.?\s*(no\.?|number)?\s*[:.\-]?\s*"
    r"\(?\d+\s*(\(\w\))?\s*([/\-_]|of\s+(19|20)\d\d)"
    r"|\bno\.?\s*[:.]?\s*[A-Z]+\s*/\s*[A-Z0-9]|\bcen\s*[:.]?\s*\d|विज्ञापन\s+संख्या", re.I)

# 4. Posts: a title naming one is about a vacancy.
POST = _words(
    r"officers?", r"assistants?", r"asstt?\.?", r"engineers?", r"engg", r"clerks?", r"teachers?", r"teaching",
    r"non-?\s?teaching", r"professors?", r"lecturers?", r"faculty", r"scientists?", r"constables?", r"inspectors?",
    r"managers?", r"executives?", r"directors?", r"consultants?", r"advis[eo]rs?", r"attache", r"counsel+or",
    r"technicians?", r"technologists?", r"operators?", r"drivers?", r"nurses?", r"pharmacists?", r"doctors?",
    r"medical\s+officers?", r"physicians?", r"specialists?", r"stenographers?", r"typists?", r"translators?",
    r"librarians?", r"accountants?", r"auditors?", r"apprentices?", r"trainees?", r"fellows?", r"fellowships?",
    r"jrf", r"srf", r"post-?\s?docs?", r"post-?\s?doctoral", r"research\s+associates?", r"analysts?",
    r"developers?", r"programmers?", r"guards?", r"watchm[ae]n", r"peons?", r"mts", r"ldc", r"udc", r"chowkidar",
    r"cleaners?", r"sweepers?", r"cooks?", r"attendants?", r"helpers?", r"supervisors?", r"superintendents?",
    r"jailors?", r"rangers?", r"foresters?", r"patwari", r"sachiv", r"amin", r"curators?", r"conservators?",
    r"instructors?", r"investigators?", r"draftsman", r"tracers?", r"mechanics?", r"electricians?", r"fitters?",
    r"agniveers?", r"sailors?", r"soldiers?", r"airm[ae]n", r"navik", r"havildar", r"sub-?\s?inspectors?",
    r"staff", r"posts?", r"positions?", r"vacanc(y|ies)", r"judges?", r"prosecutors?", r"registrars?",
    r"secretary", r"secretaries", r"coordinators?", r"chairperson", r"members?", r"principals?", r"tgt", r"pgt",
    r"prt", r"stenos?", r"clerical", r"cadres?", r"grade\s*[- ]?(i{1,3}|iv|[a-d1-4])", r"group\s*[- ]?[a-d]",
    r"level\s*[- ]?\d+", r"cisos?", r"cto", r"agm", r"dgm", r"jgm", r"gm", r"ceo", r"cmr", r"professionals?",
    r"workers?", r"scale-?\s?[iv]+", r"gds", r"postm[ae]n", r"conductors?", r"vdo", r"si", r"asi", r"aso", r"sto",
    r"lineman", r"anm", r"gnm", r"economist", r"experts?", r"pilots?", r"alp", r"asm", r"ntpc", r"sse", r"jes?",
    r"cdms", r"dms", r"cma", r"radiographers?", r"adhikari", r"अधिकारी", r"सहायक", r"शिक्षक", r"लिपिक",
    r"आरक्षी", r"सिपाही", r"निरीक्षक", r"अभियंता", r"प्रशिक्षक", r"पद", r"पदों",
)
# Words and acronyms that do not name what a lifecycle notice is about.
_GENERIC_ACRONYMS = _word_set("CBT GD DV PET PST PMT ST SC OBC EWS PWD PH UR TA DA FAQ OMR PDF RE NO DT REG PWBD ESM ITI WR")
_STATE_CODES = _word_set("UP MP CG HP AP UK JK WB TN HR PB RJ")
_NAMED_EXAM = re.compile(
    r"\b(?!(?:written|main|mains|preliminary|prelims?|online|offline|the|this|for|of|in|an?|computer|based|"
    r"stage|1st|2nd|3rd|final|re|next|future|all|such|said|these|proficiency|aptitude|screening|typing|skill|"
    r"medical|physical|language|objective|type)\b)[a-z][a-z-]+\)?\s+(\(\w+\)\s+)?(exam|examination|test)s?\b",
    re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,9})(?:\(\w\))?(?![a-z])")


@dataclass(frozen=True)
class NoticeText:
    """A notice as the classifier reads it."""

    title: str
    label: str = ""
    text: str = ""
    link_labels: tuple[str, ...] = ()
    organisation_names: tuple[str, ...] = ()  # the publisher's names and short name
    aggregator: bool = False  # an aggregator's post names its recruitment by the organisation


def classify_notice(title: str | None, label: str | None = None, text: str | None = None,
                    links=(), organisation: str | None = None, organisation_short: str | None = None,
                    source_kind: str = "official") -> NoticeClass:
    """The kind of a notice and the reason, from its title, the source's own label for it (a
    board's column or an aggregator's box), the notice's text and its links' labels."""
    link_labels = tuple(sorted({(lk.get("label") if isinstance(lk, dict) else getattr(lk, "label", "")) or ""
                                for lk in links or ()}))
    names = tuple(n for n in (organisation, organisation_short) if n)
    return _classify(NoticeText(_clean(title), _clean(label), _clean(text)[:2000], link_labels, names,
                                source_kind == "aggregator"))


def _clean(value: str | None) -> str:
    return " ".join(str(value).split()) if value else ""


@lru_cache(maxsize=16384)  # notices come back every crawl
def _classify(notice: NoticeText) -> NoticeClass:
    title, label = notice.title, notice.label
    for name, pattern in NOT_JOB:
        for where, text in (("title", title), ("label", label)):
            if text and (match := pattern.search(text)):
                return _not_job(f"{name}: the {where} says {_quote(match)}")
    if _is_menu_link(title):
        return _not_job(f"a menu link: the title {title!r} has only navigation words")
    named = _named_subject(title, notice.organisation_names) or (notice.aggregator and bool(_rest(title)))
    for where, text in (("title", title), ("label", label)):
        for kind, pattern in LIFECYCLE:
            if text and (match := pattern.search(text)):
                if named:
                    return NoticeClass(kind, f"{kind.value.replace('_', ' ')}: the {where} says {_quote(match)}")
                name = kind.value.replace("_", " ")
                return _not_job(f"{'an' if name[0] in 'aeiou' else 'a'} {name} notice that names no post, exam "
                                f"or advertisement ({_quote(match)})")
    if named and (match := _GENERIC_NOTICE.search(title)):
        return NoticeClass(NoticeKind.corrigendum, f"a notice about a named recruitment: the title says {_quote(match)}")
    if (match := RECRUITMENT.search(title)) and (named or _rest(title) or _YEAR.search(title)):
        return NoticeClass(NoticeKind.recruitment, f"recruitment: the title says {_quote(match)}")
    if match := ADVT_NUMBER.search(title):
        return NoticeClass(NoticeKind.recruitment, f"recruitment: the title names an advertisement ({_quote(match)})")
    if (match := DOCUMENT.search(title)) and (named or (match.group().lower().startswith(("adv", "arv")) and _rest(title))):
        return NoticeClass(NoticeKind.recruitment, f"recruitment: the title says {_quote(match)}")
    if match := POST.search(title):
        return NoticeClass(NoticeKind.recruitment, f"recruitment: the title names a post ({_quote(match)})")
    if named and (match := (RECRUITMENT.search(label) or DOCUMENT.search(label))):
        return NoticeClass(NoticeKind.recruitment, f"recruitment: the label says {_quote(match)}")
    for link_label in notice.link_labels:
        if named and re.search(r"\bapply\s+online\b", link_label, re.I):
            return NoticeClass(NoticeKind.recruitment, f"recruitment: a link says {link_label!r}")
    if notice.text and (match := re.search(r"applications?\s+(are\s+)?invited|invites\s+applications", notice.text, re.I)):
        return NoticeClass(NoticeKind.recruitment, f"recruitment: the notice says {_quote(match)}")
    for name, pattern in _WEAK_NOT_JOB:
        if match := pattern.search(title):
            return _not_job(f"{name}: the title says {_quote(match)}")
    return _not_job("names no recruitment, post, exam or advertisement")


_WEAK_NOT_JOB: list[tuple[str, re.Pattern]] = [
    ("a scheme", _words(r"schemes?", r"yojana", r"yojna", r"योजना")),
    ("a circular or order", _words(r"circulars?", r"office\s+memorandum", r"orders?", r"gazette", r"परिपत्र",
                                   r"आदेश")),
    ("an RTI notice", _words(r"RTI", r"right\s+to\s+information", r"public\s+information\s+officer")),
    ("a notice to staff or the public", _words(r"pay\s+fixation", r"pension\w*", r"allowance", r"advance",
                                               r"payment", r"head\s+of\s+account", r"austerity", r"financial\s+powers",
                                               r"bhawan")),
]


def _not_job(reason: str) -> NoticeClass:
    return NoticeClass(NoticeKind.not_job, reason)


def _quote(match: re.Match) -> str:
    return repr(" ".join(match.group().split()))


def _is_menu_link(title: str) -> bool:
    words = re.findall(r"[^\W\d_]+'?[^\W\d_]*", title.lower())
    return bool(words) and not re.search(r"\d", title) and all(w in _MENU_WORDS for w in words)


_STAGE_AND_DOCUMENT_WORDS = [pattern for _, pattern in LIFECYCLE] + [RECRUITMENT, DOCUMENT]


def _rest(title: str) -> str:
    """What a title says besides stage and document words, link words and filler: "Click here
    for Police Recruitment" says "police"; "Advertisements" and "Notice 1 Dated…" say nothing."""
    for pattern in _STAGE_AND_DOCUMENT_WORDS:
        title = pattern.sub(" ", title)
    words = [w for w in re.findall(r"[^\W\d_]{2,}", title.lower()) if w not in _FILLER]
    return " ".join(words)


_FILLER = _word_set("""
for the of and in on at to by with from new web website final copy merged file pdf download view notice
notification detailed details regarding reg dated date no number document documents english hindi version
click here link out exclusive available updated latest various last extend extended till candidates
january february march april may june july august september october november december month
""")


def _named_subject(title: str, organisation_names: tuple[str, ...]) -> bool:
    """Whether a title names what its notice is about: a post, an exam, an advertisement or CEN
    number, or an acronym other than the publisher's own and the generic ones (CBT, DV, PET…)."""
    if POST.search(title) or ADVT_NUMBER.search(title) or _NAMED_EXAM.search(title):
        return True
    if is_all_caps(title):  # every word looks like an acronym there: any word but stage words and filler
        return bool(_rest(title))
    publisher = {n.upper() for n in organisation_names if len(n) <= 12}
    for pattern in _STAGE_AND_DOCUMENT_WORDS:
        title = pattern.sub(" ", title)
    for acronym in _ACRONYM.findall(title):
        if acronym in _GENERIC_ACRONYMS or acronym in _STATE_CODES or acronym in publisher:
            continue
        if re.fullmatch(r"[IVX]+|\d+", acronym):
            continue
        return True
    return False


def is_all_caps(text: str) -> bool:
    """Whether a text is written in capitals ("JUNIOR ASSISTANT & JUNIOR CLERK-2015: NOTICE")."""
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= 8 and sum(c.isupper() for c in cased) >= 0.8 * len(cased)
