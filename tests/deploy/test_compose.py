"""The production stack (deploy/): the compose file against the Compose Specification's JSON
schema, the project's own rules for it, ``docker compose config`` where the plugin exists, and
the Dockerfile's essentials.

``compose-spec.schema.json`` is the Compose Specification's schema (compose-spec project, Apache
License 2.0) as shipped in the npm package dclint 3.1.0 (``schemas/compose.schema.json``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SCHEMA = Path(__file__).parent / "compose-spec.schema.json"
ONE_SHOT = {"migrate"}  # services that run once and exit
_VARIABLE = re.compile(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}")


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ``${VAR}``, ``${VAR:-default}`` and ``${VAR:?error}`` (enough for these checks)."""
    def one(match):
        name, op, arg = match.groups()
        if env.get(name):
            return env[name]
        if op and op.endswith("?"):
            raise KeyError(f"{name}: {arg}")
        return arg if op else ""

    return _VARIABLE.sub(one, value)


def example_env() -> dict[str, str]:
    pairs = [line.split("=", 1) for line in (DEPLOY / ".env.example").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    return {k: v for k, v in pairs}


def test_the_compose_file_follows_the_compose_specification():
    validator = Draft7Validator(json.loads(SCHEMA.read_text()))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(compose())]
    assert errors == []


def test_the_schema_check_catches_a_misspelt_key():
    broken = compose()
    broken["services"]["web"]["restart_policy"] = "always"
    [error] = Draft7Validator(json.loads(SCHEMA.read_text())).iter_errors(broken)
    assert list(error.absolute_path) == ["services", "web"] and "restart_policy" in error.message


def test_the_stack_has_every_part():
    images = {name: s.get("image", "") for name, s in compose()["services"].items()}
    assert images["postgres"].startswith("postgres:16")
    assert images["meilisearch"].startswith("getmeili/meilisearch:")
    assert images["prefect-server"].startswith("prefecthq/prefect:3.8")
    assert images["web"].startswith("caddy:")
    assert compose()["services"]["worker"]["command"][:5] == [
        "prefect", "worker", "start", "--pool", "default"]


def test_every_service_has_an_image_and_the_project_is_built_from_the_dockerfile():
    services = compose()["services"]
    assert all(s.get("image") or s.get("build") for s in services.values())
    for name in ("migrate", "worker"):
        build = services[name]["build"]
        assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == DEPLOY / "Dockerfile"


def test_every_published_port_is_on_loopback_by_default():
    published = [interpolate(p, {}) for s in compose()["services"].values() for p in s.get("ports", [])]
    assert published and all(p.startswith("127.0.0.1:") for p in published), published


def test_every_long_running_service_has_a_healthcheck_and_restarts():
    for name, service in compose()["services"].items():
        if name in ONE_SHOT:
            assert service["restart"] == "no"
            continue
        assert service["healthcheck"]["test"], name
        assert service["restart"] == "unless-stopped", name


def test_the_worker_starts_only_after_the_migration_succeeded():
    depends = compose()["services"]["worker"]["depends_on"]
    assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert compose()["services"]["migrate"]["command"] == ["jobs", "migrate"]


def test_secrets_are_required_not_defaulted():
    env = compose()["services"]["worker"]["environment"]
    with pytest.raises(KeyError, match="POSTGRES_PASSWORD"):
        interpolate(env["JOBS_DATABASE_URL"], {})
    assert interpolate(env["JOBS_DATABASE_URL"], example_env()).startswith("postgresql://jobs:")


def test_the_web_server_and_the_worker_share_the_published_folder():
    services = compose()["services"]
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    publish_dir = re.search(r"JOBS_PUBLISH_DIR=(\S+)", dockerfile).group(1)
    assert "public:/srv/public" in services["worker"]["volumes"]
    assert "public:/srv/public:ro" in services["web"]["volumes"]
    assert f"root * {{$SITE_ROOT:{publish_dir}}}" in (DEPLOY / "Caddyfile").read_text()


def test_the_dockerfile_installs_the_locked_project_and_chromium():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "\nFROM python:3.11-slim\n" in dockerfile
    assert "uv sync --frozen --no-dev" in dockerfile
    assert re.search(r"apt-get install [^\n]*chromium", dockerfile)
    assert "\nUSER jobs\n" in dockerfile


def _docker_compose() -> bool:
    docker = shutil.which("docker")
    return bool(docker) and subprocess.run([docker, "compose", "version"], capture_output=True,
                                           timeout=30).returncode == 0


@pytest.mark.skipif(not _docker_compose(), reason="the docker compose plugin is not installed")
def test_docker_compose_accepts_the_file():
    proc = subprocess.run(["docker", "compose", "--env-file", str(DEPLOY / ".env.example"), "-f",
                           str(DEPLOY / "compose.yaml"), "config", "--quiet"],
                          capture_output=True, text=True, timeout=60, env={**os.environ})
    assert proc.returncode == 0, proc.stderr
