"""The Meilisearch path against a loopback server that speaks Meilisearch's protocol."""

from __future__ import annotations

import os

import pytest

from search_index import index_search, search_documents
from search_index.client import meili_client, sync_documents
from search_index.index_settings import index_settings, settings_differ


def test_first_sync_creates_the_index_with_settings_and_every_document(snapshot, fake_meili):
    report = sync_documents(meili_client(fake_meili.url, "admin-key"), search_documents(snapshot))
    index = fake_meili.indexes["jobs"]
    assert index["primaryKey"] == "id"
    assert sorted(index["docs"]) == sorted(j["slug"] for j in snapshot["jobs"])
    assert index["settings"]["filterableAttributes"] == index_settings()["filterableAttributes"]
    assert (report.sent, report.deleted, report.settings_updated) == (3, 0, True)


def test_an_unchanged_resync_sends_no_documents_and_no_settings(snapshot, fake_meili):
    client = meili_client(fake_meili.url, "admin-key")
    sync_documents(client, search_documents(snapshot))
    sent_before = fake_meili.sent_documents()
    report = sync_documents(client, search_documents(snapshot))
    assert (report.sent, report.unchanged, report.settings_updated) == (0, 3, False)
    assert fake_meili.sent_documents() == sent_before


def test_a_changed_job_is_sent_and_a_vanished_job_is_deleted(snapshot, fake_meili):
    client = meili_client(fake_meili.url, "admin-key")
    sync_documents(client, search_documents(snapshot))
    changed = search_documents(snapshot)[:2]
    changed[0] = {**changed[0], "title": "SSC CGL 2026 (date extended)", "content_hash": "new"}
    report = sync_documents(client, changed)
    assert (report.sent, report.deleted) == (1, 1)
    assert fake_meili.indexes["jobs"]["docs"]["ssc-cgl-2026-abc123"]["title"].endswith(
        "(date extended)")
    assert "upsc-cse-2026-def456" not in fake_meili.indexes["jobs"]["docs"]


def test_index_search_picks_meilisearch_when_meili_url_is_set(snapshot, fake_meili,
                                                              monkeypatch, tmp_path):
    monkeypatch.setenv("MEILI_URL", fake_meili.url)
    monkeypatch.setenv("MEILI_MASTER_KEY", "admin-key")
    result = index_search(snapshot, tmp_path)
    assert result["backend"] == "meilisearch" and result["sent"] == 3
    assert not (tmp_path / "pagefind").exists()


def test_a_wrong_key_is_an_error_not_a_silent_success(snapshot, fake_meili):
    from meilisearch.errors import MeilisearchApiError

    with pytest.raises(MeilisearchApiError):
        sync_documents(meili_client(fake_meili.url, "wrong"), search_documents(snapshot))


def test_a_server_that_never_answers_times_out():
    import socket

    from meilisearch.errors import MeilisearchTimeoutError

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    try:
        client = meili_client(f"http://127.0.0.1:{silent.getsockname()[1]}", "k", timeout=0.5)
        with pytest.raises(MeilisearchTimeoutError):
            client.health()
    finally:
        silent.close()


def test_settings_compare_only_what_we_set():
    wanted = index_settings()
    server_view = {**wanted, "stopWords": [], "typoTolerance": {
        **wanted["typoTolerance"], "enabled": True, "minWordSizeForTypos": {"oneTypo": 5}}}
    assert not settings_differ(server_view, wanted)
    assert settings_differ({**server_view, "sortableAttributes": []}, wanted)


@pytest.mark.live
@pytest.mark.skipif(not os.environ.get("MEILI_URL"), reason="MEILI_URL is not set")
def test_live_meilisearch_finds_an_indexed_job(snapshot):
    client = meili_client()
    uid = "jobs_test_live"
    try:
        sync_documents(client, search_documents(snapshot), uid)
        hits = client.index(uid).search("Graduate Level", {"filter": "category = SSC"})["hits"]
        assert [h["id"] for h in hits] == ["ssc-cgl-2026-abc123"]
    finally:
        client.wait_for_task(client.delete_index(uid).task_uid, timeout_in_ms=30_000)
