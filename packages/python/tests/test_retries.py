"""Retries, backoff, Retry-After, idempotency keys and timeouts, against a local server in a thread."""

from __future__ import annotations

import asyncio
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from conftest import LocalServer, json_response

import seedance
from seedance import _core
from seedance._rate_limit import parse_retry_after

IMAGE = {
    "status": "success",
    "data": {
        "task_id": "task-uuid-12345",
        "images": [{"id": "img-1", "url": "https://cdn.seedance2api.com/images/img-1.png"}],
        "model": "seedream-4.5",
    },
}
STATUS = {
    "status": "success",
    "data": {
        "task_id": "task-123-abc",
        "status": "completed",
        "progress": 100,
        "created_at": "2024-01-15T10:30:00Z",
        "updated_at": "2024-01-15T10:35:00Z",
        "result": {"video_url": "https://cdn.seedance2api.com/videos/task-123-abc.mp4"},
    },
}
RATE = {"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1705315200"}


def limited(retry_after: str) -> tuple[int, dict[str, str], bytes]:
    body = {"status": "error", "error": {"code": "RATE_LIMITED", "message": "Rate limit exceeded"}}
    return json_response(429, body, {"Retry-After": retry_after, "X-Request-Id": "req_1", **RATE})


def image(client: seedance.Client, **kwargs: Any) -> seedance.ImageGenerationResult:
    return client.seedream.generate(prompt="A sunset", model="seedream-4.5", **kwargs)


def test_429_with_retry_after_seconds_then_200_reuses_the_idempotency_key() -> None:
    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        return limited("0.2") if attempt < 3 else json_response(200, IMAGE, RATE | {"X-RateLimit-Remaining": "7"})

    with LocalServer(handler) as server:
        client = seedance.Client(api_key="sk-test-secret", base_url=server.url, max_retries=2)
        started = time.monotonic()
        result = image(client)
        elapsed = time.monotonic() - started
    assert result.images[0].url.endswith("img-1.png")
    assert len(server.requests) == 3
    keys = {r["headers"]["Idempotency-Key"] for r in server.requests}
    assert len(keys) == 1 and next(iter(keys))
    assert elapsed >= 0.4  # waited Retry-After twice
    assert client.rate_limit is not None and client.rate_limit.remaining == 7
    assert {r["headers"]["Authorization"] for r in server.requests} == {"Bearer sk-test-secret"}


def test_each_logical_call_gets_its_own_idempotency_key_and_a_given_one_is_sent() -> None:
    with LocalServer(lambda _, __: json_response(200, IMAGE)) as server:
        client = seedance.Client(api_key="sk-test", base_url=server.url)
        image(client)
        image(client)
        image(client, idempotency_key="my-key-1")
    keys = [r["headers"]["Idempotency-Key"] for r in server.requests]
    assert keys[0] != keys[1] and keys[2] == "my-key-1"


def test_retry_after_as_an_http_date() -> None:
    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        return limited(formatdate(time.time() + 1, usegmt=True)) if attempt == 1 else json_response(200, IMAGE)

    with LocalServer(handler) as server:
        image(seedance.Client(api_key="sk-test", base_url=server.url))
    assert len(server.requests) == 2
    now = 1_700_000_000.0
    assert parse_retry_after({"Retry-After": formatdate(now + 30, usegmt=True)}, now=now) == pytest.approx(30)
    assert parse_retry_after({"retry-after": "12"}) == 12
    assert parse_retry_after({"X-RateLimit-RetryAfter": "3600"}) == 3600
    assert parse_retry_after({"Retry-After": "soon"}) is None


def test_gives_up_after_max_retries_with_a_typed_error() -> None:
    with LocalServer(lambda _, __: limited("0")) as server:
        client = seedance.Client(api_key="sk-test", base_url=server.url, max_retries=1)
        with pytest.raises(seedance.RateLimitError) as info:
            image(client)
    assert len(server.requests) == 2
    assert info.value.retry_after == 0
    assert info.value.rate_limit is not None and info.value.rate_limit.limit == 10
    assert info.value.request_id == "req_1"


