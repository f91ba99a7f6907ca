"""The page's Python quickstart, unmodified, plus the sandbox (a stateful simulator behind Prism)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from conftest import PACKAGE

import seedance

QUICKSTART = PACKAGE / "tests" / "quickstart" / "page_quickstart.py"


def example(spec: dict[str, Any], path: str, method: str, status: str, name: str) -> dict[str, Any]:
    content = spec["paths"][path][method]["responses"][status]["content"]["application/json"]
    return copy.deepcopy(content["examples"][name]["value"])


class TaskStub:
    """Answers the spec's own examples, statefully: a task is `processing` once, then `completed`."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.polls: dict[str, int] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        image = example(spec, "/v1/seedream/generate", "post", "200", "generated")
        video = example(spec, "/v1/seedance/generate", "post", "202", "accepted")
        # The example's 45 s estimate would time the client's first poll; this stub's tasks are quick.
        video["data"]["estimated_wait_time_seconds"] = 0
        processing = example(spec, "/v1/tasks/{task_id}", "get", "200", "processing")
        completed = example(spec, "/v1/tasks/{task_id}", "get", "200", "completed")
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status: int, body: dict[str, Any]) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in (("Limit", "1000"), ("Remaining", "999"), ("Reset", "1705315200")):
                    self.send_header(f"X-RateLimit-{name}", value)
                self.end_headers()
                self.wfile.write(payload)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                stub.requests.append(("POST", self.path, dict(self.headers)))
                if self.path == "/v1/seedream/generate":
                    self._send(200, image)
                elif self.path == "/v1/seedance/generate":
                    self._send(202, video)
                else:
                    self._send(404, {"status": "error", "error": {"code": "NOT_FOUND", "message": "no route"}})

            def do_GET(self) -> None:
                stub.requests.append(("GET", self.path, dict(self.headers)))
                task_id = self.path.rsplit("/", 1)[-1]
                if not self.path.startswith("/v1/tasks/"):
                    self._send(404, {"status": "error", "error": {"code": "NOT_FOUND", "message": "no route"}})
                    return
                stub.polls[task_id] = stub.polls.get(task_id, 0) + 1
                body = copy.deepcopy(processing if stub.polls[task_id] == 1 else completed)
                body["data"]["task_id"] = task_id
                self._send(200, body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def stub(spec: dict[str, Any]) -> Iterator[TaskStub]:
    server = TaskStub(spec)
    yield server
    server.close()


def run_quickstart(base_url: str, api_key: str, source: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEEDANCE_API_KEY": api_key, "SEEDANCE_BASE_URL": base_url}
    args = [str(QUICKSTART)] if source is None else ["-c", source]
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def test_page_quickstart_runs_unmodified(stub: TaskStub) -> None:
    run = run_quickstart(stub.url, "sk-test-from-env")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines == [
        "Generated image: https://cdn.seedance2api.com/images/img-uuid-001.png",
        "Task submitted: task-uuid-67890",
        "Task status: processing",
        "Video URL: https://cdn.seedance2api.com/videos/task-123-abc.mp4",
    ]
    assert stub.polls == {"task-uuid-67890": 2}
    posts = [headers for method, _, headers in stub.requests if method == "POST"]
    assert all(h["Authorization"] == "Bearer your-api-key-here" and h["Idempotency-Key"] for h in posts)


def test_quickstart_env_configuration_and_wait_for_completion(stub: TaskStub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEDANCE_API_KEY", "sk-test-env")
    monkeypatch.setenv("SEEDANCE_BASE_URL", stub.url)
    client = seedance.Client()
    assert client.base_url == stub.url
    task = client.seedance.generate(prompt="A runner", model="seedance-1.5-pro", duration=15)
    done = client.task.wait_for_completion(task.task_id, max_wait_time=10, poll_interval=0.05)
    assert done.status == "completed" and done.result.video_url.endswith(".mp4")
    assert stub.polls[task.task_id] == 2
    assert stub.requests[-1][2]["Authorization"] == "Bearer sk-test-env"


def test_page_quickstart_against_the_sandbox(sandbox: dict[str, str]) -> None:
    # The page's init line passes api_key="your-api-key-here", which the sandbox (sk-test-… keys only)
    # refuses: the typed error proves the key is sent and rejected as documented.
    run = run_quickstart(sandbox["url"], sandbox["apiKey"])
    assert run.returncode != 0
    assert "AuthenticationError" in run.stderr and "your-api-key-here" not in run.stderr


def test_page_quickstart_with_its_environment_variable_alternative_against_the_sandbox(
    sandbox: dict[str, str],
) -> None:
    # The page offers `client = seedance.Client()` (commented out) as the alternative to a literal key;
    # take exactly that line, everything else as is, and run the polling loop against the sandbox.
    page = QUICKSTART.read_text()
    literal = 'client = seedance.Client(api_key="your-api-key-here")'
    assert page.count(literal) == 1 and "# client = seedance.Client()" in page
    run = run_quickstart(sandbox["url"], sandbox["apiKey"], page.replace(literal, "client = seedance.Client()"))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Generated image: http")
    assert lines[1].startswith("Task submitted: ")
    assert lines[-1].startswith("Video URL: http")


def test_sandbox_wait_for_completion_result_and_signed_webhook(sandbox: dict[str, str]) -> None:
    received: list[tuple[bytes, dict[str, str]]] = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            received.append((body, dict(self.headers)))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        client = seedance.Client(api_key=sandbox["apiKey"], base_url=sandbox["url"])
        task = client.seedance.generate(
            prompt="A majestic eagle soaring over snowy mountains",
            model="seedance-1.5-pro",
            duration=15,
            resolution="1080p",
            fps=24,
            webhook_url=f"http://127.0.0.1:{httpd.server_address[1]}/hook",
        )
        assert task.status == "queued"
        with pytest.raises(seedance.ConflictError):
            client.task.get_result(task.task_id)
        done = client.task.wait_for_completion(task.task_id, max_wait_time=30, poll_interval=0.25)
        assert done.status == "completed" and done.progress == 100
        result = client.task.get_result(task.task_id)
        assert result.result.video_url == done.result.video_url

        failed = client.seedance.generate(prompt="Please [fail]", model="seedance-1.0", duration=5)
        end = client.task.wait_for_completion(failed.task_id, max_wait_time=30, poll_interval=0.25)
        assert end.status == "failed" and end.error_message

        busy = client.seedream.generate(prompt="A busy [busy] day", model="seedream-4.5")  # 503 once, retried
        assert busy.images[0].url
        with pytest.raises(seedance.NotFoundError):
            client.task.get_status("task-does-not-exist")

        deadline = time.monotonic() + 10
        events: list[str] = []
        while time.monotonic() < deadline and "task.completed" not in events:
            events = [
                seedance.verify_webhook(body, headers, sandbox["webhookSecret"])["event"] for body, headers in received
            ]
            time.sleep(0.1)
        assert "task.completed" in events
        with pytest.raises(seedance.WebhookVerificationError):
            seedance.verify_webhook(received[0][0], received[0][1], "whsec_" + "QUJD" * 8)
    finally:
        httpd.shutdown()
        httpd.server_close()
