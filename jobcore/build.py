"""Build the static site with Pelican from a snapshot file (a pure function of its inputs)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jobcore.config import PROJECT_ROOT

log = logging.getLogger(__name__)


def build_site(snapshot: Path, output: Path, today: str, site_url: str) -> int:
    """Render the site into ``output``; returns the number of HTML files written."""
    from pelican import Pelican
    from pelican.settings import read_settings

    overrides = {
        "OUTPUT_PATH": str(output),
        "JOBS_SNAPSHOT": str(snapshot),
        "JOBS_TODAY": today,
        "SITEURL": site_url.rstrip("/"),
    }
    settings = read_settings(str(PROJECT_ROOT / "site" / "pelicanconf.py"), override=overrides)
    # Pelican's log handler is noisy at INFO; a build prints one summary line instead.
    from pelican.log import console

    logging.getLogger("pelican").setLevel(logging.WARNING)
    console.quiet = True
    Pelican(settings).run()
    return sum(1 for _ in output.rglob("*.html"))


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root`` by relative path (to compare two builds)."""
    import hashlib

    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


if __name__ == "__main__":  # pragma: no cover
    print(build_site(Path(os.environ["JOBS_SNAPSHOT"]), Path("site/output"), os.environ.get("JOBS_TODAY", ""), "http://localhost:8000"))
