"""Total posts and post names from vacancy tables (summed, and checked against a stated total)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.domain.schema import Post

_NUMBER = re.compile(r"\d[\d,]*")
_TOTAL_ROW = re.compile(r"^\s*(grand\s+)?total\b", re.I)
_TOTAL_COL = re.compile(r"\b(total|no\.?\s+of\s+posts?|posts?|vacanc(y|ies)|seats?)\b", re.I)
_NAME_COL = re.compile(r"\b(post|name|trade|discipline|designation|course)\b", re.I)
_POSTS_IN_TEXT = re.compile(r"\b(\d[\d,]*)\s*(?:\+\s*\d+\s*)?(?:posts?|positions?|vacanc(?:y|ies)|seats?)\b", re.I)
# "1544 TGT Vacancy", "19838 Constable Posts": the post's name between the count and "posts"
_POSTS_NAMED = re.compile(
    r"\b(\d[\d,]*)\s+((?:[A-Z][\w.&\-]*\s+){1,3})(?i:posts?|vacanc(?:y|ies))\b"
)
_QUAL_COL = re.compile(r"eligib|qualif", re.I)


@dataclass
class Vacancies:
    total: int | None = None
    posts: list[Post] = field(default_factory=list)
    eligibility: list[str] = field(default_factory=list)
    selection: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # total_posts, posts, selection_process → what was read


def _int(text) -> int | None:
    """The first whole number in a cell; a number of posts beyond a million is not one."""
    match = _NUMBER.search(str(text or ""))
    if not match or len(match.group(0)) > 12:
        return None
    value = int(match.group(0).replace(",", ""))
    return value if value <= 1_000_000 else None


def parse_vacancies(tables: list[dict]) -> Vacancies:
    result = Vacancies()
    totals: list[int] = []
    for table in tables or []:
        headers, rows = _with_header_row(table)
        if any(re.search(r"whatsapp|telegram|join\s+our", h, re.I) for h in headers):
            continue
        if len(headers) == 1 and re.search(r"selection", headers[0], re.I):
            result.selection += [v for r in rows for v in r.values() if v]
            if result.selection:
                result.sources.setdefault("selection_process", f"{headers[0]}: {result.selection[0]}")
            continue
        name_col = next((h for h in headers if _NAME_COL.search(h)), headers[0] if headers else None)
        qual_col = next((h for h in headers if _QUAL_COL.search(h)), None)
        if qual_col:
            result.eligibility += [f"{r.get(name_col, '')}: {r[qual_col]}".strip(": ") for r in rows if r.get(qual_col)]
        count_cols = [h for h in headers if h not in (name_col, qual_col) and _TOTAL_COL.search(h)]
        total_col = next((h for h in count_cols if re.search(r"total", h, re.I)), count_cols[-1] if count_cols else None)
        if total_col is None:
            continue
        stated = None
        summed = 0
        read: list[str] = []
        by_category = any(re.search(r"categor", h, re.I) for h in headers)
        for row in rows:
            name = (row.get(name_col) or "").strip()
            count = _int(row.get(total_col))
            if count is None and _NUMBER.search(str(row.get(total_col) or "")):
                result.warnings.append(f"{str(row.get(total_col))[:40]!r} is not a believable number of posts")
            if count is None and row.get("_ragged"):
                count = _int(row["_ragged"][-1])  # a row-spanned first cell shifted the others left
            elif count is None:  # a row without the total column: add up its number cells
                numbers = [_int(v) for k, v in row.items() if k != name_col and _int(v) is not None]
                count = sum(numbers) if numbers else None
            if _TOTAL_ROW.match(name):
                stated = count
                result.sources.setdefault("total_posts", _row_text(row))
                continue
            if count is not None:
                summed += count
                read.append(_row_text(row))
                if not by_category and not row.get("_ragged"):
                    result.posts.append(Post(name=name or "Posts", count=count))
                    result.sources.setdefault("posts", _row_text(row))
        if stated is not None and summed and stated != summed:
            result.warnings.append(f"vacancy table says {stated} in all but its rows add up to {summed}")
        total = stated if stated is not None else (summed or None)
        if total is not None:
            totals.append(total)
            if stated is None:  # the rows it was added up from
                result.sources.setdefault("total_posts", "; ".join(read)[:300])
    # Two tables with one total are one breakdown told twice (by post and by category).
    distinct = list(dict.fromkeys(totals))
    result.total = sum(distinct) if distinct else None
    return result


def _row_text(row: dict) -> str:
    return " | ".join(str(v) for k, v in row.items() if k != "_ragged" and v) or " | ".join(row.get("_ragged", []))


def _with_header_row(table: dict) -> tuple[list[str], list[dict]]:
    """Headers and rows; a one-header table whose first row holds the real headers is re-headed.

    ``{"Category Wise Vacancy Details": "Post Name", "Column_2": "Category", "Column_3": "No. Of
    Post"}`` then ``{"…": "EBC", "Column_2": "11"}``: rows shorter than the header keep their
    cells in ``_ragged`` (a spanned first cell moved them left).
    """
    headers = [h for h in table.get("headers", []) if isinstance(h, str) and h]
    rows = [r for r in table.get("rows", []) if isinstance(r, dict)]
    if len(headers) == 1 and rows and len(rows[0]) > 1 and any(
        _TOTAL_COL.search(str(v)) for v in rows[0].values()
    ):
        new_headers = [str(v) for v in rows[0].values()]
        reheaded = []
        for row in rows[1:]:
            values = [str(v) for v in row.values()]
            mapped = dict(zip(new_headers, values, strict=False))
            if len(values) < len(new_headers):
                mapped = {new_headers[0]: "", "_ragged": values}
            reheaded.append(mapped)
        return new_headers, reheaded
    return headers, rows


def posts_in_text(text: str | None) -> int | None:
    """``Recruitment to 47 Posts of …`` → 47."""
    if not text:
        return None
    match = _POSTS_IN_TEXT.search(text)
    if match:
        return int(match.group(1).replace(",", ""))
    for match in _POSTS_NAMED.finditer(text):
        count = int(match.group(1).replace(",", ""))
        if not 1950 <= count <= 2100:  # "Bharti 2025 Constable Posts" names a year, not a count
            return count
    return None
