"""``jobs publish``: the S3 bucket when JOBS_S3_BUCKET is set (or a clear refusal), else the
folder; its release history and rollback; the record ``jobs health`` reads."""

from __future__ import annotations

import os

import pytest

from cli.main import main
from services.publish import last_publish, publish_folder, release_history
from tests.publish.conftest import aws_env, bucket, moto_url, site  # noqa: F401  (fixtures)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    target = tmp_path / "cdn" / "public"
    target.parent.mkdir()
    monkeypatch.setenv("JOBS_PUBLISH_DIR", str(target))
    monkeypatch.setenv("JOBS_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("JOBS_S3_BUCKET", raising=False)
    return target


def build(tmp_path, name: str, text: str):
    output = tmp_path / name
    output.mkdir()
    (output / "index.html").write_text(text)
    return output


def test_with_a_bucket_set_publish_goes_to_the_bucket_not_the_folder(site, bucket, folder,  # noqa: F811
                                                                     monkeypatch, capsys):
    client, name = bucket
    monkeypatch.setenv("JOBS_S3_BUCKET", name)
    monkeypatch.setenv("JOBS_S3_ENDPOINT_URL", client.meta.endpoint_url)
    assert main(["publish", "--output", str(site)]) == 0
    keys = {o["Key"] for o in client.list_objects_v2(Bucket=name)["Contents"]}
    assert "index.html" in keys
    assert not folder.exists()
    assert f"to s3://{name}/" in capsys.readouterr().out


def test_an_unreachable_bucket_is_refused_with_what_to_change(site, aws_env, folder,  # noqa: F811
                                                               monkeypatch):
    monkeypatch.setenv("JOBS_S3_BUCKET", "no-such-bucket")
    monkeypatch.setenv("JOBS_S3_ENDPOINT_URL", aws_env)
    with pytest.raises(SystemExit) as refused:
        main(["publish", "--output", str(site)])
    message = str(refused.value)
    assert "JOBS_S3_BUCKET=no-such-bucket is set but the bucket cannot be used" in message
    assert "unset JOBS_S3_BUCKET" in message
    assert not folder.exists()


def test_rollback_points_the_folder_at_the_previous_release(tmp_path, folder):
    first, _ = publish_folder(build(tmp_path, "a", "first"), folder)
    publish_folder(build(tmp_path, "b", "second"), folder)
    assert main(["publish", "--rollback"]) == 0
    assert (folder / "index.html").read_text() == "first"
    assert os.readlink(folder).endswith(first.name)


def test_rolling_back_again_goes_one_further_back(tmp_path, folder):
    for name in ("a", "b", "c"):
        publish_folder(build(tmp_path, name, name), folder)
    main(["publish", "--rollback"])
    main(["publish", "--rollback"])
    assert (folder / "index.html").read_text() == "a"
    with pytest.raises(SystemExit, match="no release older than"):
        main(["publish", "--rollback"])


def test_rollback_to_a_named_release(tmp_path, folder):
    first, _ = publish_folder(build(tmp_path, "a", "first"), folder)
    publish_folder(build(tmp_path, "b", "second"), folder)
    publish_folder(build(tmp_path, "c", "third"), folder)
    assert main(["publish", "--rollback", "--to", first.name]) == 0
    assert (folder / "index.html").read_text() == "first"
    assert [r["current"] for r in release_history(folder)] == [False, False, True]


def test_a_publish_is_recorded_for_health(tmp_path, folder):
    assert last_publish() == {}
    main(["publish", "--output", str(build(tmp_path, "a", "first"))])
    record = last_publish()
    assert record["target"] == str(folder) and record["release"] == os.readlink(folder).split("/")[-1]
    assert record["at"].tzinfo is not None
