"""Build the static site with Pelican from a snapshot file (a pure function of its inputs).

Builds are incremental: each plugin keeps a content-hash manifest of the files it writes, in a
state folder per output folder (``var/site-builds/<hash of the output path>/``), and a rebuild
writes only the files whose inputs changed.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
from pathlib import Path

from core.config import PROJECT_ROOT, var_dir

log = logging.getLogger(__name__)


def build_state(output: Path) -> Path:
    """The folder of what the builds of one output folder keep (manifests, row cache, compiled
    templates); outside the output so it is never published."""
    name = hashlib.sha1(str(Path(output).absolute()).encode()).hexdigest()[:16]
    return var_dir() / "site-builds" / name


def build_site(snapshot: Path, output: Path, today: str, site_url: str, *,
               settings_file: str = "pelicanconf.py", **settings) -> int:
    """Render the site into ``output``; returns the number of HTML pages the site has.

    That is the pages of the plugins' manifests (the job pages, listings… this build made or
    kept) plus the pages Pelican wrote (the editorial ones): no walk over the output folder.

    The cyclic garbage collector is off while the site is built: a build keeps the rows and
    listings of every job alive until its end, so every full collection walked all of them and
    found nothing; the build's process pool inherits the setting, so no collection there
    touches (and so copies) the memory its processes share with the build. The few cycles the
    build leaves are collected as usual once the collector is back on.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(snapshot, Path(output), today, site_url, settings_file, settings)
    finally:
        if collecting:
            gc.enable()


def _build(snapshot: Path, output: Path, today: str, site_url: str, settings_file: str,
           settings: dict) -> int:
    from pelican import Pelican, signals
    from pelican.log import console
    from pelican.settings import read_settings

    overrides = {
        "OUTPUT_PATH": str(output),
        "JOBS_SNAPSHOT": str(snapshot),
        "JOBS_TODAY": today,
        "SITEURL": site_url.rstrip("/"),
        "JOBS_BUILD_STATE": str(build_state(output)),
        **settings,
    }
    settings_obj = read_settings(str(PROJECT_ROOT / "site" / settings_file), override=overrides)
    # Pelican's log handler is noisy at INFO; a build prints one summary line instead.
    logging.getLogger("pelican").setLevel(logging.WARNING)
    console.quiet = True
    pelican_pages: set[str] = set()

    def written(path, **_):
        if str(path).endswith(".html"):
            pelican_pages.add(os.path.relpath(path, output))

    signals.content_written.connect(written, weak=False)
    try:
        Pelican(settings_obj).run()
    finally:
        signals.content_written.disconnect(written)
    made = {p for report in _reports(output).values() for p in report.get("files", {})}
    return len(pelican_pages | {p for p in made if p.endswith(".html")})


def _reports(output: Path) -> dict[str, dict]:
    """plugin → its manifest (``files``, ``written``, ``removed`` of its last build)."""
    state = build_state(output)
    reports = {}
    for path in sorted(state.glob("*.json")) if state.is_dir() else ():
        reports[path.stem] = json.loads(path.read_text())
    return reports


def last_build(output: Path) -> dict:
    """What the last build of ``output`` wrote and removed (relative paths, sorted)."""
    reports = _reports(Path(output)).values()
    return {"written": sorted(p for r in reports for p in r.get("written", [])),
            "removed": sorted(p for r in reports for p in r.get("removed", []))}


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root`` by relative path (to compare two builds)."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


if __name__ == "__main__":  # pragma: no cover
    print(build_site(Path(os.environ["JOBS_SNAPSHOT"]), Path("site/output"),
                     os.environ.get("JOBS_TODAY", ""), "http://localhost:8000"))
