"""The selection process, as a list of steps with plain names: "Written test", "Interview",
"Document verification", "Merit list", "CV shortlisting", "Skill test", "Physical test",
"Medical examination".

Steps are read where the notice says how it selects (a "Selection Process:", "Mode of
selection" or "Scheme of Examination" section, "the final selection will be on the basis of …")
and from its own heading ("WALK-IN-INTERVIEW FOR …", "WRITTEN TEST AND INTERVIEW NOTIFICATION").
A step a notice only may add ("may also decide conducting Written Test to shortlist") is not one.
"""

from __future__ import annotations

import re

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, fact, flowing, lines, sentences

SECTION_CHARS = 1500
STEPS: list[tuple[str, re.Pattern]] = [
    ("Written test", re.compile(r"written[\s-]*(?:test|exam\w*)|computer\s+based\s+(?:exam\w*|test)|\bCBT\b|"
                                r"walk[\s-]*in[\s-]*test|paper[\s-]*(?:i|ii|1|2)\b|objective\s+type|लिखित\s+परीक्षा", re.I)),
    ("Skill test", re.compile(r"skill\s+test|typing\s+test|trade\s+test|proficiency\s+test", re.I)),
    ("Physical test", re.compile(r"physical\s+(?:efficiency|endurance|standard|measurement)\s+test|\bPET\b|\bPST\b", re.I)),
    ("Interview", re.compile(r"interview|viva[\s-]*voce|साक्षात्कार", re.I)),
    ("Document verification", re.compile(r"document\s+verification|verification\s+of\s+documents|दस्तावेज़?\s+सत्यापन", re.I)),
    ("Medical examination", re.compile(r"medical\s+(?:examination|test|fitness)", re.I)),
    ("Merit list", re.compile(r"merit\s+list\s+(?:will\s+be\s+)?(?:prepared|drawn)|marks\s+obtained\s+in\s+(?:the\s+)?(?:10th|class|matric)|"
                              r"on\s+the\s+basis\s+of\s+(?:the\s+)?marks", re.I)),
    ("CV shortlisting", re.compile(r"\bCV\b|curriculum\s+vitae|\bresume\b", re.I)),
]
_SECTION = re.compile(r"selection\s+(?:process|procedure)|mode\s+of\s+selection|method\s+of\s+selection|"
                      r"scheme\s+of\s+(?:the\s+)?(?:examination|selection)|(?:final\s+)?selection\s+will\s+be\s+(?:made\s+)?"
                      r"(?:on\s+the\s+basis|based)|merit\s+list|चयन\s+प्रक्रिया", re.I)
_HEADING = re.compile(r"walk[\s-]*in[\s-]*(?:test|interview)|written\s*test\s*(?:and|cum|&)\s*interview|"
                      r"written\s*test\s*cum", re.I)
_MAYBE = re.compile(r"\bmay\b|\bif\s+(?:required|necessary|the\s+number)|in\s+the\s+event|reserves?\s+the\s+right|"
                    r"not\s+be\s+|\bfail|absent|scribe|admit\s+card|compensatory", re.I)


def selection_process(document: Document) -> Fact | None:
    found: dict[str, Fact] = {}
    for line in lines(document)[:12]:
        if _HEADING.search(line.text):
            for step, where in _steps(line.text):
                found.setdefault(step, fact(document, line, step, span=where))
    for line in flowing(document):
        for anchor in _SECTION.finditer(line.text):
            end = min(len(line.text), anchor.start() + SECTION_CHARS)
            for sentence, start in sentences(line.text, anchor.start(), end):
                if _MAYBE.search(sentence):
                    continue
                for step, (a, b) in _steps(sentence):
                    found.setdefault(step, fact(document, line, step, span=(start + a, start + b)))
    if not found:
        return None
    steps = [step for step, _ in STEPS if step in found]
    first = min(found.values(), key=lambda f: f.page or 0)
    return Fact(steps, first.document, first.page, first.quote)


def _steps(text: str):
    for step, pattern in STEPS:
        if match := pattern.search(text):
            yield step, match.span()
