"""The shared fault matrix (packages/testkit/fault-matrix/cases.json), run by the Python client, sync and
async, against the same Node server that the TypeScript client's run meets (packages/testkit/src/
fault-server.ts). A case the file gains runs here too, or fails loudly (an unknown field or answer).

The async runs go CONCURRENCY at a time in one event loop, then the blocking ones CONCURRENCY at a
time in a pool of threads: not all at once, nor both modes together, or the process would starve
itself and each case's time bounds would measure that. The whole matrix takes seconds; each run then
gets a test of its own below.
"""

from __future__ import annotations

import asyncio
import json
import time
import traceback
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from conftest import REPO, node_env, spawn_until, stop_group

import seedance

MATRIX_DIR = REPO / "packages" / "testkit" / "fault-matrix"
MATRIX = json.loads((MATRIX_DIR / "cases.json").read_text())
CANARY = "sk-test-FAULT-CANARY-3b9d"
MODES = ("sync", "async")
CONCURRENCY = 12
CASE_KEYS = {"id", "name", "operations", "client", "calls", "params", "answers", "expect"}
EXPECT_KEYS = {"outcome", "requests", "elapsedMs", "error", "result", "otherOriginRequests", "holdsUntilReset"}
ERROR_KEYS = {"status", "code", "details", "limit", "location", "redacted"}
PARAMS: dict[str, dict[str, Any]] = {
    "generateImage": {"prompt": "a fox", "model": "seedream-4.5"},
    "generateVideo": {"prompt": "a fox", "model": "seedance-2.0", "duration": 5},
    "getTaskStatus": {"task_id": "task-1"},
    "getTaskResult": {"task_id": "task-1"},
}


def operations(case: dict[str, Any]) -> list[str]:
    return list(case.get("operations", MATRIX["defaults"]["operations"]))


RUNS = [(case["id"], op, mode) for case in MATRIX["cases"] for op in operations(case) for mode in MODES]
CASES = {case["id"]: case for case in MATRIX["cases"]}


def expand(value: Any) -> Any:
    """``{"$repeat": ["x", 301]}`` is ``"x" * 301``."""
    if isinstance(value, dict) and "$repeat" in value:
        text, times = value["$repeat"]
        return text * times
    return value


def params(case: dict[str, Any], op: str) -> dict[str, Any]:
    override = case.get("params", {}).get(op, {})
    return {**PARAMS[op], **{name: expand(value) for name, value in override.items()}}


def client_options(case: dict[str, Any]) -> dict[str, Any]:
    options = {**MATRIX["defaults"]["client"], **case.get("client", {})}
    return {
        "api_key": CANARY,
        "timeout": options["timeoutMs"] / 1000,
        "max_retries": options["maxRetries"],
        "validate": options.get("validate", True),
        **({"max_response_bytes": options["maxResponseBytes"]} if "maxResponseBytes" in options else {}),
    }


@dataclass
class Outcome:
    run_id: str
    base_url: str
    elapsed_ms: float
    result: Any = None
    error: BaseException | None = None
    exposed: str = ""
    """Everything a user could print of the error: str, repr, args, the traceback, its attributes."""
    record: dict[str, Any] | None = None


def exposure(error: BaseException) -> str:
    return "\n".join(
        [str(error), repr(error), repr(error.args), "".join(traceback.format_exception(error)), repr(vars(error))]
    )


def call_sync(client: seedance.Client, op: str, kwargs: dict[str, Any]) -> Any:
    if op == "generateImage":
        return client.seedream.generate(**kwargs)
    if op == "generateVideo":
        return client.seedance.generate(**kwargs)
    if op == "getTaskStatus":
        return client.task.get_status(kwargs["task_id"])
    return client.task.get_result(kwargs["task_id"])


async def call_async(client: seedance.AsyncClient, op: str, kwargs: dict[str, Any]) -> Any:
    if op == "generateImage":
        return await client.seedream.generate(**kwargs)
    if op == "generateVideo":
        return await client.seedance.generate(**kwargs)
    if op == "getTaskStatus":
        return await client.task.get_status(kwargs["task_id"])
    return await client.task.get_result(kwargs["task_id"])


def run_sync(server: str, case: dict[str, Any], op: str) -> Outcome:
    outcome = Outcome(f"sync-{op}-{uuid.uuid4().hex[:8]}", "", 0)
    outcome.base_url = f"{server}/c/{case['id']}/{outcome.run_id}"
    with seedance.Client(base_url=outcome.base_url, **client_options(case)) as client:
        for _ in range(case.get("calls", 1)):
            started = time.monotonic()
            try:
                outcome.result, outcome.error = call_sync(client, op, params(case, op)), None
            except seedance.SeedanceError as error:
                outcome.error, outcome.exposed = error, exposure(error)
            outcome.elapsed_ms = (time.monotonic() - started) * 1000
    return outcome


