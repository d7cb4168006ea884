"""Publishing at scale: a site of N job pages to the local folder (symlink swap) and to an S3
bucket on moto's loopback server: first publish, unchanged re-publish, one page changed.

    .venv/bin/python bench/bench_publish.py [--pages 10000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import timed  # noqa: E402  (after the path is set)


def make_site(root: Path, pages: int) -> None:
    filler = "<p>Important dates, fees, age limits and vacancies.</p>" * 150  # ~8 KB a page
    for i in range(pages):
        page = root / "jobs" / f"job-{i:05d}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<!doctype html><title>Job {i}</title>{filler}", encoding="utf-8")
    (root / "index.html").write_text("<!doctype html><title>Home</title>", encoding="utf-8")
    (root / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    args = parser.parse_args()
    for name, value in {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                        "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": "/dev/null",
                        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"}.items():
        os.environ[name] = value  # moto on loopback only: never real credentials
    import logging

    from moto.server import ThreadedMotoServer

    from services.publish import publish_folder
    from services.publish_s3 import publish_s3, s3_client

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "output"
        timed(f"write a {args.pages}-page site", lambda: make_site(site, args.pages))
        timed("folder publish, first", lambda: publish_folder(site, Path(tmp) / "public"))
        timed("folder publish, unchanged", lambda: publish_folder(site, Path(tmp) / "public"))
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        client = s3_client(f"http://{host}:{port}")
        client.create_bucket(Bucket="bench")
        first = timed("S3 publish, first", lambda: publish_s3(site, "bench", client=client))
        again = timed("S3 publish, unchanged", lambda: publish_s3(site, "bench", client=client))
        (site / "jobs" / "job-00007" / "index.html").write_text("<title>changed</title>")
        one = timed("S3 publish, one page changed", lambda: publish_s3(site, "bench",
                                                                        client=client))
        print(f"{'  objects uploaded':<44} {len(first.uploaded)} / {len(again.uploaded)} / "
              f"{len(one.uploaded)}")
        server.stop()


if __name__ == "__main__":
    main()
