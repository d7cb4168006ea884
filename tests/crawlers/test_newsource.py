"""`scrapy newsource` in a throwaway copy of the project (never in the real crawlers/spiders)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.exceptions import UsageError

from crawlers.commands.newsource import NewSource, render, validate
from tests.crawlers.conftest import captured_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("scrapy.cfg", "pyproject.toml"):
        shutil.copy(ROOT / name, copy / name)
    ignore = shutil.ignore_patterns("__pycache__", "pages", "test_*.py")
    for package in ("crawlers", "pipelines", "core", "tests"):
        shutil.copytree(ROOT / package, copy / package, ignore=ignore)
    (copy / "tests" / "crawlers" / "pages").mkdir()
    return copy


def newsource(project, *args):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings", "JOBS_TODAY": "2018-03-20",
           "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, "-m", "scrapy", "newsource", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.slow
def test_writes_spider_test_and_pages_and_the_test_runs(project):
    done = newsource(project, "zz_fixture_board", "http://board.example/",
                     "--organisation", "Uttar Pradesh Subordinate Services Selection Commission",
                     "--state", "UP")
    assert done.returncode == 0, done.stderr
    spider = (project / "crawlers/spiders/zz_fixture_board.py").read_text()
    assert "class ZzFixtureBoardSpider(JobSpider):" in spider
    assert "name = 'zz_fixture_board'" in spider and "state = 'UP'" in spider
    manifest = json.loads((project / "tests/crawlers/pages/zz_fixture_board/urls.json").read_text())
    assert manifest["capture_date"] == "2018-03-20"
    assert list(manifest["urls"]) == ["http://board.example/"]
    # The generated test passes once a page is captured (here: a real capture with notice rows).
    shutil.copy(captured_file("upsc", "http://upsc.gov.in/"),
                project / "tests/crawlers/pages/zz_fixture_board/home.html")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/crawlers/test_zz_fixture_board.py"], cwd=project, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(project)})
    assert run.returncode == 0, run.stdout[-2000:]
    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=project,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(project)})
    assert "zz_fixture_board" in listed.stdout.split()


@pytest.mark.slow
def test_refuses_to_overwrite(project):
    assert newsource(project, "board_one", "http://board.example/").returncode == 0
    spider = project / "crawlers/spiders/board_one.py"
    spider.write_text("# edited by hand\n")
    again = newsource(project, "board_one", "http://board.example/other")
    assert again.returncode != 0
    assert "already exists" in again.stderr or "refusing to overwrite" in again.stderr
    assert spider.read_text() == "# edited by hand\n"


@pytest.mark.slow
def test_refuses_an_existing_spider_name(project):
    done = newsource(project, "upsc", "http://upsc.gov.in/")
    assert done.returncode != 0 and "already exists" in done.stderr
    assert not (project / "tests/crawlers/pages/upsc").exists()


@pytest.mark.parametrize("slug", ["UPSC", "1board", "board-one", "board__one", "class", "_x", "a" * 41])
def test_bad_slugs_are_refused(slug):
    with pytest.raises(UsageError):
        validate(slug, "http://board.example/", None, None)


@pytest.mark.parametrize(("url", "state"), [("board.example", None), ("ftp://board.example/", None),
                                            ("http://board.example/", "Uttar Pradesh")])
def test_bad_url_or_state_is_refused(url, state):
    with pytest.raises(UsageError):
        validate("board", url, None, state)


def test_organisation_defaults_to_host():
    assert validate("board", "https://www.board.example/x", None, None).organisation == "www.board.example"


def test_untrusted_text_cannot_break_out_of_the_generated_code():
    import ast
    import datetime as dt

    sneaky = NewSource("board", 'http://board.example/?q="""', 'Board"""; import os #\\', None)
    files = render(sneaky, dt.date(2018, 3, 20))
    tree = ast.parse(files["crawlers/spiders/board.py"])
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    values = {t.targets[0].id: ast.literal_eval(t.value) for t in cls.body if isinstance(t, ast.Assign)}
    assert values["organisation"] == 'Board"""; import os #\\'
    assert values["start_urls"] == ['http://board.example/?q="""']
    assert not any(isinstance(n, ast.Import) and n.names[0].name == "os" for n in ast.walk(tree))