async def run_async(server: str, case: dict[str, Any], op: str) -> Outcome:
    outcome = Outcome(f"async-{op}-{uuid.uuid4().hex[:8]}", "", 0)
    outcome.base_url = f"{server}/c/{case['id']}/{outcome.run_id}"
    async with seedance.AsyncClient(base_url=outcome.base_url, **client_options(case)) as client:
        for _ in range(case.get("calls", 1)):
            started = time.monotonic()
            try:
                outcome.result, outcome.error = await call_async(client, op, params(case, op)), None
            except seedance.SeedanceError as error:
                outcome.error, outcome.exposed = error, exposure(error)
            outcome.elapsed_ms = (time.monotonic() - started) * 1000
    return outcome


@pytest.fixture(scope="module")
def fault_server() -> Iterator[dict[str, str]]:
    proc, match = spawn_until(
        ["node", str(MATRIX_DIR / "serve.ts")], r"FAULT_SERVER (\{.*\})", cwd=MATRIX_DIR, env=node_env(), timeout=60
    )
    try:
        yield json.loads(match.group(1))
    finally:
        stop_group(proc)


@pytest.fixture(scope="module")
def outcomes(fault_server: dict[str, str]) -> dict[tuple[str, str, str], Outcome]:
    server = fault_server["url"]
    sync_runs = [run for run in RUNS if run[2] == "sync"]
    async_runs = [run for run in RUNS if run[2] == "async"]

    async def all_async() -> list[Outcome]:
        slots = asyncio.Semaphore(CONCURRENCY)

        async def one(case_id: str, op: str) -> Outcome:
            async with slots:
                return await run_async(server, CASES[case_id], op)

        return await asyncio.gather(*(one(case_id, op) for case_id, op, _ in async_runs))

    async_outcomes = asyncio.run(all_async())
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        sync_outcomes = list(pool.map(lambda run: run_sync(server, CASES[run[0]], run[1]), sync_runs))
    results = dict(zip(sync_runs, sync_outcomes, strict=True)) | dict(zip(async_runs, async_outcomes, strict=True))
    with httpx.Client() as http:
        for outcome in results.values():
            outcome.record = http.get(f"{server}/__runs/{outcome.run_id}").json()
    return results


def test_the_matrix_uses_only_what_this_runner_checks() -> None:
    assert len(MATRIX["cases"]) >= 30
    for case in MATRIX["cases"]:
        assert set(case) <= CASE_KEYS, f"{case['id']}: unknown fields {set(case) - CASE_KEYS}"
        assert set(case["expect"]) <= EXPECT_KEYS, (
            f"{case['id']}: unknown expectations {set(case['expect']) - EXPECT_KEYS}"
        )
        assert set(case["expect"].get("error", {})) <= ERROR_KEYS, f"{case['id']}: unknown error expectations"
        assert set(operations(case)) <= set(PARAMS), f"{case['id']}: unknown operations"


@pytest.mark.parametrize(("case_id", "op", "mode"), RUNS, ids=[f"{c}-{o}-{m}" for c, o, m in RUNS])
def test_fault_case(
    case_id: str, op: str, mode: str, outcomes: dict[tuple[str, str, str], Outcome], fault_server: dict[str, str]
) -> None:
    case = CASES[case_id]
    expect = case["expect"]
    outcome = outcomes[(case_id, op, mode)]
    record = outcome.record or {}
    requests = record.get("requests", [])
    error = outcome.error
    name = "success" if error is None else type(error).__name__
    assert name == expect["outcome"], f"{case['name']}: {name} ({error})"

    # Always: the key is in nothing a user could print, and no call is repeated more than allowed.
    assert CANARY not in outcome.exposed
    options = {**MATRIX["defaults"]["client"], **case.get("client", {})}
    calls = case.get("calls", 1)
    assert len(requests) <= (options["maxRetries"] + 1) * calls
    if op.startswith("generate") and calls == 1 and requests:
        assert len({request["headers"].get("idempotency-key") for request in requests}) == 1  # one key per call

    if "requests" in expect:
        bound = expect["requests"]
        if "exactly" in bound:
            assert len(requests) == bound["exactly"]
        if "max" in bound:
            assert len(requests) <= bound["max"]
    if "elapsedMs" in expect:
        assert outcome.elapsed_ms >= expect["elapsedMs"].get("min", 0)
        assert outcome.elapsed_ms <= expect["elapsedMs"].get("max", float("inf"))
    if "otherOriginRequests" in expect:
        assert len(record.get("otherOrigin", [])) == expect["otherOriginRequests"]
    if expect.get("holdsUntilReset"):
        assert requests[1]["at"] >= record["announcedResetMs"] - 10  # held until the reset, not sent early
    for field, value in expect.get("result", {}).items():
        assert getattr(outcome.result, field) == value
    for field, value in expect.get("error", {}).items():
        assert error is not None
        if field == "details":
            details = getattr(error, "details", None) or {}
            assert {key: details.get(key) for key in value} == value
        elif field == "location":
            origin = fault_server["otherOriginUrl"] if value == "other-origin" else fault_server["url"]
            assert str(getattr(error, "location", "")).startswith(f"{origin}/c/{case_id}/")
        elif field == "redacted":
            assert "[redacted]" in str(error)
        else:
            assert getattr(error, field) == value