def test_a_retry_after_longer_than_the_cap_is_not_waited_for() -> None:
    with LocalServer(lambda _, __: limited("3600")) as server:
        client = seedance.Client(api_key="sk-test", base_url=server.url)
        started = time.monotonic()
        with pytest.raises(seedance.RateLimitError) as info:
            image(client)
    assert time.monotonic() - started < 2
    assert len(server.requests) == 1 and info.value.retry_after == 3600


def test_5xx_is_retried_with_backoff_and_4xx_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_core, "RETRY_BASE_DELAY", 0.01)
    error = {"status": "error", "error": {"code": "INTERNAL_ERROR", "message": "boom"}}

    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        return json_response(500, error) if attempt < 3 else json_response(200, STATUS)

    with LocalServer(handler) as server:
        status = seedance.Client(api_key="sk-test", base_url=server.url).task.get_status("task-123-abc")
    assert status.status == "completed" and len(server.requests) == 3

    bad = {
        "status": "error",
        "error": {"code": "INVALID_PROMPT", "message": "too long", "details": {"field": "prompt"}},
    }
    with LocalServer(lambda _, __: json_response(400, bad)) as server, pytest.raises(seedance.BadRequestError) as info:
        image(seedance.Client(api_key="sk-test", base_url=server.url))
    assert len(server.requests) == 1
    assert info.value.details == {"field": "prompt"}


def test_connection_errors_are_retried_then_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_core, "RETRY_BASE_DELAY", 0.01)

    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        return (0, {}, b"") if attempt == 1 else json_response(200, IMAGE)

    with LocalServer(handler) as server:
        image(seedance.Client(api_key="sk-test", base_url=server.url))
    assert len(server.requests) == 2
    assert len({r["headers"]["Idempotency-Key"] for r in server.requests}) == 1

    with LocalServer(lambda _, __: (0, {}, b"")) as server:
        client = seedance.Client(api_key="sk-test-hidden", base_url=server.url, max_retries=1)
        with pytest.raises(seedance.APIConnectionError) as info:
            image(client)
    assert len(server.requests) == 2
    assert "sk-test-hidden" not in str(info.value) and "sk-test-hidden" not in repr(info.value)


def test_timeout_raises_api_timeout_error() -> None:
    def slow(_: BaseHTTPRequestHandler, __: int) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1)
        return json_response(200, IMAGE)

    with LocalServer(slow) as server:
        client = seedance.Client(api_key="sk-test", base_url=server.url, timeout=0.2)
        with pytest.raises(seedance.APITimeoutError):
            image(client)
        with pytest.raises(seedance.APIConnectionError):  # APITimeoutError is a connection error
            client.task.get_status("task-1", timeout=0.2)


def test_backoff_is_full_jitter_within_the_cap() -> None:
    for attempt in range(10):
        cap = min(_core.RETRY_MAX_DELAY, _core.RETRY_BASE_DELAY * 2**attempt)
        delays = [_core.backoff_delay(attempt) for _ in range(200)]
        assert all(0 <= d <= cap for d in delays)
        assert max(delays) > cap / 2  # spread over the whole range


def test_async_client_retries_with_the_same_idempotency_key() -> None:
    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        return limited("0.1") if attempt == 1 else json_response(200, IMAGE)

    async def main(url: str) -> None:
        async with seedance.AsyncClient(api_key="sk-test", base_url=url) as client:
            result = await client.seedream.generate(prompt="A sunset", model="seedream-4.5")
            assert result.images[0].url

    with LocalServer(handler) as server:
        asyncio.run(main(server.url))
    assert len(server.requests) == 2
    assert len({r["headers"]["Idempotency-Key"] for r in server.requests}) == 1
