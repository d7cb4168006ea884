"""One detail post of a sarkariresult-style aggregator feed → the raw fields of a RawJob.

Shared by the ``sarkariafsar`` spider and ``jobs normalise FILE``, so the command checks exactly
what a crawl produces. Pure: no Scrapy, no I/O; the feed is untrusted, so every value is coerced.
"""

from __future__ import annotations

from slugify import slugify


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _lines(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _tables(value) -> list[dict]:
    tables = []
    for table in value if isinstance(value, list) else []:
        if not isinstance(table, dict):
            continue
        headers = [h if isinstance(h, str) else "" for h in table.get("headers") or []]
        rows = [
            {str(k): v if isinstance(v, str) else ("" if v is None else str(v)) for k, v in row.items()}
            for row in table.get("rows") or []
            if isinstance(row, dict)
        ]
        tables.append({"headers": headers, "rows": rows})
    return tables


def _links(value) -> list[dict]:
    links = value if isinstance(value, list) else []
    return [
        {"label": link.get("label"), "url": link.get("url")}
        for link in links
        if isinstance(link, dict) and _text(link.get("url"))
    ]


def post_to_raw(post: dict, feed_url: str) -> dict:
    """The RawJob fields of one post (without the source metadata the spider adds)."""
    post = post if isinstance(post, dict) else {}
    title = _text(post.get("title"))
    fields = {
        "source_url": f"{feed_url}#{slugify(title or '')}",
        "title": title,
        "summary": _text(post.get("shortInfo")),
        "important_dates": _lines(post.get("importantDates")),
        "application_fee": _lines(post.get("applicationFee")),
        "age_limit": _lines(post.get("ageLimit")),
        "vacancy_tables": _tables(post.get("vacancyDetails")),
        "other_details": _lines(post.get("otherDetails")),
        "links": _links(post.get("importantLinks")),
    }
    return {k: v for k, v in fields.items() if v not in (None, "", [])}
