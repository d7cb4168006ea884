"""`scrapy newsource <slug> <url>`: the spider skeleton, its test and its pages folder."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.conf import closest_scrapy_cfg

from core import config

TEMPLATES = Path(__file__).resolve().parent / "newsource_templates"
SLUG = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
STATE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class NewSource:
    slug: str
    url: str
    organisation: str
    state: str | None

    @property
    def classname(self) -> str:
        return "".join(part.capitalize() for part in self.slug.split("_")) + "Spider"


def validate(slug: str, url: str, organisation: str | None, state: str | None) -> NewSource:
    """A checked request for a new source, or UsageError saying what is wrong."""
    if not SLUG.match(slug) or len(slug) > 40 or keyword.iskeyword(slug):
        raise UsageError(f"bad slug {slug!r}: lower-case letters, digits and single underscores, "
                         "starting with a letter, at most 40 characters (e.g. up_upsssc)")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise UsageError(f"bad url {url!r}: an absolute http(s) URL is needed")
    if state is not None and not STATE.match(state):
        raise UsageError(f"bad state {state!r}: a two-letter code such as UP or TN")
    organisation = " ".join((organisation or "").split()) or parts.hostname
    return NewSource(slug, url, organisation, state)


def render(source: NewSource, today: dt.date) -> dict[str, str]:
    """The three files, by path relative to the project root (a pure function)."""

    def doc(text: str) -> str:  # inside a docstring: no quotes or backslashes to break out
        return text.replace("\\", "/").replace('"', "'")

    values = {
        "slug": source.slug,
        "classname": source.classname,
        "slug_literal": repr(source.slug),
        "organisation_literal": repr(source.organisation),
        "state_literal": repr(source.state),
        "url_literal": repr(source.url),
        "organisation_doc": doc(source.organisation),
        "url_doc": doc(source.url),
    }
    manifest = {
        "capture_date": today.isoformat(),
        "captured_from": f"{source.url} (save the page as home.html next to this file)",
        "urls": {source.url: {"file": "home.html", "headers": {"Content-Type": "text/html; charset=utf-8"}}},
    }
    return {
        f"crawlers/spiders/{source.slug}.py":
            Template((TEMPLATES / "spider.py.tmpl").read_text(encoding="utf-8")).substitute(values),
        f"tests/crawlers/test_{source.slug}.py":
            Template((TEMPLATES / "test.py.tmpl").read_text(encoding="utf-8")).substitute(values),
        f"tests/crawlers/pages/{source.slug}/urls.json":
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
    }


def write(root: Path, files: dict[str, str], existing_spiders: set[str], slug: str) -> list[Path]:
    """Write the files; refuse (writing nothing) if the slug or any file already exists."""
    if slug in existing_spiders:
        raise UsageError(f"a spider named {slug!r} already exists")
    taken = [path for path in files if (root / path).exists()]
    if taken:
        raise UsageError("refusing to overwrite: " + ", ".join(taken))
    written = []
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as out:  # "x": never clobber, even in a race
            out.write(text)
        written.append(target)
    return written


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[options] <slug> <url>"

    def short_desc(self) -> str:
        return "Write a new source's spider skeleton, its test and its pages folder"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--organisation", help="the organisation's full name")
        parser.add_argument("--state", help="two-letter state code (omit for central bodies)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 2:
            raise UsageError("give a slug and a URL")
        source = validate(args[0], args[1], opts.organisation, opts.state)
        existing = set(SpiderLoader.from_settings(self.settings).list())
        root = Path(closest_scrapy_cfg()).parent
        for path in write(root, render(source, config.today()), existing, source.slug):
            print(f"wrote {path.relative_to(root)}")
        print(f"next: save {source.url} as tests/crawlers/pages/{source.slug}/home.html, "
              f"then fit {source.classname}.parse and its test")
