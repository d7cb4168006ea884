"""``jobs quarantine list | show | release`` against a real PostgreSQL."""

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from cli.main import main
from core.storage.quarantine import quarantine_item
from core.storage.tables import Job, Quarantine

RAW = {"source": "sarkariafsar", "source_kind": "aggregator",
       "source_url": "https://www.sarkariafsar.com/feed/posts.json#vdo", "title": "Village Development Officer Recruitment 2025",
       "important_dates": ["Online Apply Start Date : 19 June 2025", "Online Apply Last Date : 25 July 2025"]}


def quarantined(engine) -> int:
    with Session(engine) as session, session.begin():
        quarantine_item(session, "sarkariafsar", RAW["source_url"], "missing required fact: organisation", RAW)
    with Session(engine) as session:
        return session.scalars(select(Quarantine.id)).one()


def test_list_and_show(clean_db, capsys, today):
    today("2026-02-15")
    item = quarantined(clean_db)
    assert main(["quarantine", "list"]) == 0
    out = capsys.readouterr().out
    assert "missing required fact: organisation" in out and "1 item(s)" in out
    assert main(["quarantine", "show", str(item)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["raw"] == RAW and shown["source"] == "sarkariafsar" and shown["released_at"] is None


def test_release_refuses_while_the_item_still_fails(clean_db, capsys, today):
    today("2026-02-15")
    item = quarantined(clean_db)
    assert main(["quarantine", "release", str(item)]) == 1
    assert "still fails: missing required fact: organisation" in capsys.readouterr().err
    with Session(clean_db) as session:
        assert session.get(Quarantine, item).released_at is None


def test_release_after_a_fix_stores_the_job(clean_db, capsys, today):
    today("2026-02-15")
    item = quarantined(clean_db)
    assert main(["quarantine", "release", str(item), "--set", "organisation=RSMSSB"]) == 0
    assert "released item" in capsys.readouterr().out
    with Session(clean_db) as session:
        assert session.get(Quarantine, item).released_at is not None
        assert session.scalars(select(Job.organisation_short)).one() == "RSSB"
    main(["quarantine", "list"])
    assert "0 item(s)" in capsys.readouterr().out


def test_show_an_unknown_item(clean_db, capsys):
    assert main(["quarantine", "show", "999"]) == 1
    assert "no item 999" in capsys.readouterr().err
