"""What the TypeScript client offers and the Python client now does too: with_response, logging,
per-call max_retries and idempotency_key=False, auth_scheme, waiting with on_progress and a first
poll timed from the server's estimate, watch(), generate_and_wait()."""

from __future__ import annotations

import asyncio
import logging
import time
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import LocalServer, json_response

import seedance

KEY = "sk-test-features"
Answer = tuple[int, dict[str, str], bytes]
IMAGE = {
    "status": "success",
    "data": {"task_id": "t", "images": [{"id": "i", "url": "https://cdn.example/i.png"}], "model": "seedream-4.5"},
}
RATE = {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "42", "X-RateLimit-Reset": "4102444800"}


def status(state: str, progress: int, **extra: object) -> dict[str, object]:
    data = {
        "task_id": "task-1",
        "status": state,
        "progress": progress,
        "created_at": "2024-01-15T10:30:00Z",
        "updated_at": "2024-01-15T10:30:00Z",
    }
    return {"status": "success", "data": {**data, **extra}}


COMPLETED = status("completed", 100, result={"video_url": "https://cdn.example/v.mp4"})


def accepted(estimate: int) -> dict[str, object]:
    data = {"task_id": "task-1", "status": "queued", "estimated_wait_time_seconds": estimate}
    return {"status": "accepted", "data": data}


def test_with_response_gives_status_headers_request_id_and_rate_limit() -> None:
    with LocalServer(lambda _, __: json_response(200, IMAGE, {**RATE, "X-Request-Id": "req_42"})) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url)
        result = client.with_response(client.seedream.generate, prompt="a fox", model="seedream-4.5")

        async def main() -> seedance.WithResponse[seedance.ImageGenerationResult]:
            async with seedance.AsyncClient(api_key=KEY, base_url=server.url) as aclient:
                return await aclient.with_response(aclient.seedream.generate, "a fox", "seedream-4.5")

        async_result = asyncio.run(main())
    for outcome in (result, async_result):
        assert outcome.data.images[0].url == "https://cdn.example/i.png"
        assert outcome.status == 200 and outcome.request_id == "req_42"
        assert outcome.headers["x-request-id"] == "req_42"
        assert outcome.rate_limit is not None and outcome.rate_limit.remaining == 42
    with pytest.raises(seedance.SeedanceError, match="with_response"):
        client.with_response(lambda: 1)


def test_logging_goes_through_the_logging_module(caplog: pytest.LogCaptureFixture) -> None:
    def handler(_: BaseHTTPRequestHandler, attempt: int) -> Answer:
        error = {"status": "error", "error": {"code": "INTERNAL_ERROR", "message": "boom"}}
        return json_response(500, error, {"Retry-After": "0"}) if attempt == 1 else json_response(200, IMAGE)

    caplog.set_level(logging.DEBUG, logger="seedance")
    with LocalServer(handler) as server:
        seedance.Client(api_key=KEY, base_url=server.url).seedream.generate("a fox", "seedream-4.5")
    messages = [(record.name, record.levelname, record.getMessage()) for record in caplog.records]
    assert ("seedance", "INFO") in {(name, level) for name, level, _ in messages}
    assert any("retry 1/2" in message for _, _, message in messages)
    assert any(message.startswith("POST /v1/seedream/generate -> 200 in") for _, _, message in messages)
    own = logging.getLogger("my-app")
    caplog.clear()
    caplog.set_level(logging.INFO, logger="my-app")
    with LocalServer(handler) as server:
        seedance.Client(api_key=KEY, base_url=server.url, logger=own).seedream.generate("a fox", "seedream-4.5")
    assert {record.name for record in caplog.records} == {"my-app"}


def test_per_call_max_retries_and_no_idempotency_key() -> None:
    error = {"status": "error", "error": {"code": "INTERNAL_ERROR", "message": "boom"}}
    with LocalServer(lambda _, __: json_response(500, error, {"Retry-After": "0"})) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url, max_retries=2)
        with pytest.raises(seedance.InternalServerError):
            client.task.get_status("task-1", max_retries=0)
        assert len(server.requests) == 1
        with pytest.raises(seedance.InternalServerError):
            client.seedream.generate("a fox", "seedream-4.5", idempotency_key=False)
        # Without a key a 500 may have done the work: not repeated, and no key sent.
        assert len(server.requests) == 2 and "Idempotency-Key" not in server.requests[1]["headers"]
        with pytest.raises(seedance.InternalServerError):
            client.seedream.generate("a fox", "seedream-4.5", idempotency_key="order-42", max_retries=1)
        assert [r["headers"]["Idempotency-Key"] for r in server.requests[2:]] == ["order-42", "order-42"]


