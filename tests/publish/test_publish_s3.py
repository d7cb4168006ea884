"""Publishing to an S3-compatible bucket and purging CloudFront, against moto on loopback."""

from __future__ import annotations

import pytest

from services.publish_s3 import (
    HTML_CACHE,
    IMMUTABLE_CACHE,
    MANIFEST,
    cache_control,
    content_type,
    plan,
    publish_s3,
)


def keys(client, bucket, prefix=""):
    answer = client.list_objects_v2(Bucket=bucket, Prefix=prefix)
    return sorted(o["Key"] for o in answer.get("Contents", []))


def test_first_publish_uploads_every_file(site, bucket):
    client, name = bucket
    report = publish_s3(site, name, client=client)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert sorted(report.uploaded) == files
    assert keys(client, name) == sorted([*files, MANIFEST])


def test_second_publish_of_an_unchanged_site_uploads_nothing(site, bucket):
    client, name = bucket
    publish_s3(site, name, client=client)
    again = publish_s3(site, name, client=client)
    assert (again.uploaded, again.deleted, again.changed) == ([], [], False)
    assert again.unchanged == sum(1 for p in site.rglob("*") if p.is_file())


def test_a_changed_file_is_the_only_upload(site, bucket):
    client, name = bucket
    publish_s3(site, name, client=client)
    (site / "jobs/ssc-cgl-2026-abc123/index.html").write_text("<!doctype html><title>SSC CGL"
                                                               " (date extended)</title>")
    report = publish_s3(site, name, client=client)
    assert report.uploaded == ["jobs/ssc-cgl-2026-abc123/index.html"]
    body = client.get_object(Bucket=name, Key="jobs/ssc-cgl-2026-abc123/index.html")["Body"]
    assert b"date extended" in body.read()


def test_an_object_changed_behind_our_back_is_uploaded_again(site, bucket):
    client, name = bucket
    publish_s3(site, name, client=client)
    client.put_object(Bucket=name, Key="index.html", Body=b"defaced")
    assert publish_s3(site, name, client=client).uploaded == ["index.html"]


def test_a_removed_file_is_deleted_after_the_uploads(site, bucket, monkeypatch):
    client, name = bucket
    publish_s3(site, name, client=client)
    (site / "jobs/upsc-cse-2026-def456/index.html").unlink()
    (site / "index.html").write_text("<!doctype html><title>Home, one job less</title>")
    calls = []
    for method in ("put_object", "delete_objects"):
        real = getattr(client, method)
        monkeypatch.setattr(client, method, lambda *a, _m=method, _r=real, **kw: (
            calls.append((_m, kw.get("Key") or [o["Key"] for o in kw["Delete"]["Objects"]])),
            _r(*a, **kw))[1])
    report = publish_s3(site, name, client=client)
    assert report.deleted == ["jobs/upsc-cse-2026-def456/index.html"]
    assert [c[0] for c in calls] == ["put_object", "delete_objects", "put_object"]
    assert calls[0][1] == "index.html" and calls[2][1] == MANIFEST
    assert "jobs/upsc-cse-2026-def456/index.html" not in keys(client, name)


@pytest.mark.parametrize(("key", "kind", "cache"), [
    ("index.html", "text/html; charset=utf-8", HTML_CACHE),
    ("jobs/ssc-cgl-2026-abc123/index.html", "text/html; charset=utf-8", HTML_CACHE),
    ("sitemap.xml", "application/xml; charset=utf-8", HTML_CACHE),
    ("feeds/all.rss.xml", "application/rss+xml; charset=utf-8", HTML_CACHE),
    ("calendar.ics", "text/calendar; charset=utf-8", HTML_CACHE),
    ("robots.txt", "text/plain; charset=utf-8", HTML_CACHE),
    ("theme/site.css", "text/css; charset=utf-8", HTML_CACHE),
    ("theme/site.3f2a9c1b.css", "text/css; charset=utf-8", IMMUTABLE_CACHE),
    ("pagefind/fragment/en_1a2b3c4.pf_fragment", "application/octet-stream", IMMUTABLE_CACHE),
    ("pagefind/pagefind.js", "text/javascript; charset=utf-8", HTML_CACHE),
])
def test_objects_get_their_content_type_and_cache_control(site, bucket, key, kind, cache):
    client, name = bucket
    publish_s3(site, name, client=client)
    head = client.head_object(Bucket=name, Key=key)
    assert (head["ContentType"], head["CacheControl"]) == (kind, cache)


