"""``jobs seo``: (re)write the SEO text of stored jobs; the cache makes a second run free."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "seo", help="write SEO title, description, summary and FAQ for stored jobs (LLM or template)"
    )
    parser.add_argument("--refresh", action="store_true",
                        help="ignore the cache and ask the LLM again (regenerate on purpose)")
    parser.add_argument("--limit", type=int, help="at most this many jobs")
    parser.add_argument("--slug", action="append", help="only this job (repeatable)")
    parser.set_defaults(func=run)


def job_ids(slugs: list[str] | None, limit: int | None) -> list[int]:
    from sqlalchemy import select

    from core.storage.database import session_scope
    from core.storage.tables import Job

    query = select(Job.id).order_by(Job.id)
    if slugs:
        query = query.where(Job.slug.in_(slugs))
    if limit:
        query = query.limit(limit)
    with session_scope() as session:
        return list(session.scalars(query))


def run(args) -> int:
    from core.seo.counters import Counters
    from core.seo.llm_client import LlmClient
    from core.seo.writer import SeoWriter
    from core.storage.migrate import upgrade

    upgrade()
    stats = Counters()
    client = LlmClient.from_env(stats)
    writer = SeoWriter(client, stats, refresh=args.refresh)
    ids = job_ids(args.slug, args.limit)
    if args.slug and not ids:
        raise SystemExit(f"no such job: {', '.join(args.slug)}")
    workers = client.settings.concurrency if client else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda job_id: writer.write_job(job_id, "update"), ids))
    mode = f"LLM {client.model}" if client else "template (no LLM configured)"
    print(f"{len(ids)} jobs · {mode}")
    for key, value in sorted(stats.get_stats().items()):
        print(f"  {key}: {value}")
    return 0