@pytest.mark.parametrize(
    ("scheme", "sent", "absent"),
    [("bearer", ("Authorization", f"Bearer {KEY}"), "X-API-Key"), ("x-api-key", ("X-API-Key", KEY), "Authorization")],
)
def test_auth_scheme_sends_the_key_exactly_once(
    scheme: seedance._core.AuthScheme, sent: tuple[str, str], absent: str
) -> None:
    with LocalServer(lambda _, __: json_response(200, COMPLETED)) as server:
        seedance.Client(api_key=KEY, base_url=server.url, auth_scheme=scheme).task.get_status("task-1")
    headers = server.requests[0]["headers"]
    assert headers[sent[0]] == sent[1] and absent not in headers


def test_auth_scheme_none_needs_no_key_behind_a_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEEDANCE_API_KEY", raising=False)
    with LocalServer(lambda _, __: json_response(200, COMPLETED)) as server:
        seedance.Client(base_url=server.url, auth_scheme="none").task.get_status("task-1")
    assert "Authorization" not in server.requests[0]["headers"] and "X-API-Key" not in server.requests[0]["headers"]
    with pytest.raises(seedance.SeedanceError, match='auth_scheme="none"'):
        seedance.Client()
    with pytest.raises(seedance.SeedanceError, match="timeout"):
        seedance.Client(api_key=KEY, timeout=-1)


def sequence(bodies: list[dict[str, object]], estimate: int = 0) -> LocalServer:
    polls = []

    def handler(request: BaseHTTPRequestHandler, _: int) -> Answer:
        if request.command == "POST":
            return json_response(202, accepted(estimate))
        polls.append(time.monotonic())
        return json_response(200, bodies[min(len(polls) - 1, len(bodies) - 1)])

    return LocalServer(handler)


def test_wait_for_completion_reports_each_change_and_returns_a_typed_finished_task() -> None:
    bodies = [
        status("queued", 0),
        status("processing", 10),
        status("processing", 10),
        status("processing", 60),
        COMPLETED,
    ]
    seen: list[str] = []
    with sequence(bodies) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url)
        done = client.task.wait_for_completion(
            "task-1", poll_interval=0.01, on_progress=lambda s: seen.append(f"{s.status}:{s.progress}")
        )
    assert seen == ["queued:0", "processing:10", "processing:60", "completed:100"]
    assert isinstance(done, seedance.CompletedTask) and done.video_url == "https://cdn.example/v.mp4"
    with sequence([status("failed", 30, error_message="Content \x1b[31mpolicy")]) as server:
        failed = seedance.Client(api_key=KEY, base_url=server.url).task.wait_for_completion(
            "task-1", poll_interval=0.01
        )
    assert isinstance(failed, seedance.FailedTask) and failed.error_message == "Content [31mpolicy"


def test_the_first_poll_is_timed_from_the_servers_estimate() -> None:
    with sequence([COMPLETED], estimate=1) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url)
        task = client.seedance.generate("a fox", "seedance-2.0", 5)
        created = time.monotonic()
        client.task.wait_for_completion(task.task_id, poll_interval=0.01)
        polls = [request for request in server.requests if request["method"] == "GET"]
        first_poll = polls[0]["at"] - server.requests[0]["at"]
    assert len(polls) == 1 and 0.9 <= first_poll < 2.0  # one request, once the task should be done
    assert time.monotonic() - created >= 0.9


def test_watch_yields_each_change_ending_with_the_terminal_status() -> None:
    bodies = [status("queued", 0), status("processing", 50), status("paused", 50), COMPLETED]

    async def main(url: str) -> list[str]:
        async with seedance.AsyncClient(api_key=KEY, base_url=url) as client:
            return [str(s.status) async for s in client.task.watch("task-1", poll_interval=0.01)]

    with sequence(bodies) as server:
        assert asyncio.run(main(server.url)) == ["queued", "processing", "paused", "completed"]
        sync = [str(s.status) for s in seedance.Client(api_key=KEY, base_url=server.url).task.watch("task-1")]
    assert sync == ["completed"]  # the server's answers ran out at the last one


def test_generate_and_wait_creates_then_waits() -> None:
    created: list[str] = []
    with sequence([status("processing", 10), COMPLETED]) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url)
        done = client.seedance.generate_and_wait(
            "a fox", "seedance-2.0", 5, poll_interval=0.01, on_task_created=created.append
        )
    assert created == ["task-1"] and done.status == "completed"
    if done.status == "completed":
        assert done.video_url.endswith(".mp4")
