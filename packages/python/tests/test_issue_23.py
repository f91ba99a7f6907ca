"""One test per problem of issue 23 ("The Python client keeps every promise the TypeScript client
keeps"), named after it: each failed on the client before the issue was fixed."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from importlib import metadata
from pathlib import Path

import pytest
import standardwebhooks
from conftest import LocalServer, json_response

import seedance

KEY = "sk-live-issue23-secret-key"
IMAGE = {
    "status": "success",
    "data": {"task_id": "t", "images": [{"id": "i", "url": "https://cdn.example/i.png"}], "model": "seedream-4.5"},
}
QUEUED = {
    "status": "success",
    "data": {
        "task_id": "task-1",
        "status": "queued",
        "progress": 0,
        "created_at": "2024-01-15T10:30:00Z",
        "updated_at": "2024-01-15T10:30:00Z",
    },
}


def test_no_rate_limit_hold_the_next_call_waits_for_the_reset_instead_of_spending_a_429() -> None:
    reset = int(time.time()) + 2

    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        quota = {"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "0" if attempt == 1 else "9"}
        return json_response(200, IMAGE, {**quota, "X-RateLimit-Reset": str(reset if attempt == 1 else reset + 3600)})

    with LocalServer(handler) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url, max_retries=0)
        client.seedream.generate(prompt="a fox", model="seedream-4.5")
        client.seedream.generate(prompt="a fox", model="seedream-4.5")
        sent_at = [request["at"] for request in server.requests]
    assert len(sent_at) == 2 and sent_at[1] >= reset  # held until the reset, never sent into a 429

    # A quota that resets after the call's timeout: the call fails at once, and nothing is sent.
    store = seedance.MemoryRateLimitStore()
    store.set(
        seedance.RateLimit(limit=10, remaining=0, reset_at=datetime.fromtimestamp(time.time() + 60, tz=timezone.utc))
    )

    async def held_past_the_timeout(url: str) -> None:
        async with seedance.AsyncClient(api_key=KEY, base_url=url, timeout=1, rate_limit_store=store) as client:
            with pytest.raises(seedance.RateLimitError, match="no request was sent"):
                await client.task.get_status("task-1")

    with LocalServer(lambda _, __: json_response(200, QUEUED)) as server:
        asyncio.run(held_past_the_timeout(server.url))
        assert server.requests == []


@pytest.mark.parametrize(
    ("call", "field", "constraint", "limit"),
    [
        pytest.param(
            lambda c: c.seedream.generate("x" * 301, "seedream-4.5"), "prompt", "max_length", 300, id="prompt-301"
        ),
        pytest.param(lambda c: c.seedream.generate("", "seedream-4.5"), "prompt", "min_length", 1, id="prompt-empty"),
        pytest.param(
            lambda c: c.seedream.generate("a", "seedream-4.5", num_images=5), "num_images", "maximum", 4, id="n-5"
        ),
        pytest.param(
            lambda c: c.seedream.generate("a", "seedream-4.5", num_images=9), "num_images", "maximum", 4, id="n-9"
        ),
        pytest.param(
            lambda c: c.seedream.generate("a", "seedream-4.5", style="s" * 65), "style", "max_length", 64, id="style"
        ),
        pytest.param(
            lambda c: c.seedance.generate("a", "seedance-2.0", duration=3), "duration", "minimum", 5, id="d-3"
        ),
        pytest.param(
            lambda c: c.seedance.generate("a", "seedance-2.0", duration=31), "duration", "maximum", 30, id="d-31"
        ),
        pytest.param(
            lambda c: c.seedance.generate("a", "seedance-2.0", duration=99), "duration", "maximum", 30, id="d-99"
        ),
        pytest.param(
            lambda c: c.seedance.generate("", "seedance-2.0", duration=5), "prompt", "min_length", 1, id="v-empty"
        ),
        pytest.param(
            lambda c: c.seedance.generate("a", "seedance-2.0", 5, webhook_url="/hook"),
            "webhook_url",
            "format",
            "uri",
            id="uri",
        ),
        pytest.param(lambda c: c.task.get_status("../admin"), "task_id", "regex", "^[A-Za-z0-9_-]+$", id="task-id"),
    ],
)
def test_almost_no_client_side_validation_every_limit_of_the_spec_is_checked_before_sending(
    call: object, field: str, constraint: str, limit: object
) -> None:
    with LocalServer(lambda _, __: json_response(200, IMAGE)) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url)
        with pytest.raises(seedance.ValidationError) as info:
            call(client)  # type: ignore[operator]
        assert server.requests == []  # nothing was sent
    assert info.value.details["field"] == field
    assert info.value.details["constraint"] == constraint
    assert info.value.details["limit"] == limit
    assert info.value.code == ("INVALID_PROMPT" if field == "prompt" else "INVALID_REQUEST")
    assert field in str(info.value) and isinstance(info.value, ValueError)


@pytest.fixture
def dripping_server() -> Iterator[str]:
    """A raw server that sends the status line, then one header line every 0.3 s for 4 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            for line in range(14):
                if stop.wait(0.3):
                    return
                try:
                    conn.sendall(f"x-drip-{line}: {line}\r\n".encode())
                except OSError:
                    return
            body = json.dumps(IMAGE).encode()
            conn.sendall(b"content-type: application/json\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body))

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def test_the_timeout_does_not_bound_the_whole_call_a_server_dripping_headers_fails_at_the_timeout(
    dripping_server: str,
) -> None:
    client = seedance.Client(api_key=KEY, base_url=dripping_server, timeout=1, max_retries=0)
    started = time.monotonic()
    with pytest.raises(seedance.APITimeoutError):
        client.seedream.generate(prompt="a fox", model="seedream-4.5")
    assert 0.95 <= time.monotonic() - started < 1.6

    async def main() -> float:
        async with seedance.AsyncClient(api_key=KEY, base_url=dripping_server, timeout=1, max_retries=0) as client:
            started = time.monotonic()
            with pytest.raises(seedance.APITimeoutError):
                await client.seedream.generate(prompt="a fox", model="seedream-4.5")
            return time.monotonic() - started

    assert 0.95 <= asyncio.run(main()) < 1.6


def test_the_key_is_not_redacted_it_is_in_no_str_repr_args_traceback_or_log_record(
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = "sk-live-\r\nCANARY-4f2a"  # with CR/LF, as a careless copy leaves it: echoed without them too

    def echo(request: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        sent = request.headers.get("Authorization", "")
        if attempt == 1:
            body = {"status": "error", "error": {"code": "INTERNAL_ERROR", "message": f"boom {sent}"}}
            return json_response(500, body, {"Retry-After": "0"})
        message = f"API key {sent.removeprefix('Bearer ')} is invalid or expired"
        error = {"code": "INVALID_API_KEY", "message": message, "details": {"value": "sk-live-CANARY-4f2a"}}
        return json_response(401, {"status": "error", "error": error})

    caplog.set_level(logging.DEBUG, logger="seedance")
    with LocalServer(echo) as server:
        client = seedance.Client(api_key="sk-live-CANARY-4f2a", base_url=server.url)
        with pytest.raises(seedance.AuthenticationError) as info:
            client.task.get_status("task-1")
    error = info.value
    exposed = "\n".join(
        [str(error), repr(error), repr(error.args), "".join(traceback.format_exception(error)), repr(vars(error))]
        + [record.getMessage() for record in caplog.records]
    )
    assert "CANARY" not in exposed
    assert str(error) == "401 INVALID_API_KEY: API key [redacted] is invalid or expired"
    assert error.details == {"value": "[redacted]"}
    assert any("retry 1/2" in record.getMessage() for record in caplog.records)
    assert (
        seedance.sanitize_server_text(f"Bearer {key} and sk-live-CANARY-4f2a", key)
        == "Bearer [redacted] and [redacted]"
    )


def test_unset_leaks_to_users_absent_fields_are_none() -> None:
    with LocalServer(lambda _, __: json_response(200, QUEUED)) as server:
        status = seedance.Client(api_key=KEY, base_url=server.url).task.get_status("task-1")
    assert status.result is None and status.error_message is None
    assert "Unset" not in repr(status) and str(status.error_message) == "None"
    video = seedance.VideoTask.from_dict({"task_id": "t", "status": "queued"})
    assert video.estimated_wait_time_seconds is None and video.to_dict() == {"task_id": "t", "status": "queued"}


def test_webhook_secrets_an_unpadded_secret_verifies_as_standardwebhooks_accepts_it() -> None:
    padded = "whsec_" + base64.b64encode(b"seedance-secret-of-31-bytes!!!!").decode()
    unpadded = padded.rstrip("=")
    assert unpadded != padded
    body = json.dumps({"event": "task.completed", "data": {"task_id": "t"}})
    reference = standardwebhooks.Webhook(unpadded)
    timestamp = datetime.now(tz=timezone.utc)
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": reference.sign("msg_1", timestamp, body),
    }
    assert seedance.verify_webhook(body, headers, unpadded)["data"]["task_id"] == "t"
    assert seedance.verify_webhook(body, headers, padded)["data"]["task_id"] == "t"
    reference.verify(body, seedance.sign_webhook(body, unpadded, msg_id="msg_2"))
    with pytest.raises(seedance.WebhookVerificationError, match="base64") as info:
        seedance.verify_webhook(body, headers, "whsec_AQID\n")
    assert info.value.reason == "invalid_secret"


def test_a_users_install_gets_other_versions_than_the_tests_the_tests_run_the_installed_wheel() -> None:
    venv = os.environ.get("SEEDANCE_EXPECT_INSTALLED")
    if venv is None:
        pytest.fail("run through scripts/run_tests.py (pnpm test), which runs the installed wheel")
    distribution = metadata.distribution("seedance-sdk")
    direct_url = distribution.read_text("direct_url.json") or "{}"
    assert "editable" not in json.loads(direct_url).get("dir_info", {})  # the wheel, not the source tree
    assert Path(seedance.__file__).resolve().is_relative_to(Path(venv).resolve())
    if Path(venv).name == ".venv-oldest":
        pins = Path(__file__).resolve().parents[1] / "constraints-oldest.txt"
        for line in pins.read_text().splitlines():
            if line and not line.startswith("#"):
                name, version = line.split("==")
                assert metadata.version(name) == version
