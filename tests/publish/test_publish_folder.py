"""The local-folder publish: a symlink swap, so readers never see a half-written or mixed site."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from services.publish import publish_folder, publish_output

FILES = 120


def make_site(root: Path, release: str) -> Path:
    for i in range(FILES):
        page = root / "jobs" / f"job-{i:03d}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<!-- {release} -->" + "x" * 20_000 + f"<!-- {release} -->")
    (root / "index.html").write_text(f"<!-- {release} -->home<!-- {release} -->")
    return root


def release_of(text: str) -> str:
    head, tail = text[5:14], text[-13:-4]
    assert head == tail, f"a file mixes {head!r} and {tail!r}"
    return head


def test_unchanged_output_publishes_nothing_new(tmp_path):
    site = make_site(tmp_path / "out", "release-a")
    first, changed = publish_folder(site, tmp_path / "public")
    again, changed_again = publish_folder(site, tmp_path / "public")
    assert (changed, changed_again, again) == (True, False, first)
    assert release_of((tmp_path / "public" / "index.html").read_text()) == "release-a"


def test_readers_never_see_a_half_written_or_mixed_site(tmp_path):
    sites = [make_site(tmp_path / name, name) for name in ("release-a", "release-b")]
    target = tmp_path / "public"
    publish_folder(sites[0], target)
    stop = threading.Event()
    seen: dict[str, int] = {}
    problems: list[str] = []

    def read_file_by_file():  # like a web server: each request opens a path under the target
        while not stop.is_set():
            for i in range(0, FILES, 7):
                try:
                    text = (target / "jobs" / f"job-{i:03d}" / "index.html").read_text()
                    seen[release_of(text)] = seen.get(release_of(text), 0) + 1
                except (OSError, AssertionError) as exc:
                    problems.append(repr(exc))

    def read_whole_site():  # a visit pinned to one release: every file must agree
        while not stop.is_set():
            try:
                root = Path(os.path.realpath(target))
                found = {release_of(p.read_text()) for p in root.rglob("*.html")}
                if len(found) != 1 or len(list(root.rglob("*.html"))) != FILES + 1:
                    problems.append(f"one visit saw {sorted(found)}")
            except (OSError, AssertionError) as exc:
                problems.append(repr(exc))

    readers = [threading.Thread(target=read_file_by_file), threading.Thread(target=read_whole_site)]
    for reader in readers:
        reader.start()
    for n in range(12):
        publish_folder(sites[(n + 1) % 2], target)
    stop.set()
    for reader in readers:
        reader.join()
    assert problems == []
    assert set(seen) == {"release-a", "release-b"}  # the readers really ran across the swaps


def test_without_a_bucket_the_folder_is_the_target(tmp_path, monkeypatch):
    monkeypatch.delenv("JOBS_S3_BUCKET", raising=False)
    site = make_site(tmp_path / "out", "release-a")
    result = publish_output(site, tmp_path / "public")
    assert result["changed"] and result["target"] == str(tmp_path / "public")
    assert (tmp_path / "public").is_symlink()
