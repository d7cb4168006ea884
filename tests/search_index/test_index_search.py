"""index_search picks its backend from the environment; the page settings never leak admin keys."""

from __future__ import annotations

import json

from search_index import index_search
from search_index.site_config import search_page_settings
from services.build import tree_digest


def test_without_meili_url_a_pagefind_bundle_is_written(snapshot, tmp_path, monkeypatch):
    monkeypatch.delenv("MEILI_URL", raising=False)
    result = index_search(snapshot, tmp_path)
    assert (result["backend"], result["documents"]) == ("pagefind", 3)
    assert (tmp_path / "pagefind" / "pagefind.js").exists()
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3


def test_the_pagefind_bundle_is_byte_identical_for_the_same_snapshot(snapshot, tmp_path,
                                                                     monkeypatch):
    monkeypatch.delenv("MEILI_URL", raising=False)
    index_search(snapshot, tmp_path / "a")
    index_search(snapshot, tmp_path / "b")
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_a_snapshot_file_works_like_a_dict(snapshot, tmp_path, monkeypatch):
    monkeypatch.delenv("MEILI_URL", raising=False)
    path = tmp_path / "snapshot.json"
    path.write_text(json.dumps(snapshot), encoding="utf-8")
    assert index_search(path, tmp_path / "out")["documents"] == 3


def test_the_page_gets_only_a_search_key():
    env = {"MEILI_URL": "http://meili:7700", "MEILI_MASTER_KEY": "master",
           "MEILI_API_KEY": "admin"}
    assert search_page_settings(env)["SEARCH_MEILI_KEY"] == ""
    public = search_page_settings({**env, "MEILI_SEARCH_KEY": "search-only",
                                   "MEILI_PUBLIC_URL": "https://search.example.in/"})
    assert public == {"SEARCH_MEILI_URL": "https://search.example.in",
                      "SEARCH_MEILI_KEY": "search-only", "SEARCH_MEILI_INDEX": "jobs"}
