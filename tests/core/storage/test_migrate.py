"""The schema is created on first use: a developer's first `scrapy crawl` on a fresh database."""


def test_a_first_crawl_on_a_fresh_database_creates_the_schema(pg_url, pg_engine):
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.engine import make_url

    from core.storage.migrate import ensure_schema

    with pg_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("DROP DATABASE IF EXISTS fresh_crawl"))
        conn.execute(text("CREATE DATABASE fresh_crawl"))
    url = make_url(pg_url).set(database="fresh_crawl").render_as_string(hide_password=False)
    ensure_schema(url)
    ensure_schema(url)  # the second time: nothing to do
    engine = create_engine(url)
    try:
        assert {"jobs", "job_events", "alembic_version"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
