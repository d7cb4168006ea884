"""The README lists every ``jobs`` command, every setting the code reads, and ``scrapy newsource``."""

from __future__ import annotations

import re
from pathlib import Path

from cli.main import build_parser
from tests.cli.test_help import parsers

ROOT = Path(__file__).resolve().parents[2]
CODE = ("core", "services", "cli", "crawlers", "pipelines", "flows", "search_index", "site")
# os.environ.get("X" / os.environ["X" / env.get("X" / os.getenv("X", across a line break too
READ = re.compile(r"""(?:environ|env)(?:\.get\(|\[)\s*["']((?:JOBS|MEILI|OPENAI)_[A-Z0-9_]+)|getenv\(\s*["']((?:JOBS|MEILI|OPENAI)_[A-Z0-9_]+)""")


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def settings_read_by_the_code() -> set[str]:
    names = set()
    for package in CODE:
        for path in (ROOT / package).rglob("*.py"):
            names |= {a or b for a, b in READ.findall(path.read_text(encoding="utf-8"))}
    return names


def test_the_scan_finds_the_settings():
    assert {"JOBS_DATABASE_URL", "JOBS_USER_AGENT", "JOBS_LLM_MODEL", "MEILI_INDEX"} <= settings_read_by_the_code()


def test_every_setting_is_in_the_readme():
    text = readme()
    assert sorted(n for n in settings_read_by_the_code() if f"`{n}`" not in text) == []


def test_every_command_is_in_the_readme():
    text = readme()
    commands = {path.split()[1] for path, _ in parsers(build_parser()) if path.count(" ") == 1}
    assert sorted(c for c in commands if f"jobs {c}" not in text) == []


def test_scrapy_newsource_is_in_the_readme():
    assert "scrapy newsource" in readme()
