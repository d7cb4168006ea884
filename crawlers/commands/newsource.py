"""`scrapy newsource <slug> <url>`: the spider skeleton, its test and its captured page.

The page is captured when the source is made: downloaded now (its capture date is the day the
server's ``Date`` header gives), or taken from a file saved earlier with the date it was saved
(``--page FILE --captured YYYY-MM-DD``). The tests freeze time at that date, so it must be the
real one, never the day the command happened to run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import json
import keyword
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.conf import closest_scrapy_cfg

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


@dataclass(frozen=True)
class Capture:
    """A captured page: its bytes, its type, the day it was captured and where it came from."""

    body: bytes
    content_type: str
    captured_on: dt.date
    captured_from: str

    @property
    def file_name(self) -> str:
        return "home.pdf" if "pdf" in self.content_type.lower() else "home.html"


def capture_day(date_header: str | None, now: dt.datetime) -> dt.date:
    """The day of an HTTP ``Date`` header (the server's clock), else of ``now`` (UTC)."""
    if date_header:
        try:
            return email.utils.parsedate_to_datetime(date_header).astimezone(dt.UTC).date()
        except (TypeError, ValueError):
            pass
    return now.astimezone(dt.UTC).date()


def download(url: str, user_agent: str, timeout: float = 30) -> Capture:
    """Capture ``url`` now, or UsageError saying how to capture it by hand."""
    import httpx  # only here: every scrapy command imports this module

    try:
        answer = httpx.get(url, headers={"User-Agent": user_agent}, timeout=timeout,
                           follow_redirects=True)
        answer.raise_for_status()
    except httpx.HTTPError as exc:
        raise UsageError(f"could not download {url} ({exc.__class__.__name__}: {exc}); save the "
                         "page yourself and pass --page FILE --captured YYYY-MM-DD") from exc
    now = dt.datetime.now(dt.UTC)
    return Capture(answer.content, answer.headers.get("Content-Type", "text/html; charset=utf-8"),
                   capture_day(answer.headers.get("Date"), now),
                   f"{url} (downloaded by scrapy newsource at {now:%Y-%m-%dT%H:%M:%SZ})")


def from_file(path: Path, captured: str | None) -> Capture:
    """A page saved earlier, with the day it was saved (required: a file's time is no proof)."""
    if not path.is_file():
        raise UsageError(f"no page at {path}")
    try:
        day = dt.date.fromisoformat(captured or "")
    except ValueError as exc:
        raise UsageError("--page needs --captured YYYY-MM-DD: the day the page was saved") from exc
    kind = mimetypes.guess_type(path.name)[0] or "text/html"
    content_type = f"{kind}; charset=utf-8" if kind.startswith("text/") else kind
    return Capture(path.read_bytes(), content_type, day, str(path))


def render(source: NewSource, capture: Capture) -> dict[str, str | bytes]:
    """The files, by path relative to the project root (a pure function)."""

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
        "capture_date": capture.captured_on.isoformat(),
        "captured_from": capture.captured_from,
        "urls": {source.url: {"file": capture.file_name,
                              "headers": {"Content-Type": capture.content_type}}},
    }
    return {
        f"crawlers/spiders/{source.slug}.py":
            Template((TEMPLATES / "spider.py.tmpl").read_text(encoding="utf-8")).substitute(values),
        f"tests/crawlers/test_{source.slug}.py":
            Template((TEMPLATES / "test.py.tmpl").read_text(encoding="utf-8")).substitute(values),
        f"tests/crawlers/pages/{source.slug}/urls.json":
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
        f"tests/crawlers/pages/{source.slug}/{capture.file_name}": capture.body,
    }


def write(root: Path, files: dict[str, str | bytes], existing_spiders: set[str], slug: str) -> list[Path]:
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
        data = text.encode("utf-8") if isinstance(text, str) else text
        with open(target, "xb") as out:  # "x": never clobber, even in a race
            out.write(data)
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
        parser.add_argument("--page", metavar="FILE",
                            help="a page saved earlier, instead of downloading the URL now")
        parser.add_argument("--captured", metavar="YYYY-MM-DD",
                            help="with --page: the day the page was saved (its capture date)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 2:
            raise UsageError("give a slug and a URL")
        source = validate(args[0], args[1], opts.organisation, opts.state)
        if opts.captured and not opts.page:
            raise UsageError("--captured goes with --page")
        existing = set(SpiderLoader.from_settings(self.settings).list())
        if source.slug in existing:
            raise UsageError(f"a spider named {source.slug!r} already exists")
        root = Path(closest_scrapy_cfg()).parent
        capture = (from_file(Path(opts.page), opts.captured) if opts.page
                   else download(source.url, self.settings.get("USER_AGENT")))
        for path in write(root, render(source, capture), existing, source.slug):
            print(f"wrote {path.relative_to(root)}")
        print(f"captured on {capture.captured_on}; next: fit {source.classname}.parse to the page, "
              f"then pin the count and one whole item in tests/crawlers/test_{source.slug}.py")
