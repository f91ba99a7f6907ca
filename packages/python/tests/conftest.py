"""Shared fixtures: a real Prism mock of the bundled spec (one per session), node helpers, local servers."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import redis

import seedance

PACKAGE = Path(__file__).resolve().parent.parent
REPO = PACKAGE.parent.parent
SPEC_PATH = REPO / "spec" / "dist" / "openapi.json"
START_MOCK = REPO / "scripts" / "start-mock.ts"
NODE_BIN = REPO / "node_modules" / ".bin"

# scripts/run_tests.py runs the suite against the wheel installed in a user venv: never the source tree.
if os.environ.get("SEEDANCE_EXPECT_INSTALLED"):
    installed = Path(seedance.__file__).resolve()
    if not installed.is_relative_to(Path(os.environ["SEEDANCE_EXPECT_INSTALLED"]).resolve()):
        raise RuntimeError(f"seedance was imported from {installed}, not from the installed wheel")


def node_env(**extra: str) -> dict[str, str]:
    """The environment for node children: the repo's pinned Node 24 first on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{NODE_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_group(proc: subprocess.Popen[Any]) -> None:
    """Stops a child started with start_new_session=True, with everything it spawned."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=5)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def spawn_until(
    cmd: list[str], pattern: str, *, cwd: Path, env: dict[str, str], timeout: float = 60
) -> tuple[subprocess.Popen[str], re.Match[str]]:
    """Spawns a long-running child in its own process group and waits for a stdout line matching pattern."""
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    assert proc.stdout is not None
    lines: list[str] = []
    found: list[re.Match[str]] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if not found and (match := re.search(pattern, line)):
                found.append(match)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not found and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not found:
        stop_group(proc)
        raise RuntimeError(f"{' '.join(cmd)} did not become ready:\n{''.join(lines)[-4000:]}")
    return proc, found[0]


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    if not SPEC_PATH.exists():
        pytest.fail(f"{SPEC_PATH} is missing: bundle the spec first (node scripts/bundle-spec.ts)")
    return json.loads(SPEC_PATH.read_text())  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """A real Prism mock of the bundled spec on a free port, for the whole session."""
    port = free_port()
    proc, match = spawn_until(
        ["node", str(START_MOCK)],
        r"Prism mock of the Seedance API: (http://\S+)",
        cwd=PACKAGE,
        env=node_env(PORT=str(port)),
    )
    try:
        yield match.group(1)
    finally:
        stop_group(proc)


SANDBOX_INDEX = REPO / "packages" / "sandbox" / "src" / "index.ts"
SANDBOX_SCRIPT = """
const { startSandbox } = await import(process.env.SANDBOX_INDEX_URL);
const sandbox = await startSandbox({ taskSeconds: 1, webhookSecret: process.env.WEBHOOK_SECRET });
console.log(`SANDBOX ${JSON.stringify({ url: sandbox.url, apiKey: sandbox.apiKey })}`);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
"""


@pytest.fixture(scope="session")
def sandbox() -> Iterator[dict[str, str]]:
    """The sandbox (a stateful simulator of the API behind Prism) on free ports, for the whole session."""
    webhook_secret = "whsec_c2VlZGFuY2Utc2FuZGJveC1zZWNyZXQtMzI="
    proc, match = spawn_until(
        ["node", "--input-type=module", "-e", SANDBOX_SCRIPT],
        r"SANDBOX (\{.*\})",
        cwd=PACKAGE,
        env=node_env(SANDBOX_INDEX_URL=SANDBOX_INDEX.as_uri(), WEBHOOK_SECRET=webhook_secret),
    )
    try:
        yield {**json.loads(match.group(1)), "webhookSecret": webhook_secret}
    finally:
        stop_group(proc)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    binary = os.environ.get("REDIS_SERVER_PATH") or shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: `apt-get install redis-server` (pnpm install provisions it)")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="seedance-redis-") as folder:
        args = ["--port", str(port), "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no"]
        proc = subprocess.Popen([binary, *args], stdout=subprocess.DEVNULL, start_new_session=True)
        try:
            client = redis.Redis(port=port, socket_timeout=1)
            deadline = time.monotonic() + 10
            while True:
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise
                    time.sleep(0.05)
            client.close()
            yield f"redis://127.0.0.1:{port}"
        finally:
            stop_group(proc)


def run_node(script: str, *, cwd: Path, stdin: str = "", args: list[str] | None = None) -> str:
    """Runs an ES module snippet with the repo's Node and returns its stdout."""
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, *(args or [])],
        cwd=cwd,
        env=node_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"node failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


Handler = Callable[[BaseHTTPRequestHandler, int], tuple[int, dict[str, str], bytes]]


class LocalServer:
    """A tiny HTTP server in a thread that answers with ``handler(request, attempt_number)``."""

    def __init__(self, handler: Handler) -> None:
        self.requests: list[dict[str, Any]] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                        "at": time.time(),
                    }
                )
                status, headers, payload = handler(self, len(server.requests))
                if status == 0:  # drop the connection without answering
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(body).encode()
