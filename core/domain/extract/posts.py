"""The posts a notice advertises, with their counts where it gives them, and the total it states.

Read from, in order: post tables (a "Name of the Post" column and a "No. of posts" column, or
two-column tables of "Name of the Post | Adhoc Faculty"); the notice's own lines ("Name of Post :
Last Grade Servants", "Position Title: Accounts Officer (One position)", "… NOTIFICATION FOR
YOUNG PROFESSIONAL-II (01 NO."); numbered post headings ("(ii) ASSISTANT BRANCH POSTMASTER
(ABPM)"); and last, "recruitment to the post of Assistant Loco Pilot".

A total is only taken where the notice states it (a "Total" row, "total 2357 posts"): counts in a
table of selected candidates or of roll numbers are not vacancies, and a sum of post rows is the
normaliser's business.
"""

from __future__ import annotations

import re

from core.domain.extract.document import Document, Table
from core.domain.extract.facts import Fact, Line, fact, flowing, lines, table_fact

MAX_POSTS = 1_000_000
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_NAME_HEADER = re.compile(r"^\s*(?:name\s+of\s+(?:the\s+)?posts?|posts?\s+name|name\s+of\s+posts|posts?|"
                          r"designation|name\s+of\s+(?:the\s+)?positions?|positions?)\s*$", re.I)
_COUNT_HEADER = re.compile(r"no\.?\s*of\s*(?:posts?|vacanc\w*|positions?|seats?)|number\s+of\s+(?:posts?|vacanc\w*|positions?)|"
                           r"^\s*vacanc\w*\s*$|^\s*total\s*$|^\s*posts?\s*$", re.I)
_KEY_NAME = re.compile(r"^\s*(?:name\s+of\s+(?:the\s+)?(?:contractual\s+)?(?:post|position|service)s?|post\s+name|"
                       r"position\s+title|designation)\s*$", re.I)
_KEY_COUNT = re.compile(r"^\s*(?:no\.?\s*of\s*(?:posts?|positions?|vacanc\w*)|number(?:\s+of\s+(?:posts?|vacanc\w*|positions?))?)\s*$", re.I)
_TOTAL = re.compile(r"^\s*(?:grand\s+)?total\b", re.I)
_COUNT = re.compile(r"^\s*(\d{1,6})\b|^\s*\(?\s*(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)

_LINE_RULES: list[re.Pattern] = [
    # "2. Name of Post : Last Grade Servants", "Name of the Post: Technical Officer (Network Administration): 01"
    re.compile(r"\bname\s+of\s+(?:the\s+)?(?:contractual\s+)?(?:post|position)s?\b\s*[:\-]?\s*(?P<name>(?-i:[A-Z])[^:]{2,90}?)"
               r"(?:\s*:\s*(?P<count>\d{1,4}))?\s*$", re.I),
    # "Position Title: Accounts Officer (One position)"
    re.compile(r"\bposition\s+title\s*:\s*(?P<name>[A-Z].{2,80}?)\s*(?:\(\s*(?P<count>\w+)\s+(?:positions?|posts?)\s*\))?\s*$", re.I),
]
# "NOTIFICATION FOR YOUNG PROFESSIONAL-II (01 NO.", "…FOR SENIORRESEARCHFELLOW (TWO POSITIONS…"
_NOTIFICATION_FOR = re.compile(
    r"(?:notification|recruitment|interview)\s*for\s*(?:the\s+posts?\s+of\s+)?(?P<name>[A-Z][A-Z .\-—&]{3,60}?)\s*"
    r"\(\s*(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:no\b|nos\b|positions?|posts?)", re.I)
_LINE_RULES.append(_NOTIFICATION_FOR)
# Read in flowing text, where a line break may fall inside them.
_SENTENCE_RULES: list[re.Pattern] = [
    # "for recruitment of one “Ministry of Steel Chair Professor”"
    re.compile(r"\brecruitment\s+of\s+(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
               r"[“\"'‘](?P<name>[A-Z][^”\"'’]{2,80})[”\"'’]", re.I),
    _NOTIFICATION_FOR,
]
# "(ii) ASSISTANT BRANCH POSTMASTER (ABPM)", "(iii)DAK SEVAK" under a job-profile or posts heading
_HEADING_SECTION = re.compile(r"job\s+profile|details\s+of\s+(?:the\s+)?posts?|name\s+of\s+(?:the\s+)?posts", re.I)
_NUMBERED_HEADING = re.compile(r"^\(?(?:[ivx]{1,4}|\d{1,2})\)\s*(?P<name>[A-Z][A-Z .()/&\-]{3,60})\s*:?\s*$")
# "YOUNG PROFESSIONAL — I:" over a table whose first row is "No. of Positions 02 (TWO)"
_CAPS_HEADING = re.compile(r"^(?P<name>[A-Z][A-Z .\-—&]{3,60}?[A-Z]\w*)\s*:\s*$")
_POSITIONS = re.compile(r"no\.?\s*of\s*positions?\s*(?P<count>\d{1,4})", re.I)
_POST_OF = re.compile(r"\b(?:to|for)\s+the\s+posts?\s+of\s+(?P<name>[A-Z][\w.\-/&]*(?:\s+[A-Z(][\w.\-/&)]*){0,5})"
                      r"(?=\s+(?:published|notified|under|in|on|at|is|are|was|were|with|for|from)\b|\s*[,.;]|\s*$)")
# "posts of Professor, Associate Professor … in: Computer Science and Engineering – 6 (any
# specialization), Electronics and Communication Engineering- 4 (any specialization), Mathematics -1"
_DISCIPLINES = re.compile(r"\bposts?\s+of\b[^.:;]{0,160}?\bin\s*:\s*(?P<list>[^.;]{5,600})")
_DISCIPLINE = re.compile(r"(?P<name>[A-Z][A-Za-z&,' ]*?[A-Za-z])\s*[–-]\s*(?P<count>\d{1,3})\b\s*(?:\((?P<note>[^)]{1,40})\))?")
_POSTS_HEADER = re.compile(r"^\s*posts?\s+(?:number|no\.?)\s+of\s+(?:vacanc\w*|posts)\s*$", re.I)
_STATED_TOTAL = re.compile(r"\btotal\s+(?:number\s+of\s+)?(?:posts?|vacanc\w*)\s*[:\-]?\s*(\d[\d,]*)\b|"
                           r"\b(\d[\d,]*)\s+posts?\s+in\s+(?:all|total)\b", re.I)


def count_of(text: str | None) -> int | None:
    match = _COUNT.match(text or "")
    if not match:
        return None
    value = int(match.group(1)) if match.group(1) else NUMBER_WORDS[match.group(2).lower()]
    return value if 0 < value <= MAX_POSTS else None


def clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" :;,.-–—|")
    name = re.sub(r"^(?:[A-Z]|\d{1,2})[.)]?\s+(?=[A-Z])", "", name) if re.match(r"^(?:[A-Z]|\d{1,2})[.)]?\s+\w+\s+\w", name) else name
    return name[:120]


