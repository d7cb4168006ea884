"""``jobs publish-s3`` on the command line, against moto on loopback."""

from __future__ import annotations

import json

from cli.main import main


def test_dry_run_lists_changes_and_uploads_nothing(site, bucket, capsys):
    client, name = bucket
    code = main(["publish-s3", "--output", str(site), "--bucket", name, "--endpoint-url",
                 client.meta.endpoint_url, "--dry-run"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and "index.html" in out["would_upload"]
    assert client.list_objects_v2(Bucket=name).get("KeyCount", 0) == 0


def test_publish_then_publish_again_uploads_nothing(site, bucket, capsys):
    client, name = bucket
    args = ["publish-s3", "--output", str(site), "--bucket", name, "--endpoint-url",
            client.meta.endpoint_url]
    main(args)
    first = json.loads(capsys.readouterr().out)
    main(args)
    second = json.loads(capsys.readouterr().out)
    files = sum(1 for p in site.rglob("*") if p.is_file())
    assert (first["uploaded"], second["uploaded"], second["unchanged"]) == (files, 0, files)
