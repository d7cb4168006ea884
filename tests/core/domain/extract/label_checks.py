"""Checks the hand-labelled notice sets: schema, files, and that every label is backed by its quote.

Run it directly (``python tests/core/domain/extract/label_checks.py``) to print every problem;
``tests/core/domain/extract/test_labels.py`` runs the same checks.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from pypdf import PdfReader

HERE = Path(__file__).parent
NOTICES = HERE / "notices"
BAD = HERE / "bad"


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def schema_errors(labels, schema_path: Path) -> list[str]:
    validator = Draft202012Validator(load(schema_path), format_checker=FormatChecker())
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(labels)
    ]


def missing_files(labels, folder: Path) -> list[str]:
    return [label["file"] for label in labels if not (folder / label["file"]).is_file()]


def duplicate_ids(labels) -> list[str]:
    seen: set[str] = set()
    return [label["id"] for label in labels if label["id"] in seen or seen.add(label["id"])]


def unbacked_facts(labels) -> list[str]:
    """Facts without evidence and evidence for facts that are not labelled."""
    problems = []
    for label in labels:
        facts, evidence = set(label["facts"]), set(label["evidence"])
        problems += [f"{label['id']}: {name} has no evidence" for name in sorted(facts - evidence)]
        problems += [f"{label['id']}: evidence for unlabelled {name}" for name in sorted(evidence - facts)]
    return problems


def _squash(text: str) -> str:
    # Text layers break lines and pad columns differently per extractor; compare without whitespace.
    return re.sub(r"\s+", "", text)


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


@cache
def page_texts(path: Path) -> tuple[str, ...]:
    """Squashed text per page; an HTML page is one page of its visible text."""
    if path.suffix == ".html":
        parser = _VisibleText()
        parser.feed(path.read_text(encoding="utf-8"))
        return (_squash(" ".join(parser.parts)),)
    return tuple(_squash(page.extract_text() or "") for page in PdfReader(path).pages)


def unquoted_evidence(labels, folder: Path) -> list[str]:
    problems = []
    for label in labels:
        pages = page_texts(folder / label["file"])
        for name, evidence in label["evidence"].items():
            page = evidence["page"]
            if page > len(pages) or _squash(evidence["quote"]) not in pages[page - 1]:
                problems.append(f"{label['id']}: {name} quote not on page {page}: {evidence['quote']!r}")
    return problems


def main() -> int:
    notices, bad = load(NOTICES / "labels.json"), load(BAD / "labels.json")
    problems = (
        schema_errors(notices, HERE / "labels.schema.json")
        + schema_errors(bad, HERE / "bad.schema.json")
        + missing_files(notices, NOTICES)
        + missing_files(bad, BAD)
        + duplicate_ids(notices + bad)
        + unbacked_facts(notices)
        + unquoted_evidence(notices, NOTICES)
    )
    print("\n".join(problems) or f"{len(notices)} notices and {len(bad)} bad inputs: labels check out")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