def posts(document: Document) -> dict[str, Fact]:
    """``posts`` (a list of ``{"name", "count"}``) and ``total_posts`` where the notice states it."""
    found: list[tuple[str, int | None, Fact]] = []
    total: Fact | None = None
    for table in document.tables:
        rows, table_total = _post_table(document, table)
        found += rows
        total = total or table_total
    if not found:  # tables of one post each ("Name of the Post | Adhoc Faculty")
        for table in document.tables:
            found += _key_value_table(document, table) or _single_post_row(document, table)
    if not found:
        found = _from_lines(document)
    if not found:
        found = _post_of(document)
    result: dict[str, Fact] = {}
    if found:
        unique: dict[str, tuple[str, int | None, Fact]] = {}
        for name, count, evidence in found:
            key = re.sub(r"\W", "", name).lower()
            if key and key not in unique:
                unique[key] = (name, count, evidence)
        values = [{"name": name, "count": count} for name, count, _ in unique.values()]
        first = next(iter(unique.values()))[2]
        result["posts"] = Fact(values, first.document, first.page, first.quote)
    total = total or _stated_total(document)
    if total is not None:
        result["total_posts"] = total
    return result


_OTHER_HEADER = re.compile(r"code|s\.?\s*no|sl\.?\s*no|pay|scale|salary|remunerat|qualification|department|"
                           r"specialization|grade|categor|vacanc|no\.?\s*of|date|age|experience", re.I)


_NOT_POST_TABLE = re.compile(r"disabilit|relaxation|reservation\s+for|roll\s+no|marks|cut-?off", re.I)


def _header_index(rows: list[list[str]]) -> int | None:
    """The header row of a post table: a post-name cell beside other column headings (not a
    table of which disabilities suit which post, or of roll numbers)."""
    for index, row in enumerate(rows[:2]):
        if any(_NOT_POST_TABLE.search(c) for c in row):
            return None
        names = [i for i, c in enumerate(row) if _NAME_HEADER.match(c)]
        if names and any(_OTHER_HEADER.search(c) for i, c in enumerate(row) if i not in names and c):
            return index
    return None


def _post_table(document: Document, table: Table) -> tuple[list, Fact | None]:
    """Rows of a post table and the total it states; a category-wise table gives its total only."""
    rows = table.rows
    header_index = _header_index(rows)
    if header_index is None:
        count_header = next((i for i, row in enumerate(rows[:2]) if any(_COUNT_HEADER.search(c) for c in row)), None)
        return [], _total_row(document, table, rows[count_header], rows[count_header + 1:]) if count_header is not None else None
    header = rows[header_index]
    name_col = next(i for i, c in enumerate(header) if _NAME_HEADER.match(c))
    count_col = next((i for i, c in enumerate(header) if _COUNT_HEADER.search(c) and i != name_col), None)
    found = []
    for row in rows[header_index + 1:]:
        if any(_TOTAL.match(c) for c in row[:max(1, name_col + 1)]):
            continue
        if name_col >= len(row) or not re.search(r"[A-Za-z]{2}", row[name_col]):
            continue
        name = clean_name(row[name_col])
        count = count_of(row[count_col]) if count_col is not None and count_col < len(row) else None
        found.append((name, count, table_fact(document, table.page, row[name_col], name)))
    return found, _total_row(document, table, header, rows[header_index + 1:])


