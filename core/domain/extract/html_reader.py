"""A notice's detail page (HTML) → a ``Document``: its visible text as lines, and its tables.

The whole page is page 1. Scripts, styles and comments are not text (a commented-out "For Demo &
Testing purpose only" is not on the page); a table row is one line, its cells joined by " | "
(the cells also come as rows of the table, for the table rules).
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from core.domain.extract.document import Document, Table, body_hash

BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr",
    "ul", "marquee", "center", "title", "caption",
}
CELLS = {"td", "th"}
HIDDEN = {"script", "style", "noscript", "template", "head"}
_SPACE = re.compile(r"\s+")


def read_html(body: bytes | str, url: str) -> Document:
    """The document in an HTML page; never raises."""
    raw = body.encode("utf-8", "replace") if isinstance(body, str) else (body or b"")
    document = Document(url=url, kind="html", hash=body_hash(raw), page_count=1)
    try:
        root = lxml.html.document_fromstring(raw)
    except (lxml.etree.ParserError, ValueError) as exc:
        document.problem = f"not an HTML page: {exc}"[:200]
        return document
    for bad in root.xpath("//script|//style|//noscript|//template|//comment()"):
        bad.drop_tree() if hasattr(bad, "drop_tree") else bad.getparent().remove(bad)
    body_element = root.find("body")
    lines = _lines(body_element if body_element is not None else root)
    if not lines:
        document.problem = "the page has no text"
        return document
    document.pages = ["\n".join(lines)]
    document.tables = [Table(page=1, rows=rows) for rows in _tables(root) if rows]
    return document


def _lines(element) -> list[str]:
    """Visible text, one line per block element; the cells of a row stay on one line."""
    out: list[str] = []
    current: list[str] = []

    def flush():
        text = _SPACE.sub(" ", "".join(current)).strip(" |")
        if text:
            out.append(text)
        current.clear()

    def walk(node, in_row: bool):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in HIDDEN:
            return
        # inside a row, a cell's paragraphs stay on its line; a table nested in a cell does not
        breaks = tag in BLOCKS and (not in_row or tag == "table")
        if breaks:
            flush()
        if tag in CELLS and current and "".join(current).strip():
            current.append(" | ")
        if node.text:
            current.append(node.text)
        for child in node:
            walk(child, (in_row or tag == "tr") and tag != "table")
            if child.tail:
                current.append(child.tail)
        if breaks:
            flush()

    walk(element, False)
    flush()
    return out


def _tables(root) -> list[list[list[str]]]:
    tables = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue  # a layout table around real ones: its inner tables are read on their own
        rows = []
        for tr in table.iter("tr"):
            cells = [_SPACE.sub(" ", cell.text_content()).strip() for cell in tr if cell.tag in CELLS]
            if any(cells):
                rows.append(cells)
        tables.append(rows)
    return tables
