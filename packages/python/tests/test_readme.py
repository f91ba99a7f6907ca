"""Every Python example of README.md runs (against the sandbox, and a real redis-server for the Redis
one) and passes ``mypy --strict`` against the installed package, as a user would copy it."""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PACKAGE

import seedance

BLOCKS = re.findall(r"```python\n(.*?)```", (PACKAGE / "README.md").read_text(), re.DOTALL)
SERVER_APPS = ("FastAPI()", "Flask(__name__)")


def block(marker: str) -> str:
    """The README's example containing ``marker``."""
    found = [source for source in BLOCKS if marker in source]
    assert len(found) == 1, f"{len(found)} README examples contain {marker!r}"
    return found[0]


@pytest.fixture
def written(tmp_path: Path) -> Iterator[Path]:
    for index, source in enumerate(BLOCKS):
        (tmp_path / f"readme_example_{index}.py").write_text(source)
    yield tmp_path


def test_every_readme_example_passes_mypy_strict(written: Path) -> None:
    assert len(BLOCKS) >= 7
    cache = PACKAGE / ".mypy_cache" / "readme"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(cache),
            "--no-incremental",
            *map(str, sorted(written.glob("*.py"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=written,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "marker",
    [
        "client.seedream.generate(\n",
        "async def main",
        "except seedance.ValidationError",
        "logging.basicConfig",
        "RedisRateLimitStore",
        "SeedanceInstrumentation(",
    ],
)
def test_the_readme_example_runs(marker: str, sandbox: dict[str, str], redis_url: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SEEDANCE_API_KEY": sandbox["apiKey"],
        "SEEDANCE_BASE_URL": sandbox["url"],
        "REDIS_URL": redis_url,
    }
    run = subprocess.run(
        [sys.executable, "-c", block(marker)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip()
    if marker == "SeedanceInstrumentation(":  # the spans and metrics, printed by the console exporters
        for name in ("seedance.generateAndWait", "seedance.download", "seedance.client.calls"):
            assert name in run.stdout
    if marker.startswith("client.seedream"):
        assert (tmp_path / "eagle.mp4").stat().st_size > 0  # the quickstart's download


def deliver(post: Any, secret: str) -> int:
    body = '{"event":"task.completed","data":{"task_id":"task-1","result":{"video_url":"https://cdn.example/v.mp4"}}}'
    status: int = post("/webhooks/seedance", body, seedance.sign_webhook(body, secret))
    return status


@pytest.mark.parametrize("app", SERVER_APPS)
def test_the_readme_webhook_receivers_handle_a_signed_delivery_once(
    app: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    secret = seedance.generate_webhook_secret()
    monkeypatch.setenv("SEEDANCE_WEBHOOK_SECRET", secret)
    (tmp_path / "app.py").write_text(block(app))
    namespace = runpy.run_path(str(tmp_path / "app.py"))
    if app == "FastAPI()":
        from fastapi.testclient import TestClient

        client = TestClient(namespace["app"], follow_redirects=False)

        def post(path: str, body: str, headers: dict[str, str]) -> int:
            return client.post(path, content=body, headers=headers).status_code
    else:
        flask_client = namespace["app"].test_client()

        def post(path: str, body: str, headers: dict[str, str]) -> int:
            return int(flask_client.post(path, data=body, headers=headers, follow_redirects=False).status_code)

    assert deliver(post, secret) == 204
    assert deliver(post, "whsec_" + "QUJD" * 8) == 400  # signed with another secret
    assert namespace["finished"] == {"task-1": "https://cdn.example/v.mp4"}
