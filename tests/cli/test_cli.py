"""The ``jobs`` console script: every subcommand has --help; errors are one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cli.main import build_parser


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


def test_core_subcommands_exist():
    assert {"migrate", "crawl", "build", "publish", "serve", "demo"} <= set(_subcommands())


@pytest.mark.parametrize("command", _subcommands())
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: jobs" in capsys.readouterr().out


def test_an_error_is_one_clear_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "JOBS_SITE_OUTPUT": str(tmp_path / "nothing"), "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "cli.main", "publish"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode != 0
    lines = [line for line in (proc.stderr + proc.stdout).splitlines() if line.strip()]
    assert len(lines) == 1
    assert "build the site first" in lines[0]
    assert "Traceback" not in proc.stderr
