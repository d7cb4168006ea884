"""`scrapy newsource` in a throwaway copy of the project (never in the real crawlers/spiders)."""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from scrapy.exceptions import UsageError

from crawlers.commands.newsource import Capture, NewSource, capture_day, render, validate
from tests.crawlers.conftest import captured_file

ROOT = Path(__file__).resolve().parents[2]
# A board whose every notice is a PDF: the spider follows each one for its text.
PDF_BOARD = b"""<!doctype html><html><body><table>
<tr><td><a href="/advt/01-2026.pdf">Recruitment of Junior Assistant, Advt 01/2026</a></td></tr>
<tr><td><a href="/advt/02-2026.pdf">Recruitment of Stenographer, Advt 02/2026</a></td></tr>
<tr><td><a href="/advt/03-2026.pdf">Recruitment of Driver, Advt 03/2026</a></td></tr>
</table></body></html>"""


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


def run_generated_test(project, slug):
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           f"tests/crawlers/test_{slug}.py"], cwd=project, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(project)})


def saved_page(tmp_path, body: bytes) -> str:
    path = tmp_path / "saved.html"
    path.write_bytes(body)
    return str(path)


@pytest.mark.slow
def test_writes_spider_test_and_page_and_the_tests_run(project):
    done = newsource(project, "zz_fixture_board", "http://board.example/",
                     "--organisation", "Uttar Pradesh Subordinate Services Selection Commission",
                     "--state", "UP", "--page", str(captured_file("upsc", "http://upsc.gov.in/")),
                     "--captured", "2018-03-15")
    assert done.returncode == 0, done.stderr
    spider = (project / "crawlers/spiders/zz_fixture_board.py").read_text()
    assert "class ZzFixtureBoardSpider(JobSpider):" in spider
    assert "name = 'zz_fixture_board'" in spider and "state = 'UP'" in spider
    pages = project / "tests/crawlers/pages/zz_fixture_board"
    manifest = json.loads((pages / "urls.json").read_text())
    assert manifest["capture_date"] == "2018-03-15"  # the page's day, not JOBS_TODAY's
    assert manifest["urls"]["http://board.example/"]["file"] == "home.html"
    assert (pages / "home.html").read_bytes() == captured_file("upsc", "http://upsc.gov.in/").read_bytes()
    run = run_generated_test(project, "zz_fixture_board")
    assert run.returncode == 0 and "2 passed" in run.stdout, run.stdout[-2000:]
    listed = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=project,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(project)})
    assert "zz_fixture_board" in listed.stdout.split()


@pytest.mark.slow
def test_a_board_of_pdf_notices_tests_as_its_notices_not_as_none(project, tmp_path):
    done = newsource(project, "zz_pdf_board", "http://pdfboard.example/",
                     "--page", saved_page(tmp_path, PDF_BOARD), "--captured", "2026-01-10")
    assert done.returncode == 0, done.stderr
    generated = project / "tests/crawlers/test_zz_pdf_board.py"
    generated.write_text(generated.read_text().replace("assert len(items) > 0",
                                                       "assert len(items) == 3"))
    run = run_generated_test(project, "zz_pdf_board")
    assert run.returncode == 0 and "2 passed" in run.stdout, run.stdout[-3000:]


class _Board(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def date_time_string(self, timestamp=None):  # the server's clock, sent as its Date header
        return "Tue, 15 Mar 2022 23:30:00 GMT"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=windows-1252")
        self.end_headers()
        self.wfile.write(PDF_BOARD)


@pytest.fixture
def board_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Board)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/notices"
    server.shutdown()
    server.server_close()


@pytest.mark.slow
def test_a_downloaded_page_is_dated_by_the_servers_clock(project, board_server):
    done = newsource(project, "zz_live_board", board_server)
    assert done.returncode == 0, done.stderr
    pages = project / "tests/crawlers/pages/zz_live_board"
    manifest = json.loads((pages / "urls.json").read_text())
    assert manifest["capture_date"] == "2022-03-15"
    assert manifest["urls"][board_server]["headers"]["Content-Type"] == "text/html; charset=windows-1252"
    assert (pages / "home.html").read_bytes() == PDF_BOARD


@pytest.mark.slow
def test_an_unreachable_page_writes_nothing_and_says_how_to_capture_it(project):
    done = newsource(project, "zz_gone_board", "http://127.0.0.1:9/")
    assert done.returncode != 0 and "--page FILE --captured YYYY-MM-DD" in done.stderr
    assert not (project / "crawlers/spiders/zz_gone_board.py").exists()
    assert not (project / "tests/crawlers/pages/zz_gone_board").exists()


@pytest.mark.slow
def test_a_saved_page_needs_its_capture_date(project, tmp_path):
    done = newsource(project, "zz_board", "http://board.example/", "--page",
                     saved_page(tmp_path, PDF_BOARD))
    assert done.returncode != 0 and "--page needs --captured" in done.stderr


@pytest.mark.slow
def test_refuses_to_overwrite(project, tmp_path):
    page = saved_page(tmp_path, PDF_BOARD)
    assert newsource(project, "board_one", "http://board.example/", "--page", page,
                     "--captured", "2026-01-10").returncode == 0
    spider = project / "crawlers/spiders/board_one.py"
    spider.write_text("# edited by hand\n")
    again = newsource(project, "board_one", "http://board.example/other", "--page", page,
                      "--captured", "2026-01-10")
    assert again.returncode != 0
    assert "already exists" in again.stderr or "refusing to overwrite" in again.stderr
    assert spider.read_text() == "# edited by hand\n"


@pytest.mark.slow
def test_refuses_an_existing_spider_name(project, tmp_path):
    done = newsource(project, "upsc", "http://upsc.gov.in/", "--page",
                     saved_page(tmp_path, PDF_BOARD), "--captured", "2026-01-10")
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


@pytest.mark.parametrize(("header", "day"), [
    ("Tue, 15 Mar 2022 23:30:00 GMT", dt.date(2022, 3, 15)),
    ("Wed, 16 Mar 2022 03:00:00 +0530", dt.date(2022, 3, 15)),  # the server's day, in UTC
    ("not a date", dt.date(2026, 1, 10)),
    (None, dt.date(2026, 1, 10)),
])
def test_the_capture_day_is_the_servers_else_now(header, day):
    assert capture_day(header, dt.datetime(2026, 1, 10, 12, tzinfo=dt.UTC)) == day


def test_a_pdf_capture_is_stored_as_a_pdf():
    capture = Capture(b"%PDF-1.4", "application/pdf", dt.date(2026, 1, 10), "x")
    files = render(NewSource("board", "http://board.example/a.pdf", "Board", None), capture)
    assert files["tests/crawlers/pages/board/home.pdf"] == b"%PDF-1.4"
    assert json.loads(files["tests/crawlers/pages/board/urls.json"])["urls"][
        "http://board.example/a.pdf"]["file"] == "home.pdf"


def test_untrusted_text_cannot_break_out_of_the_generated_code():
    import ast

    sneaky = NewSource("board", 'http://board.example/?q="""', 'Board"""; import os #\\', None)
    files = render(sneaky, Capture(b"<html></html>", "text/html", dt.date(2018, 3, 20), "x"))
    tree = ast.parse(files["crawlers/spiders/board.py"])
    [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    values = {t.targets[0].id: ast.literal_eval(t.value) for t in cls.body if isinstance(t, ast.Assign)}
    assert values["organisation"] == 'Board"""; import os #\\'
    assert values["start_urls"] == ['http://board.example/?q="""']
    assert not any(isinstance(n, ast.Import) and n.names[0].name == "os" for n in ast.walk(tree))
