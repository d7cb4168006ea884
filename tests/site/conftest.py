"""Site fixtures: snapshots of the real posts, and a fixture-site build into tmp_path."""

from __future__ import annotations

import sys

import pytest

from core.config import PROJECT_ROOT

# The plugins and the package they share, importable as ``jobpages``, ``jobsite``… (as the
# plugins import each other in a build: pelicanconf puts this folder on sys.path).
sys.path.insert(0, str(PROJECT_ROOT / "site" / "plugins"))

from core.storage.snapshot import write_snapshot
from services.build import build_site  # noqa: E402
from tests.site.realposts import real_postings, snapshot_of

TODAY = "2026-01-20"
SITE_URL = "https://jobs.example.in"


@pytest.fixture
def real_snapshot() -> dict:
    return snapshot_of(real_postings())


@pytest.fixture
def build(tmp_path):
    """build(snapshot_dict, name="site", **settings) → output folder."""
    def run(snapshot: dict, name: str = "site", today: str = TODAY, **settings):
        path = write_snapshot(snapshot, tmp_path / f"{name}.json")
        output = tmp_path / name
        build_site(path, output, today, SITE_URL, **settings)
        return output

    return run
