"""Configuration, secrecy of the key, validation, error mapping and rate limits (no network, or a local server)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import LocalServer, json_response

import seedance
from seedance._errors import error_class_for
from seedance._rate_limit import parse_rate_limit

KEY = "sk-live-very-secret-key-123"


def test_reads_api_key_and_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEEDANCE_API_KEY", KEY)
    monkeypatch.delenv("SEEDANCE_BASE_URL", raising=False)
    assert seedance.Client().base_url == "https://api.seedance2api.com"
    monkeypatch.setenv("SEEDANCE_BASE_URL", "http://127.0.0.1:1/")
    assert seedance.Client().base_url == "http://127.0.0.1:1"
    assert seedance.Client(base_url="http://example.test").base_url == "http://example.test"
    assert seedance.AsyncClient().base_url == "http://127.0.0.1:1"


def test_missing_api_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEEDANCE_API_KEY", raising=False)
    with pytest.raises(seedance.SeedanceError, match="SEEDANCE_API_KEY"):
        seedance.Client()
    with pytest.raises(seedance.SeedanceError, match="SEEDANCE_API_KEY"):
        seedance.AsyncClient()


def test_the_key_never_appears_in_repr_or_errors() -> None:
    client = seedance.Client(api_key=KEY, base_url="http://127.0.0.1:9")
    assert KEY not in repr(client) and KEY not in str(client) and "***" in repr(client)
    assert KEY not in repr(client._settings)
    assert KEY not in repr(seedance.AsyncClient(api_key=KEY, base_url="http://127.0.0.1:9"))
    with pytest.raises(seedance.APIConnectionError) as info:
        client.task.get_status("task-1")
    assert KEY not in str(info.value) and KEY not in repr(info.value)
    assert info.value.__cause__ is None or KEY not in repr(info.value.__cause__)


def test_unknown_enum_values_are_rejected_before_sending() -> None:
    client = seedance.Client(api_key=KEY, base_url="http://127.0.0.1:9")
    with pytest.raises(seedance.ValidationError) as info:
        client.seedream.generate(prompt="x", model="seedream-9")
    assert info.value.code == "INVALID_REQUEST" and info.value.details["field"] == "model"
    assert isinstance(info.value, ValueError)
    with pytest.raises(seedance.ValidationError):
        client.seedance.generate(prompt="x", model="seedance-1.0", duration=5, fps=25)
    with pytest.raises(seedance.ValidationError):
        client.task.get_status("")


def test_error_classes_per_status() -> None:
    expected = {
        400: seedance.BadRequestError,
        401: seedance.AuthenticationError,
        403: seedance.PermissionDeniedError,
        404: seedance.NotFoundError,
        409: seedance.ConflictError,
        429: seedance.RateLimitError,
        500: seedance.InternalServerError,
        502: seedance.InternalServerError,
        503: seedance.ServiceUnavailableError,
        418: seedance.APIError,
    }
    for status, cls in expected.items():
        assert error_class_for(status) is cls
        assert issubclass(cls, seedance.APIError) and issubclass(cls, seedance.SeedanceError)
    assert issubclass(seedance.ServiceUnavailableError, seedance.InternalServerError)
    assert issubclass(seedance.APITimeoutError, seedance.APIConnectionError)
    assert issubclass(seedance.WaitTimeoutError, seedance.SeedanceError)


def test_unknown_error_codes_and_non_json_errors_pass_through() -> None:
    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        if attempt == 1:
            return json_response(402, {"status": "error", "error": {"code": "PAYMENT_REQUIRED", "message": "Pay"}})
        return 502, {"Content-Type": "text/html"}, b"<html>bad gateway</html>"

    with LocalServer(handler) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url, max_retries=0)
        with pytest.raises(seedance.APIError) as info:
            client.task.get_status("task-1")
        assert type(info.value) is seedance.APIError
        assert info.value.code == "PAYMENT_REQUIRED" and info.value.status == 402
        assert str(info.value) == "402 PAYMENT_REQUIRED: Pay"
        with pytest.raises(seedance.InternalServerError) as info:
            client.task.get_status("task-1")
        assert info.value.code is None and info.value.status == 502


def test_a_success_body_that_breaks_the_spec_is_a_response_validation_error() -> None:
    bad = json_response(200, {"status": "success", "data": {"oops": 1}})
    for answer in (bad, (200, {}, b"not json")):
        with LocalServer(lambda _, __, a=answer: a) as server, pytest.raises(seedance.ResponseValidationError):
            seedance.Client(api_key=KEY, base_url=server.url).task.get_status("task-1")


def test_rate_limit_headers_are_parsed() -> None:
    headers = {
        "x-ratelimit-limit": "1000",
        "X-RateLimit-Remaining": "999",
        "X-RateLimit-Reset": "1705315200",
        "X-RateLimit-RetryAfter": "3600",
    }
    limit = parse_rate_limit(headers)
    assert limit == seedance.RateLimit(
        limit=1000, remaining=999, reset_at=datetime(2024, 1, 15, 10, 40, tzinfo=timezone.utc), retry_after=3600
    )
    assert parse_rate_limit({"X-RateLimit-Limit": "10"}) is None
    assert parse_rate_limit({**headers, "X-RateLimit-Remaining": "-1"}) is None


def test_async_wait_for_completion_and_timeout() -> None:
    status = {
        "task_id": "task-1",
        "progress": 10,
        "created_at": "2024-01-15T10:30:00Z",
        "updated_at": "2024-01-15T10:30:00Z",
    }

    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        state = "queued" if attempt == 1 else "processing" if attempt == 2 else "failed"
        extra = {"error_message": "Content policy violation"} if state == "failed" else {}
        return json_response(200, {"status": "success", "data": {**status, "status": state, **extra}})

    async def main(url: str) -> None:
        async with seedance.AsyncClient(api_key=KEY, base_url=url) as client:
            done = await client.task.wait_for_completion("task-1", max_wait_time=10, poll_interval=0.01)
            assert done.status == "failed" and done.error_message == "Content policy violation"

    with LocalServer(handler) as server:
        asyncio.run(main(server.url))
    assert len(server.requests) == 3

    async def never(url: str) -> None:
        async with seedance.AsyncClient(api_key=KEY, base_url=url) as client:
            with pytest.raises(seedance.WaitTimeoutError):
                await client.task.wait_for_completion("task-1", max_wait_time=0.1, poll_interval=0.02)

    processing = json_response(200, {"status": "success", "data": {**status, "status": "processing"}})
    with LocalServer(lambda _, __: processing) as server:
        asyncio.run(never(server.url))
