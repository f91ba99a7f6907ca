"""Every operation and every documented status of the bundled spec, through a real Prism mock.

The cases are read from spec/dist/openapi.json, so a new operation or status is a new test case (and
fails until the SDK maps it). Prism reports any request or response that breaks the spec in an
``sl-violations`` header; a valid call must get none.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from conftest import SPEC_PATH

import seedance
from seedance._errors import error_class_for

SPEC: dict[str, Any] = json.loads(SPEC_PATH.read_text()) if SPEC_PATH.exists() else {"paths": {}}

Call = Callable[[seedance.Client, dict[str, str]], Any]
AsyncCall = Callable[[seedance.AsyncClient, dict[str, str]], Awaitable[Any]]

WEBHOOK_URL = "https://example.com/webhooks/seedance"

SYNC_CALLS: dict[str, Call] = {
    "generateImage": lambda c, h: c.seedream.generate(
        prompt="A serene mountain landscape at sunset, oil painting style",
        model="seedream-4.5",
        resolution="4k",
        quality="high",
        num_images=1,
        seed=42,
        style="oil_painting",
        webhook_url=WEBHOOK_URL,
        extra_headers=h,
    ),
    "generateVideo": lambda c, h: c.seedance.generate(
        prompt="A majestic eagle soaring over snowy mountains",
        model="seedance-1.5-pro",
        duration=15,
        resolution="1080p",
        fps=24,
        image_input="https://example.com/reference.png",
        webhook_url=WEBHOOK_URL,
        extra_headers=h,
    ),
    "getTaskStatus": lambda c, h: c.task.get_status("task-123-abc", extra_headers=h),
    "getTaskResult": lambda c, h: c.task.get_result("task-123-abc", extra_headers=h),
}

ASYNC_CALLS: dict[str, AsyncCall] = {
    "generateImage": lambda c, h: c.seedream.generate(
        prompt="A serene mountain landscape at sunset, oil painting style",
        model="seedream-4.5",
        resolution="4k",
        quality="high",
        num_images=1,
        seed=42,
        extra_headers=h,
    ),
    "generateVideo": lambda c, h: c.seedance.generate(
        prompt="A majestic eagle soaring over snowy mountains",
        model="seedance-1.5-pro",
        duration=15,
        resolution="1080p",
        fps=24,
        extra_headers=h,
    ),
    "getTaskStatus": lambda c, h: c.task.get_status("task-123-abc", extra_headers=h),
    "getTaskResult": lambda c, h: c.task.get_result("task-123-abc", extra_headers=h),
}


def operations() -> list[tuple[str, dict[str, Any]]]:
    ops = []
    for methods in SPEC["paths"].values():
        for method, op in methods.items():
            if method in ("get", "post", "put", "patch", "delete"):
                ops.append((op["operationId"], op))
    return ops


def _resolve(obj: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in obj:
        node: Any = SPEC
        for part in obj["$ref"].lstrip("#/").split("/"):
            node = node[part]
        obj = node
    return obj


def status_cases() -> list[Any]:
    cases = []
    for op_id, op in operations():
        for status, response in op["responses"].items():
            examples = _resolve(response).get("content", {}).get("application/json", {}).get("examples", {})
            for name, example in examples.items():
                value = _resolve(example)["value"]
                cases.append(pytest.param(op_id, int(status), name, value, id=f"{op_id}-{status}-{name}"))
    return cases


class Recorder:
    """Collects every response's headers, to check Prism's sl-violations verdicts."""

    def __init__(self) -> None:
        self.responses: list[httpx.Response] = []

    def __call__(self, response: httpx.Response) -> None:
        self.responses.append(response)

    async def async_hook(self, response: httpx.Response) -> None:
        self.responses.append(response)

    def violations(self) -> list[str]:
        return [r.headers["sl-violations"] for r in self.responses if "sl-violations" in r.headers]


def test_spec_operations_are_all_covered() -> None:
    assert {op_id for op_id, _ in operations()} == set(SYNC_CALLS) == set(ASYNC_CALLS)


@pytest.mark.parametrize(("op_id", "status", "example_name", "example"), status_cases())
def test_every_documented_status(prism_url: str, op_id: str, status: int, example_name: str, example: Any) -> None:
    recorder = Recorder()
    http = httpx.Client(event_hooks={"response": [recorder]})
    client = seedance.Client(api_key="sk-test-contract", base_url=prism_url, max_retries=0, http_client=http)
    headers = {"Prefer": f"code={status}, example={example_name}"}
    with http:
        if status < 300:
            result = SYNC_CALLS[op_id](client, headers)
            data = example["data"]
            assert result.task_id == data["task_id"]
            if "status" in data:
                assert str(result.status) == data["status"]
            if "images" in data:
                assert result.images[0].url == data["images"][0]["url"]
            if "result" in data:
                assert result.result.video_url == data["result"]["video_url"]
            if "error_message" in data:
                assert result.error_message == data["error_message"]
            assert client.rate_limit is not None and client.rate_limit.limit == 1000
        else:
            with pytest.raises(seedance.APIError) as info:
                SYNC_CALLS[op_id](client, headers)
            error = info.value
            assert type(error) is error_class_for(status)
            assert isinstance(error, seedance.SeedanceError)
            assert error.status == status
            assert error.code == example["error"]["code"]
            assert error.message == example["error"]["message"]
            assert error.details == example["error"].get("details")
            assert error.request_id == "req_01HZY3J5K6M7N8P9Q0R1S2T3U4"
            assert error.rate_limit is not None and error.rate_limit.remaining == 999
            if status == 429:
                assert isinstance(error, seedance.RateLimitError)
                assert error.retry_after == 30.0
            if status == 503:
                assert isinstance(error, seedance.InternalServerError)
            assert "sk-test-contract" not in str(error) and "sk-test-contract" not in repr(error)
    assert len(recorder.responses) == 1
    assert recorder.violations() == []


@pytest.mark.parametrize("op_id", sorted(ASYNC_CALLS))
def test_async_client_every_operation(prism_url: str, op_id: str) -> None:
    async def main() -> None:
        recorder = Recorder()
        http = httpx.AsyncClient(event_hooks={"response": [recorder.async_hook]})
        async with seedance.AsyncClient(api_key="sk-test", base_url=prism_url, http_client=http) as client:
            result = await ASYNC_CALLS[op_id](client, {})
            assert result.task_id
            task_op = op_id.startswith("getTask")
            with pytest.raises(seedance.NotFoundError if task_op else seedance.PermissionDeniedError):
                await ASYNC_CALLS[op_id](client, {"Prefer": "code=404" if task_op else "code=403"})
        await http.aclose()
        assert recorder.violations() == []

    asyncio.run(main())


def test_prism_rejects_a_prompt_over_300_characters(prism_url: str) -> None:
    # validate=False: the client would refuse it before sending (test_validation.py).
    client = seedance.Client(api_key="sk-test", base_url=prism_url, max_retries=0, validate=False)
    with pytest.raises(seedance.BadRequestError) as info:
        client.seedream.generate(prompt="x" * 301, model="seedream-4.5")
    assert info.value.status == 400


def test_quickstart_calls_against_prism(prism_url: str) -> None:
    client = seedance.Client(api_key="your-api-key-here", base_url=prism_url)
    image = client.seedream.generate(
        prompt="A serene mountain landscape at sunset, oil painting style",
        model="seedream-4.5",
        resolution="4k",
        quality="high",
        num_images=1,
        seed=42,
    )
    assert image.images[0].url.startswith("https://")
    task = client.seedance.generate(
        prompt="A majestic eagle soaring over snowy mountains",
        model="seedance-1.5-pro",
        duration=15,
        resolution="1080p",
        fps=24,
    )
    status = client.task.get_status(task.task_id)
    assert status.status == "processing"
    assert status.progress == 45
    failed = client.task.get_status(task.task_id, extra_headers={"Prefer": "example=failed"})
    assert failed.status == "failed" and failed.error_message
    result = client.task.get_result(task.task_id)
    assert result.result.video_url.endswith(".mp4")


def test_wait_for_completion_times_out_on_a_task_that_stays_processing(prism_url: str) -> None:
    client = seedance.Client(api_key="sk-test", base_url=prism_url)
    with pytest.raises(seedance.WaitTimeoutError) as info:
        client.task.wait_for_completion("task-123-abc", max_wait_time=0.3, poll_interval=0.1)
    assert info.value.task_id == "task-123-abc"
    assert info.value.last_status.status == "processing"
    done = client.task.wait_for_completion("task-123-abc", extra_headers={"Prefer": "example=completed"})
    assert done.status == "completed" and done.result.video_url
