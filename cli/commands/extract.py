"""``jobs extract FILE…``: what the pipeline makes of a notice — a PDF, an HTML detail page, or
a feed JSON of aggregator posts — as one JSON line per notice, with each fact's evidence.

The file goes the way a crawled notice goes (the document reader, then ``normalise``), so the
line shows exactly what a crawl would store: ``kind``, the fields of ``jobs normalise`` (dates
``YYYY-MM-DD``, whole rupees and counts, ages as numbers) and ``evidence`` (document, page and
quote of every fact). A file that cannot be read is one error line naming it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import quote

PLACEHOLDER = "https://local.invalid/"
SOURCE = "extract"
FACTS = (
    "advt_no", "notice_date", "apply_start", "apply_last", "fee_last", "correction_start",
    "correction_end", "exam_date", "total_posts", "posts", "age_min", "age_max", "age_as_on",
    "dob_from", "dob_to", "age_relaxation", "qualification", "pay", "salary_min", "salary_max", "selection_process",
    "application_link", "notification_pdf",
)
FEE_CATEGORIES = ("general", "obc", "ews", "sc_st", "female", "pwd")


class UnreadableFile(Exception):
    """The file cannot be opened or parsed at all (an unreadable notice is not this)."""


def placeholder_url(path: Path) -> str:
    return PLACEHOLDER + quote(path.name)


def raws_of(path: Path, url: str, organisation: str | None = None) -> list[dict]:
    """The raw notices a file holds: one for a PDF or an HTML page, one per post of a feed."""
    from core.domain.extract.heading import heading_of
    from core.domain.extract.html_reader import read_html
    from core.domain.extract.pdf_reader import read_pdf
    from core.domain.fields.aggregator_post import post_to_raw

    try:
        body = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise UnreadableFile(f"not a feed JSON: {exc}") from exc
        posts = data.get("jobs") or data.get("posts") if isinstance(data, dict) else data
        if not isinstance(posts, list):
            raise UnreadableFile('not a feed JSON: no list of posts (expected {"jobs": [...]} or [...])')
        return [{"source": SOURCE, "source_kind": "aggregator", "organisation": organisation,
                 **post_to_raw(post, url)} for post in posts]
    is_pdf = body.lstrip()[:5].startswith(b"%PDF") or path.suffix.lower() == ".pdf"
    document = read_pdf(body, url) if is_pdf else read_html(body, url)
    return [{
        "source": SOURCE, "source_kind": "official", "source_url": url, "organisation": organisation,
        # A spider's link text stands here; a file name is not the notice's words (it could
        # read as an advertisement number), so a document without a heading has a neutral one.
        "title": heading_of(document) or "Untitled notice document", "documents": [document.to_record()],
        **({"pdf_url": url} if is_pdf else {}),
    }]


def row_of(raw: dict, filler=None) -> dict:
    """One output line: kind, the facts, their evidence, problems and warnings; ``filler`` (a
    ``core.llm.fact_filler.FactFiller``) adds the checked facts an LLM found that rules missed."""
    from core.domain.schema import KIND_OF_STAGE, Rejection, Stage
    from core.domain.validate import validate_job
    from core.ingest import normalise

    facts = normalise(raw)
    if isinstance(facts, Rejection):
        return {"title": raw.get("title"), "rejected": facts.reason, "evidence": {}, "warnings": []}
    if filler is not None:
        facts = filler.fill(facts, raw)
    kind = facts.get("kind") or KIND_OF_STAGE[Stage(facts["stage"])].value
    fees = facts["fees"].model_dump() if hasattr(facts.get("fees"), "model_dump") else (facts.get("fees") or {})
    row = {"kind": kind, "stage": facts.get("stage"), "title": facts.get("title"),
           "organisation": facts.get("organisation"), "organisation_short": facts.get("organisation_short")}
    row.update({name: facts.get(name) for name in FACTS})
    row["posts"] = [{"name": p.name, "count": p.count} for p in facts.get("posts") or []]
    row.update({f"fee_{c}": fees.get(c) for c in FEE_CATEGORIES})
    row["evidence"] = {_printed_name(k): v for k, v in (facts.get("evidence") or {}).items()}
    result = validate_job(facts, raw)
    row["rejected"] = getattr(result, "reason", None)
    row["warnings"] = facts.get("warnings") or []
    return json.loads(json.dumps(row, default=str, ensure_ascii=False))


def _printed_name(field: str) -> str:
    return "fee_" + field[5:] if field.startswith("fees.") else field


def extract_file(path: Path, url: str | None = None, filler=None, organisation: str | None = None) -> list[dict]:
    return [row_of(raw, filler) for raw in raws_of(path, url or placeholder_url(path), organisation)]


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "extract", help="what the pipeline makes of a notice PDF, detail page or feed JSON; one JSON line per notice",
        description="Read each FILE (a notice PDF, an HTML detail page, or a feed JSON like "
                    "jobs normalise takes) and print one JSON line per notice: kind, the facts and "
                    "the evidence of each fact (document, page, quote).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="a notice PDF (.pdf or %%PDF bytes), an HTML detail page, or a feed JSON (.json)")
    parser.add_argument("--url", help="the original address of FILE (one FILE only), cited as the "
                                      f"document of every fact; without it, {PLACEHOLDER}<file name>")
    parser.add_argument("--organisation", help="the body that publishes FILE, as a spider's source names it "
                                               "(else only a known organisation the notice names is found)")
    parser.add_argument("--llm", action="store_true",
                        help="also ask the LLM of OPENAI_BASE_URL/OPENAI_API_KEY for the facts the rules missed "
                             "(each checked against the document, cached by its hash in the database)")
    parser.set_defaults(func=run)


def _filler():
    from core.llm.fact_filler import FactFiller
    from core.seo.counters import Counters

    return FactFiller.from_env(Counters())


def run(args) -> int:
    if args.url and len(args.files) > 1:
        print("jobs extract: --url names one file's address; give one FILE with it", file=sys.stderr)
        return 2
    filler = _filler() if args.llm else None
    if args.llm and filler is None:
        print("jobs extract: --llm needs OPENAI_BASE_URL or OPENAI_API_KEY", file=sys.stderr)
        return 2
    failed = 0
    for name in args.files:
        try:
            rows = extract_file(Path(name), args.url, filler, args.organisation)
        except UnreadableFile as exc:
            print(f"jobs extract: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        for row in rows:
            print(json.dumps({"file": name, **row}, ensure_ascii=False))
    return 1 if failed else 0