def test_rules_for_files_the_fixture_site_lacks():
    assert content_type("job.jsonld") == "application/ld+json; charset=utf-8"
    assert content_type("feeds/ssc.atom.xml") == "application/atom+xml; charset=utf-8"
    assert content_type("pagefind/wasm.en.pagefind") == "application/octet-stream"
    assert cache_control("jobs/deadbeefcafe/index.html") == HTML_CACHE  # a slug, not a hash


def test_a_header_rule_change_reuploads_with_unchanged_content():
    local = {"a.css": {"md5": "x", "content_type": "text/css; charset=utf-8",
                       "cache_control": IMMUTABLE_CACHE}}
    old = {"a.css": {**local["a.css"], "cache_control": HTML_CACHE}}
    assert plan(local, {"a.css": "x"}, old) == (["a.css"], [])
    assert plan(local, {"a.css": "x"}, local) == ([], [])


def test_assets_go_before_pages_and_pages_before_sitemaps():
    local = {k: {"md5": k} for k in ("sitemap.xml", "index.html", "theme/site.css",
                                     "feeds/all.rss.xml", "jobs/a/index.html")}
    upload, _ = plan(local, {}, {})
    assert upload == ["theme/site.css", "index.html", "jobs/a/index.html", "feeds/all.rss.xml",
                      "sitemap.xml"]


def test_a_prefix_keeps_the_site_inside_it(site, bucket):
    client, name = bucket
    client.put_object(Bucket=name, Key="other/keep.txt", Body=b"not ours")
    publish_s3(site, name, "/preview/", client=client)
    assert "other/keep.txt" in keys(client, name)
    assert "preview/index.html" in keys(client, name, "preview/")
    assert publish_s3(site, name, "preview", client=client).uploaded == []


def test_changed_urls_are_invalidated_in_cloudfront(site, bucket, distribution):
    client, name = bucket
    cloudfront, dist_id = distribution
    publish_s3(site, name, client=client)
    (site / "jobs/ssc-cgl-2026-abc123/index.html").write_text("<title>changed</title>")
    (site / "robots.txt").unlink()
    report = publish_s3(site, name, client=client, distribution_id=dist_id, cloudfront=cloudfront)
    expected = ["/jobs/ssc-cgl-2026-abc123/", "/jobs/ssc-cgl-2026-abc123/index.html",
                "/robots.txt"]
    assert report.invalidation["paths"] == expected
    made = cloudfront.get_invalidation(DistributionId=dist_id, Id=report.invalidation["id"])
    assert sorted(made["Invalidation"]["InvalidationBatch"]["Paths"]["Items"]) == expected


def test_an_unchanged_publish_creates_no_invalidation(site, bucket, distribution):
    client, name = bucket
    cloudfront, dist_id = distribution
    publish_s3(site, name, client=client, distribution_id=dist_id, cloudfront=cloudfront)
    before = cloudfront.list_invalidations(DistributionId=dist_id)["InvalidationList"]
    report = publish_s3(site, name, client=client, distribution_id=dist_id, cloudfront=cloudfront)
    after = cloudfront.list_invalidations(DistributionId=dist_id)["InvalidationList"]
    assert report.invalidation is None
    assert after.get("Quantity", 0) == before.get("Quantity", 0)


def test_the_environment_chooses_the_bucket(site, bucket, monkeypatch, tmp_path):
    from services.publish import publish_output

    client, name = bucket
    monkeypatch.setenv("JOBS_S3_BUCKET", name)
    monkeypatch.setenv("JOBS_S3_ENDPOINT_URL", client.meta.endpoint_url)
    monkeypatch.setenv("JOBS_S3_PREFIX", "live")
    result = publish_output(site, tmp_path / "public")
    assert result["target"] == f"s3://{name}/live/" and result["changed"]
    assert not (tmp_path / "public").exists()
    assert "live/index.html" in keys(client, name, "live/")
