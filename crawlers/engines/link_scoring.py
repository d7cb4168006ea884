"""Find the notices on a notice board nobody wrote selectors for, by scoring its rows.

A row is the largest element around a link that holds no other titled link (an ``li``, a ``tr``,
a card ``div``, or the bare ``a`` inside a marquee). Each row gets a score from features:
inside a nav/header/footer/menu (negative), length of its text, recruitment words (positive),
tender/RTI/pension/app/login words (negative), a PDF link, a date near it, and whether it sits in
a list of similar siblings that look like notices. Rows scoring at least ``THRESHOLD`` are kept.
Everything here is pure: an lxml tree and its URL in, ``Notice`` rows out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from core.domain.urls import absolute_url, is_pdf
from crawlers.base import clean_text

THRESHOLD = 2.5


# Containers whose links are navigation, not notices (tags, or id/class words).
_CHROME_TAGS = {"nav", "header", "footer"}
_CHROME_TOKEN = re.compile(
    r"^((nav|navbar|navigation|menu|menubar|mainmenu|topmenu|submenu|dropdown|footer|header|"
    r"masthead|breadcrumbs?|topbar|top-bar|social|skip|accessibility|copyright)([-_].*)?|"
    r".*[-_](nav|navbar|navigation|menu|menubar|footer)|site[-_]header)$", re.I)
# A "chrome" container holding most of the page is a broken layout (UPSC puts its whole page in
# <header><nav>), not a menu.
_CHROME_MAX_SHARE = 0.4

POSITIVE = re.compile(
    r"recruit|vacanc|advt|advertis|notification|notice|result|admit\s*card|call\s*letter|"
    r"answer\s*key|call[\s-]*up|interview|exam|examination|selection|merit\s*list|select\s*list|walk[\s-]*in|"
    r"post\s+of|posts\b|apply|application|corrigendum|addendum|shortlist|cut[\s-]*off|"
    r"syllabus|schedule|rank\s*list|candidates|engagement|appointment|written\s*test|"
    r"skill\s*test|document\s*verification|counsell?ing|\bpositions?\b|faculty|fellow|\bjrf\b|"
    r"\bsrf\b|project\s+(staff|assistant|associate|officer)|deputation|contractual|"
    r"नोटिस|आवेदन|"
    r"भर्ती|परीक्षा|विज्ञापन|परिणाम|अधिसूचना|सूचना|रिक्ति|चयन|साक्षात्कार|प्रवेश\s*पत्र", re.I)

NEGATIVE = re.compile(
    r"tender|procurement|quotation|sealed\s+proposals?|\brf[pq]\b|empanelment|\bbids?\b|\beoi\b|expression\s+of\s+interest|auction|"
    r"\brti\b|right\s+to\s+information|pension|gallery|photo|video|contact|login|log\s*in|"
    r"sign\s*in|register\s+here|^\s*home\s*$|about\s+us|sitemap|site\s*map|feedback|"
    r"download\s+(our\s+)?(mobile\s+)?app|mobile\s+app|google\s*play|play\s*store|app\s*store|"
    r"whatsapp|telegram|facebook|twitter|youtube|instagram|linkedin|screen\s*reader|"
    r"skip\s+to|disclaimer|privacy|copyright|hyperlink\s+policy|terms\s+(and|&)\s+conditions|"
    r"website\s+polic|help\s*desk|faq|citizen\s+charter|annual\s+report|budget|"
    r"promotion|seniority\s+list|transfer|posting\s+order|dearness|gpf|leave\s+rules|"
    r"holiday|circulars?\s+for\s+staff|vigilance|grievance|mutual|salary|"
    r"नि[विव]िदा|निविदा|पेंशन|सूचना\s+का\s+अधिकार", re.I)

# Link texts that say nothing about the notice: the row's text is used as its title instead.
GENERIC = re.compile(
    r"^(click\s+here.*|download|view|view\s+pdf|pdf|here|details?|more|read\s+more|new|"
    r"apply(\s+online)?|link|open|\(?\d+(\.\d+)?\s*(kb|mb)\)?)$", re.I)

# Link texts that name an action ("Download Admission Certificate"), not the notice.
ACTION = re.compile(r"^(click\s+here|download|view|print|apply)\b[\w\s&./-]{0,40}$", re.I)
# Negative words worth reading in a link's file name (a title can be as bland as "Notice").
NEGATIVE_FILE = re.compile(r"tender|\brti\b|auction|gallery|pension|quotation", re.I)

_MONTHS = (r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
           r"sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?")
DATE = re.compile(
    rf"\b(\d{{1,2}}[-./]\d{{1,2}}[-./](19|20)\d{{2}}|(19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}(st|nd|rd|th)?[\s-]+({_MONTHS})[\s,.-]+(19|20)\d{{2}}|"
    rf"({_MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+(19|20)\d{{2}})\b", re.I)

_STOP_CLIMB = {"body", "html", "ul", "ol", "table", "tbody", "thead", "marquee", "nav", "form",
               "header", "footer", "dl", "select"}
_ROW_TAGS = {"li", "tr", "article", "dd"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "option", "select", "head", "title"}


@dataclass
class Notice:
    """One row of a board, as found: raw texts and absolute URLs, plus why it was scored so."""

    title: str
    date: str | None = None
    link: str | None = None
    pdf_link: str | None = None
    links: list[dict] = field(default_factory=list)
    score: float = 0.0
    features: dict[str, float] = field(default_factory=dict)
    fragment: str = ""


def text_of(element) -> str:
    """Visible text of an element: no scripts, styles or comments (lxml keeps those as nodes)."""
    parts = []
    for node in element.iter():
        if not isinstance(node.tag, str):  # comments and processing instructions
            if node.tail:
                parts.append(node.tail)
            continue
        if node.tag in _SKIP_TAGS:
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return clean_text(" ".join(parts))


def label_of(anchor) -> str:
    """A link's text, or for an image link its title / alt text (HSSC's advertisement banners)."""
    text = text_of(anchor)
    if text:
        return text
    image = next(iter(anchor.iter("img")), None)
    return clean_text(anchor.get("title") or (image.get("alt") if image is not None else "") or "")


def _titled(anchor) -> bool:
    text = label_of(anchor)
    return len(text) >= 12 and not GENERIC.match(text)


def _row_of(anchor):
    """The largest ancestor of ``anchor`` holding no other titled link."""
    row = anchor
    for ancestor in anchor.iterancestors():
        if not isinstance(ancestor.tag, str) or ancestor.tag in _STOP_CLIMB:
            break
        titled = [a for a in ancestor.iter("a") if _titled(a)]
        if len(titled) > 1 or len(text_of(ancestor)) > 600:
            break
        row = ancestor
        if ancestor.tag in _ROW_TAGS:
            break
    return row


def _is_chrome(node) -> bool:
    if node.tag in _CHROME_TAGS or node.get("role") == "navigation":
        return True
    tokens = f"{node.get('id', '')} {node.get('class', '')}".split()
    return any(_CHROME_TOKEN.match(token) for token in tokens)


def _in_chrome(element, page_links: int, cache: dict) -> bool:
    for node in [element, *element.iterancestors()]:
        if not isinstance(node.tag, str):
            continue
        key = id(node)
        if key not in cache:
            cache[key] = _is_chrome(node) and (
                sum(1 for _ in node.iter("a")) <= _CHROME_MAX_SHARE * page_links)
        if cache[key]:
            return True
    return False


def _inside_link(element) -> bool:
    return any(ancestor.tag == "a" for ancestor in element.iterancestors())


def _candidate_rows(root) -> list:
    rows, seen = [], set()
    for anchor in root.iter("a"):
        if any(not isinstance(p.tag, str) or p.tag in _SKIP_TAGS for p in anchor.iterancestors()):
            continue
        if not label_of(anchor):
            continue
        row = _row_of(anchor)
        if id(row) not in seen:
            seen.add(id(row))
            rows.append(row)
    # Rows without any link (a "What's New" line that is only text) still count as rows.
    for row in root.iter("li", "tr"):
        if id(row) not in seen and not row.findall(".//a") and not _inside_link(row) and not row.findall(".//li") \
                and not row.findall(".//tr") and len(text_of(row).split()) >= 5:
            seen.add(id(row))
            rows.append(row)
    return rows


def _describe(row, base_url: str) -> Notice:
    anchors = [row] if row.tag == "a" else list(row.iter("a"))
    links = []
    for anchor in anchors:
        url = absolute_url(base_url, anchor.get("href"))
        label = label_of(anchor)
        if url and label and not any(link["url"] == url for link in links):
            links.append({"label": label, "url": url})
    row_text = text_of(row) or " ".join(label_of(a) for a in anchors)
    titled = [a for a in anchors if _titled(a)]
    best = label_of(max(titled, key=lambda a: len(label_of(a)))) if titled else None
    date_match = DATE.search(row_text)
    title = best or _row_title(row_text, anchors, date_match)
    if best and ACTION.match(best):
        # "Download Admission Certificate" next to the notice's own text: the text is the title.
        rest = _row_title(row_text, anchors, date_match)
        if len(rest.split()) >= len(best.split()) + 4:
            title = rest
    main = next((link["url"] for link in links if link["label"] == best), None)
    main = main or (links[0]["url"] if links else None)
    pdf = next((link["url"] for link in links if is_pdf(link["url"])), None)
    return Notice(title=title, date=date_match.group(0) if date_match else None, link=main,
                  pdf_link=pdf, links=links)


def _row_title(row_text: str, anchors, date_match) -> str:
    """The row's text without its date and its "View Pdf" / "Download" link labels."""
    title = row_text
    if date_match and len(title) > len(date_match.group(0)) + 8:
        title = title.replace(date_match.group(0), " ", 1)
    for anchor in anchors:
        label = label_of(anchor)
        if label and len(label) <= 40 and (GENERIC.match(label) or ACTION.match(label)) \
                and len(title) > len(label) + 8:
            head, found, tail = title.rpartition(label)
            title = f"{head} {tail}" if found else title
    return clean_text(title).strip(" -:|»") or clean_text(row_text)


