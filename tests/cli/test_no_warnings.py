"""A ``jobs`` call outside make (no XDG_RUNTIME_DIR, no project environment) prints no warning."""

from __future__ import annotations

import os
import subprocess
import sys


def test_embedded_database_start_warns_about_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_RUNTIME_DIR", "JOBS_DATABASE_URL", "PYTHONWARNINGS")}
    env["JOBS_VAR_DIR"] = str(tmp_path / "var")
    proc = subprocess.run([sys.executable, "-m", "cli.main", "migrate"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert (tmp_path / "var" / "run").is_dir()
