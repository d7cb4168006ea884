"""moto's S3 + CloudFront server on loopback, with fake credentials: never the real AWS."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def moto_url():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws_env(monkeypatch, moto_url):
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
    return moto_url


@pytest.fixture
def bucket(aws_env, request):
    from services.publish_s3 import s3_client

    client = s3_client(aws_env)
    name = "site-" + request.node.name.replace("_", "-").lower()[:40].strip("-")
    client.create_bucket(Bucket=name)
    return client, name


@pytest.fixture
def distribution(aws_env, request):
    from services.publish_s3 import cloudfront_client

    client = cloudfront_client(aws_env)
    answer = client.create_distribution(DistributionConfig={
        "CallerReference": f"jobs-test-{request.node.name}",
        "Origins": {"Quantity": 1, "Items": [{
            "Id": "site", "DomainName": "site.s3.amazonaws.com",
            "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "site", "ViewerProtocolPolicy": "allow-all",
                                 "MinTTL": 0},
        "Comment": "", "Enabled": True})
    return client, answer["Distribution"]["Id"]


@pytest.fixture
def site(tmp_path):
    """A small built site: pages, a sitemap, a feed, a calendar, static assets."""
    root = tmp_path / "output"
    files = {
        "index.html": "<!doctype html><title>Home</title>",
        "jobs/ssc-cgl-2026-abc123/index.html": "<!doctype html><title>SSC CGL</title>",
        "jobs/upsc-cse-2026-def456/index.html": "<!doctype html><title>UPSC CSE</title>",
        "sitemap.xml": "<?xml version='1.0'?><urlset/>",
        "feeds/all.rss.xml": "<?xml version='1.0'?><rss/>",
        "calendar.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "robots.txt": "User-agent: *\n",
        "theme/site.css": "body{margin:0}",
        "theme/site.3f2a9c1b.css": "body{margin:0}",
        "pagefind/fragment/en_1a2b3c4.pf_fragment": "\x00\x01",
        "pagefind/pagefind.js": "export{}",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