def _features(row, notice: Notice, page_links: int, cache: dict) -> dict[str, float]:
    words = len(notice.title.split())
    features: dict[str, float] = {}
    if _in_chrome(row, page_links, cache):
        features["chrome"] = -4
    if words <= 2:
        features["short"] = -3
    elif words == 3:
        features["short"] = -1
    elif words <= 45:
        features["length"] = 1
    elif words > 70:
        features["long"] = -2
    if POSITIVE.search(notice.title):
        features["words+"] = 2
    if NEGATIVE.search(notice.title) or (notice.link and NEGATIVE_FILE.search(
            urlsplit(notice.link).path.rsplit("/", 1)[-1].replace("_", " "))):
        features["words-"] = -6
    if notice.pdf_link:
        features["pdf"] = 1
    if notice.date:
        features["date"] = 1.5
    if not notice.links:
        features["no_link"] = -1
        if _dates_table_row(row, notice):
            features["dates_table"] = -3
    if _in_submenu(row):
        features["submenu"] = -2
    return features


def _dates_table_row(row, notice: Notice) -> bool:
    """A row of an "important dates" table (event | date), not a notice."""
    if row.tag != "tr":
        return False
    if re.match(r"^(last|closing|opening|start|end)\s+date", notice.title, re.I):
        return True
    cells = [text_of(cell) for cell in row if isinstance(cell.tag, str)]
    return any(DATE.search(c) and len(DATE.sub("", c).strip(" -:,.")) < 20 for c in cells)


