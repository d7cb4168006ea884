"""deploy/Caddyfile served by a real Caddy (Debian's ``caddy``; ``make test`` installs it):
compression, cache headers (a year for hashed names, five minutes for the rest), the 404 page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

CADDYFILE = Path(__file__).resolve().parents[2] / "deploy" / "Caddyfile"
PAGE = "<!doctype html><title>SSC CGL 2026</title>" + "<p>Staff Selection Commission</p>" * 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def caddy(tmp_path_factory):
    binary = shutil.which("caddy")
    if binary is None:
        pytest.skip("Debian's caddy is not installed (make test installs it)")
    root = tmp_path_factory.mktemp("site")
    (root / "jobs" / "ssc-cgl-2026").mkdir(parents=True)
    (root / "jobs" / "ssc-cgl-2026" / "index.html").write_text(PAGE)
    (root / "index.html").write_text(PAGE)
    (root / "404.html").write_text("<!doctype html><title>Not found</title>")
    (root / "theme").mkdir()
    (root / "theme" / "site.3f2a9c1b.css").write_text("body{margin:0}" * 100)
    port = free_port()
    env = {**os.environ, "SITE_ADDRESS": f"http://127.0.0.1:{port}", "SITE_ROOT": str(root),
           "CADDY_ADMIN": f"127.0.0.1:{free_port()}", "XDG_DATA_HOME": str(root.parent / "data"),
           "XDG_CONFIG_HOME": str(root.parent / "config")}
    proc = subprocess.Popen([binary, "run", "--adapter", "caddyfile", "--config", str(CADDYFILE)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/", timeout=1)
            break
        except httpx.TransportError:
            if proc.poll() is not None:
                pytest.fail(proc.stderr.read().decode()[-2000:])
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize("encoding", ["gzip", "zstd"])
def test_pages_are_compressed(caddy, encoding):
    answer = httpx.get(caddy + "/jobs/ssc-cgl-2026/", headers={"Accept-Encoding": encoding})
    assert answer.status_code == 200 and answer.headers["Content-Encoding"] == encoding


def test_a_page_is_cached_for_five_minutes(caddy):
    assert httpx.get(caddy + "/jobs/ssc-cgl-2026/").headers["Cache-Control"] == "public, max-age=300"


def test_a_hashed_asset_is_cached_for_a_year(caddy):
    answer = httpx.get(caddy + "/theme/site.3f2a9c1b.css")
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_missing_page_gets_the_sites_404_page(caddy):
    answer = httpx.get(caddy + "/jobs/no-such-job/")
    assert answer.status_code == 404 and "Not found" in answer.text
