"""Forward compatibility: responses carrying values newer than the spec parse, as in the TypeScript client.

A loopback server answers with the spec's own response examples, with every enum value replaced by one
the spec does not know (a model, resolution, task state, image format, error code, envelope status).
Requests are still checked against the known values unless ``validate=False``.
"""

from __future__ import annotations

import asyncio
import copy
import json
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from conftest import LocalServer, json_response

import seedance
from seedance._core import MAX_POLL_GAP, poll_gaps
from seedance._generated.models import ImageModel, TaskState, VideoGenerationRequestFps, VideoModel, VideoResult

KEY = "sk-test-forward-compat"
Answer = tuple[int, dict[str, str], bytes]


def example(spec: dict[str, Any], path: str, method: str, status: str, name: str) -> dict[str, Any]:
    """A response example of the bundled spec (a deep copy, to change freely)."""
    content = spec["paths"][path][method]["responses"][status]["content"]["application/json"]
    return copy.deepcopy(content["examples"][name]["value"])  # type: ignore[no-any-return]


def test_newer_model_resolution_format_and_envelope_status_parse(spec: dict[str, Any]) -> None:
    body = example(spec, "/v1/seedream/generate", "post", "200", "generated")
    body["status"] = "success-v2"
    body["data"].update(model="seedream-9.0", resolution="8k")
    body["data"]["images"][0]["format"] = "avif"
    with LocalServer(lambda _, __: json_response(200, body)) as server:
        image = seedance.Client(api_key=KEY, base_url=server.url).seedream.generate("A city", model="seedream-4.5")
    assert image.model == "seedream-9.0" and str(image.model) == "seedream-9.0"
    assert isinstance(image.model, ImageModel) and image.model not in list(ImageModel)
    assert image.resolution == "8k" and image.images[0].format_ == "avif"
    assert image.to_dict()["model"] == "seedream-9.0"  # and it serializes back unchanged


def test_get_status_returns_an_unknown_state_and_a_newer_video_resolution(spec: dict[str, Any]) -> None:
    body = example(spec, "/v1/tasks/{task_id}", "get", "200", "completed")
    body["data"]["status"] = "archived"
    body["data"]["result"]["resolution"] = "8k"
    with LocalServer(lambda _, __: json_response(200, body)) as server:
        status = seedance.Client(api_key=KEY, base_url=server.url).task.get_status("task-1")
    assert status.status == "archived" and str(status.status) == "archived" and status.status.value == "archived"
    assert status.status not in list(TaskState)
    assert isinstance(status.result, VideoResult) and status.result.resolution == "8k"


def test_wait_for_completion_keeps_waiting_through_an_unknown_state(spec: dict[str, Any]) -> None:
    paused = example(spec, "/v1/tasks/{task_id}", "get", "200", "processing")
    paused["data"]["status"] = "paused"
    completed = example(spec, "/v1/tasks/{task_id}", "get", "200", "completed")

    def handler(_: BaseHTTPRequestHandler, attempt: int) -> Answer:
        return json_response(200, paused if attempt <= 3 else completed)

    with LocalServer(handler) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url)
        done = client.task.wait_for_completion("task-1", max_wait_time=30, poll_interval=0.01)
    assert done.status == "completed" and len(server.requests) == 4

    async def never(url: str) -> None:
        async with seedance.AsyncClient(api_key=KEY, base_url=url) as client:
            with pytest.raises(seedance.WaitTimeoutError) as info:
                await client.task.wait_for_completion("task-1", max_wait_time=0.2, poll_interval=0.01)
            assert info.value.last_status is not None and info.value.last_status.status == "paused"

    with LocalServer(lambda _, __: json_response(200, paused)) as server:
        asyncio.run(never(server.url))
    assert len(server.requests) >= 2


def test_poll_gaps_back_off_from_the_interval_to_a_ceiling_with_jitter() -> None:
    gaps = poll_gaps(0.5)
    first = [next(gaps) for _ in range(20)]
    assert 0.5 <= first[0] <= 0.5 * 1.25
    assert 0.75 <= first[1] <= 0.75 * 1.25
    assert max(first) <= MAX_POLL_GAP * 1.25 and first[-1] >= MAX_POLL_GAP
    slow = poll_gaps(30)  # an interval above the ceiling is kept, never shortened
    assert all(30 <= next(slow) <= 37.5 for _ in range(5))


def test_an_unknown_error_code_keeps_its_code(spec: dict[str, Any]) -> None:
    error = {"status": "error", "error": {"code": "QUOTA_FROZEN", "message": "Frozen until review."}}
    with LocalServer(lambda _, __: json_response(403, error)) as server:
        client = seedance.Client(api_key=KEY, base_url=server.url, max_retries=0)
        with pytest.raises(seedance.APIError) as info:
            client.task.get_status("task-1")
    assert info.value.status == 403 and info.value.code == "QUOTA_FROZEN" and "Frozen" in str(info.value)


def test_requests_are_checked_against_the_known_values_unless_validate_is_off(spec: dict[str, Any]) -> None:
    accepted = example(spec, "/v1/seedance/generate", "post", "202", "accepted")
    with LocalServer(lambda _, __: json_response(202, accepted)) as server:
        strict = seedance.Client(api_key=KEY, base_url=server.url)
        with pytest.raises(seedance.ValidationError, match="Invalid resolution: expected one of 720p, 1080p, 4k"):
            strict.seedance.generate("A ship", model="seedance-1.5-pro", duration=5, resolution="8k")
        assert server.requests == []  # nothing was sent

        lenient = seedance.Client(api_key=KEY, base_url=server.url, validate=False)
        lenient.seedance.generate("A ship", model="seedance-9.0", duration=5, resolution="8k", fps=120)
        lenient.seedance.generate("A ship", model=VideoModel("seedance-known-later"), duration=5)
        # Not even an integer: still the server's to judge, as in the TypeScript client.
        lenient.seedance.generate("A ship", model="seedance-1.5-pro", duration=5, fps="fast")  # type: ignore[arg-type]
        with pytest.raises(seedance.ValidationError, match="dot segment"):  # never an id, validation or not
            lenient.task.get_status("..")
    sent = [json.loads(request["body"]) for request in server.requests]
    assert sent[0] == {**sent[0], "model": "seedance-9.0", "resolution": "8k", "fps": 120}
    assert sent[1]["model"] == "seedance-known-later" and sent[2]["fps"] == "fast" and len(sent) == 3
    newer_fps = VideoGenerationRequestFps(120)
    assert newer_fps == 120 and newer_fps not in list(VideoGenerationRequestFps)