def _in_submenu(row) -> bool:
    """A list item of a list nested in another list item: a dropdown menu's entry."""
    item = row if row.tag == "li" else next((a for a in row.iterancestors("li")), None)
    if item is None:
        return False
    return any(True for _ in item.getparent().iterancestors("li")) if item.getparent() is not None \
        else False


def _sibling_bonus(rows, notices) -> None:
    """Rows repeated under one parent, most of them looking like notices, earn +1 each."""
    groups = defaultdict(list)
    for row, notice in zip(rows, notices, strict=True):
        parent = row.getparent()
        groups[(id(parent), row.tag)].append(notice)
    for members in groups.values():
        if len(members) < 3:
            continue
        noticy = sum(1 for n in members if "words+" in n.features or "date" in n.features
                     or "pdf" in n.features)
        if noticy / len(members) >= 0.5:
            for n in members:
                n.features["list"] = 1


def score_rows(root, base_url: str) -> list[Notice]:
    """Every candidate row of the page with its score, in document order."""
    # Holding every element's proxy keeps lxml from recycling them, so id() is a stable key.
    elements = list(root.iter())
    index = {id(el): i for i, el in enumerate(elements)}
    rows = _candidate_rows(root)
    rows.sort(key=lambda el: index.get(id(el), 0))
    notices = [_describe(row, base_url) for row in rows]
    page_links, cache = sum(1 for _ in root.iter("a")), {}
    for row, notice in zip(rows, notices, strict=True):
        notice.features = _features(row, notice, page_links, cache)
        notice.fragment = f"row-{index.get(id(row), 0)}"
    _sibling_bonus(rows, notices)
    for notice in notices:
        notice.score = sum(notice.features.values())
    return notices


def board_notices(root, base_url: str, threshold: float = THRESHOLD) -> list[Notice]:
    """The rows of a board that look like notices, without duplicates, in document order."""
    kept, seen = [], set()
    for notice in score_rows(root, base_url):
        if notice.score < threshold:
            continue
        key = (notice.title.casefold(), notice.link)
        if key in seen:
            continue
        seen.add(key)
        kept.append(notice)
    return kept
