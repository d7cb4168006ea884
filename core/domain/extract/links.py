"""The official apply link a notice gives: an http(s) address in a sentence about applying
online ("apply online at https://appost.in/gdsonline", "submitted online through the official
website … https://ssc.nic.in"). A bare ``www.`` address of a board's home page is not an apply
link, and neither is an address to mail or a form to download.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from core.domain.extract.document import Document
from core.domain.extract.facts import Fact, fact, flowing, sentences

_URL = re.compile(r"https?://[\w.\-]+(?:/[\w\-./?=&%#~]*)?", re.I)
_APPLYING = re.compile(r"\bappl(?:y|ied|ication)\w*\b.*\bonline\b|\bonline\b.*\bappl(?:y|ication)\w*|"
                       r"\bregist(?:er|ration)\b|apply\s+(?:at|through|on)", re.I)
_NOT_APPLYING = re.compile(r"download|e-?mail|result|admit\s+card|grievance|helpdesk|payment\s+status|"
                           r"answer\s+key|syllabus", re.I)


def application_link(document: Document) -> Fact | None:
    for line in flowing(document):
        for sentence, start in sentences(line.text):
            if not _APPLYING.search(sentence) or _NOT_APPLYING.search(sentence):
                continue
            addresses = list(_URL.finditer(sentence))
            if addresses:
                # "through https://indiapost.gov.in or https://appost.in/gdsonline": the form, not the home page
                match = next((m for m in addresses if urlsplit(m.group(0).rstrip(".,;)")).path.strip("/")), addresses[0])
                url = match.group(0).rstrip(".,;)")
                return fact(document, line, url, span=(start + match.start(), start + match.end()))
    return None