def _total_row(document: Document, table: Table, header: list[str], rows: list[list[str]]) -> Fact | None:
    count_col = next((i for i, c in enumerate(header) if _COUNT_HEADER.search(c)), None)
    if count_col is None:
        return None
    for row in rows:
        if count_col < len(row) and any(_TOTAL.match(c) for c in row[:max(1, count_col)]):
            value = count_of(row[count_col])
            if value is not None:
                return table_fact(document, table.page, " ".join(c for c in row if c), value)
    return None


def _key_value_table(document: Document, table: Table) -> list:
    """``Name of the Post | Adhoc Faculty``, ``No. of Positions | 02 (TWO)``: one post per table."""
    if any(len(row) > 3 for row in table.rows) or any(_NOT_POST_TABLE.search(c) for c in table.rows[0]):
        return []
    name = count = evidence = None
    for row in table.rows:
        key_col = 1 if len(row) == 3 else 0
        if key_col + 1 >= len(row):
            continue
        key, value = row[key_col], row[key_col + 1]
        if _KEY_NAME.match(key) and value and name is None and not _OTHER_HEADER.search(value):
            name = clean_name(value)
            evidence = table_fact(document, table.page, value, name)
        elif _KEY_COUNT.match(key) and count is None:
            count = count_of(value)
    return [(name, count, evidence)] if name else []


def _single_post_row(document: Document, table: Table) -> list:
    """A one-row table ``Assistant Manager-IT | 01 (Contractual Basis)`` under a "Post  Number of
    Vacancies" line (the header is text, the row a table)."""
    if len(table.rows) != 1 or len(table.rows[0]) != 2:
        return []
    name, count = table.rows[0][0], count_of(table.rows[0][1])
    page_lines = [ln.text for ln in lines(document) if ln.page == table.page]
    name_at = next((i for i, text in enumerate(page_lines) if text.strip() == name.strip()), None)
    if count is None or name_at is None or name_at == 0 or not _POSTS_HEADER.match(page_lines[name_at - 1]):
        return []
    return [(clean_name(name), count, table_fact(document, table.page, name, name))]


def _from_lines(document: Document) -> list:
    found = []
    all_lines = lines(document)
    for index, line in enumerate(all_lines):
        for pattern in _LINE_RULES:
            if (match := pattern.search(line.text)) and not _NOT_POST_TABLE.search(match.group("name")):
                found.append((clean_name(match.group("name")), count_of(match.group("count")),
                              fact(document, line, None, match)))
                break
        else:
            if match := _CAPS_HEADING.match(line.text):
                following = " ".join(ln.text for ln in all_lines[index + 1:index + 5])
                if positions := _POSITIONS.search(following):
                    found.append((clean_name(match.group("name")), int(positions.group("count")),
                                  fact(document, line, None, match)))
    if not found:
        for line in flowing(document):
            for pattern in _SENTENCE_RULES:
                found += [(clean_name(m.group("name")), count_of(m.group("count")), fact(document, line, None, m))
                          for m in pattern.finditer(line.text)]
    if not found:
        found = _discipline_list(document)
    if not found:
        found = _numbered_headings(document, all_lines)
    return [(name, count, Fact(name, ev.document, ev.page, ev.quote)) for name, count, ev in found if name]


def _discipline_list(document: Document) -> list:
    """Posts counted per discipline; a note that narrows the post ("(English)") is part of its
    name, one that does not ("(any specialization)") is not."""
    for line in flowing(document):
        if match := _DISCIPLINES.search(line.text):
            offset = match.start("list")
            found = []
            for item in _DISCIPLINE.finditer(match.group("list")):
                note = item.group("note")
                name = item.group("name").strip(" ,") + (f" ({note})" if note and not note.lower().startswith("any") else "")
                found.append((clean_name(name), int(item.group("count")),
                              fact(document, line, None, span=(offset + item.start(), offset + item.end()))))
            if len(found) >= 2:
                return found
    return []


def _numbered_headings(document: Document, all_lines: list[Line]) -> list:
    found = []
    for index, line in enumerate(all_lines):
        if not _HEADING_SECTION.search(line.text):
            continue
        for later in all_lines[index + 1:index + 60]:
            if match := _NUMBERED_HEADING.match(later.text):
                found.append((clean_name(match.group("name")), None, fact(document, later, None, match)))
        if found:
            break
    return found


def _post_of(document: Document) -> list:
    for line in lines(document):
        if match := _POST_OF.search(line.text):
            name = clean_name(match.group("name"))
            return [(name, None, fact(document, line, name, match))]
    return []


def _stated_total(document: Document) -> Fact | None:
    for line in lines(document):
        if match := _STATED_TOTAL.search(line.text):
            value = int((match.group(1) or match.group(2)).replace(",", ""))
            if 0 < value <= MAX_POSTS:
                return fact(document, line, value, match)
    return None
