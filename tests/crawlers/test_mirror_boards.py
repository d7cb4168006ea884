"""Where the board mirror reads the multi-organisation scrape from: shared/ beside the repository."""

import pytest

from crawlers import mirror_boards


def test_the_scrape_is_read_from_the_shared_folder_the_environment_names(tmp_path, monkeypatch):
    scrape = tmp_path / "realpages" / "official__multi_org_scraped_notice_links.json"
    scrape.parent.mkdir()
    scrape.write_text("{}", encoding="utf-8")
    monkeypatch.setenv("JOBS_SHARED_DIR", str(tmp_path))
    assert mirror_boards.source_file() == scrape


def test_without_the_environment_it_is_shared_beside_the_repository(tmp_path, monkeypatch):
    monkeypatch.delenv("JOBS_SHARED_DIR", raising=False)
    monkeypatch.setattr(mirror_boards, "ROOT", tmp_path / "repo")
    expected = tmp_path / "shared" / "realpages" / "official__multi_org_scraped_notice_links.json"
    with pytest.raises(FileNotFoundError, match=str(expected)):
        mirror_boards.source_file()

