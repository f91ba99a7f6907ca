"""seedance.otel: the trace of one generate_and_wait with a retried submit, a rate-limit hold and a
download, recorded by the real OpenTelemetry SDK's in-memory exporters, with the same span, event,
attribute and metric names as TypeScript's @seedance/otel (one table, generated into Python)."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import PACKAGE, SANDBOX_INDEX, node_env, spawn_until, stop_group
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

import seedance
from seedance.otel import NAMES, SeedanceInstrumentation

A = NAMES["attributes"]
S = NAMES["spans"]
M = NAMES["metrics"]
E = NAMES["events"]
PROMPT = "A lighthouse in a storm [busy]"

sys.path.insert(0, str(PACKAGE / "scripts"))


def test_the_names_are_generated_from_the_typescript_table() -> None:
    import generate_otel_names

    committed = (PACKAGE / "seedance" / "_otel_names.py").read_text()
    assert committed == generate_otel_names.render(), "stale: run python3 scripts/generate_otel_names.py"
    assert json.loads(generate_otel_names.SOURCE.read_text()) == NAMES


def start_sandbox(options: str) -> tuple[Any, dict[str, str]]:
    script = f"""
const {{ startSandbox }} = await import(process.env.SANDBOX_INDEX_URL);
const sandbox = await startSandbox({options});
console.log(`SANDBOX ${{JSON.stringify({{ url: sandbox.url, apiKey: sandbox.apiKey }})}}`);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.once("SIGTERM", stop);
"""
    proc, match = spawn_until(
        ["node", "--input-type=module", "-e", script],
        r"SANDBOX (\{.*\})",
        cwd=PACKAGE,
        env=node_env(SANDBOX_INDEX_URL=SANDBOX_INDEX.as_uri()),
    )
    return proc, json.loads(match.group(1))


@pytest.fixture(scope="module")
def tight_sandbox() -> Iterator[dict[str, str]]:
    """Two requests per 4-second window: the retried submit spends both within it, so the first poll holds."""
    proc, sandbox = start_sandbox("{ taskSeconds: 1, rateLimit: 2, rateLimitWindowSeconds: 4 }")
    try:
        yield sandbox
    finally:
        stop_group(proc)


class Recorder:
    def __init__(self, **options: Any) -> None:
        self.exporter = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.exporter))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])
        self.instrumentation = SeedanceInstrumentation(self.tracer_provider, self.meter_provider, **options)

    def spans(self) -> list[ReadableSpan]:
        return list(self.exporter.get_finished_spans())

    def points(self, name: str) -> list[Any]:
        data = self.reader.get_metrics_data()
        assert data is not None
        return [
            point
            for resource in data.resource_metrics
            for scope in resource.scope_metrics
            for metric in scope.metrics
            if metric.name == name
            for point in metric.data.data_points
        ]


def only(spans: list[ReadableSpan], name: str) -> ReadableSpan:
    found = [span for span in spans if span.name == name]
    assert len(found) == 1, f"expected one span {name}, found {len(found)}"
    return found[0]


def children(spans: list[ReadableSpan], parent: ReadableSpan) -> list[ReadableSpan]:
    assert parent.context is not None
    return [span for span in spans if span.parent is not None and span.parent.span_id == parent.context.span_id]


def events(span: ReadableSpan, name: str) -> list[Any]:
    return [event for event in span.events if event.name == name]


def every_value(spans: list[ReadableSpan]) -> str:
    values: list[str] = []
    for span in spans:
        values += [span.name, span.status.description or "", *map(str, (span.attributes or {}).values())]
        for event in span.events:
            values += [event.name, *map(str, (event.attributes or {}).values())]
    return "\n".join(values)


@pytest.fixture(scope="module")
def traced(tight_sandbox: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Recorder:
    record = Recorder()
    with seedance.Client(
        tight_sandbox["apiKey"], tight_sandbox["url"], instrumentation=record.instrumentation
    ) as client:
        done = client.seedance.generate_and_wait(PROMPT, "seedance-1.5-pro", 5, poll_interval=0.2)
        assert done.status == "completed"
        assert isinstance(done, seedance.CompletedTask)
        client.download(done.video_url, tmp_path_factory.mktemp("otel") / "video.mp4")
    return record


def test_generate_and_wait_is_the_root_with_the_submit_and_the_wait_as_children(traced: Recorder) -> None:
    spans = traced.spans()
    root = only(spans, S["generateAndWait"])
    assert root.parent is None
    assert root.attributes is not None
    assert root.attributes[A["genAiOperation"]] == "video_generation"
    assert root.attributes[A["genAiModel"]] == "seedance-1.5-pro"
    assert root.attributes[A["genAiProvider"]] == "seedance"
    assert root.attributes[A["taskState"]] == "completed"
    assert [span.name for span in children(spans, root)] == [S["generateVideo"], S["waitForCompletion"]]
    traces = {span.context.trace_id for span in spans if span.name != S["download"] and span.context}
    assert len(traces) == 1


def test_the_submit_has_a_child_per_attempt_and_a_retry_event(traced: Recorder, tight_sandbox: dict[str, str]) -> None:
    spans = traced.spans()
    submit = only(spans, S["generateVideo"])
    assert submit.attributes is not None
    assert str(submit.attributes[A["taskId"]]).startswith("task-")
    attempts = children(spans, submit)
    assert [span.name for span in attempts] == ["POST", "POST"]
    assert [span.kind for span in attempts] == [SpanKind.CLIENT, SpanKind.CLIENT]
    assert [(span.attributes or {}).get(A["httpStatus"]) for span in attempts] == [503, 202]
    assert [(span.attributes or {}).get(A["resendCount"]) for span in attempts] == [None, 1]
    assert (attempts[0].attributes or {})[A["errorType"]] == "503"
    assert (attempts[1].attributes or {})[A["url"]] == f"{tight_sandbox['url']}/v1/seedance/generate"
    [retry] = events(submit, E["retry"])
    assert retry.attributes[A["durationMs"]] == 1000
    assert retry.attributes[A["errorType"]] == "ServiceUnavailableError"


def test_the_wait_is_linked_to_the_submit_with_a_poll_event_per_poll(traced: Recorder) -> None:
    spans = traced.spans()
    submit = only(spans, S["generateVideo"])
    wait = only(spans, S["waitForCompletion"])
    assert (wait.attributes or {})[A["taskId"]] == (submit.attributes or {})[A["taskId"]]
    assert submit.context is not None
    assert [link.context.span_id for link in wait.links] == [submit.context.span_id]
    polls = events(wait, E["poll"])
    statuses = children(spans, wait)
    assert statuses
    assert {span.name for span in statuses} == {S["getTaskStatus"]}
    assert len(polls) == len(statuses)
    assert dict(polls[-1].attributes) == {A["taskState"]: "completed", A["taskProgress"]: 100}
    for status in statuses:
        assert "GET" in [span.name for span in children(spans, status)]


def test_the_hold_is_an_event_with_its_duration(traced: Recorder) -> None:
    holds = [(span, event) for span in traced.spans() for event in events(span, E["hold"])]
    assert holds
    span, event = holds[0]
    assert span.name == S["getTaskStatus"]
    assert 0 < event.attributes[A["durationMs"]] <= 4000


def test_the_download_is_linked_to_the_submit_by_the_task_id(traced: Recorder) -> None:
    spans = traced.spans()
    submit = only(spans, S["generateVideo"])
    download = only(spans, S["download"])
    assert download.kind == SpanKind.CLIENT
    assert (download.attributes or {})[A["taskId"]] == (submit.attributes or {})[A["taskId"]]
    assert submit.context is not None
    assert [link.context.span_id for link in download.links] == [submit.context.span_id]
    assert int((download.attributes or {})[A["bytes"]]) > 0  # type: ignore[arg-type]
    assert (download.attributes or {})[A["serverAddress"]] == "127.0.0.1"


def test_neither_the_key_nor_the_prompt_is_recorded(traced: Recorder, tight_sandbox: dict[str, str]) -> None:
    values = every_value(traced.spans())
    assert tight_sandbox["apiKey"] not in values
    assert "lighthouse" not in values
    assert not any(A["prompt"] in (span.attributes or {}) for span in traced.spans())


def test_the_metrics_count_calls_holds_and_the_quota(traced: Recorder) -> None:
    calls = traced.points(M["calls"]["name"])

    def count(operation: str) -> int:
        return sum(point.value for point in calls if point.attributes[A["operation"]] == operation)

    assert count("generateAndWait") == 1
    assert count("generateVideo") == 1
    assert count("download") == 1
    assert count("getTaskStatus") == len([s for s in traced.spans() if s.name == S["getTaskStatus"]])
    submit = next(point for point in calls if point.attributes[A["operation"]] == "generateVideo")
    assert submit.attributes[A["httpStatus"]] == 202
    assert any(p.attributes[A["operation"]] == "generateAndWait" for p in traced.points(M["callDuration"]["name"]))
    assert any(p.attributes.get(A["httpStatus"]) == 503 for p in traced.points(M["requestDuration"]["name"]))
    assert sum(point.value for point in traced.points(M["holds"]["name"])) > 0
    assert traced.points(M["holdDuration"]["name"])
    [quota] = traced.points(M["quotaRemaining"]["name"])
    assert 0 <= quota.value <= 2


def test_429s_are_counted_and_prompts_recorded_only_when_opted_in() -> None:
    """With the AsyncClient: a client that does not hold gets the 429."""
    proc, sandbox = start_sandbox("{ rateLimit: 1, rateLimitWindowSeconds: 60 }")
    record = Recorder(record_prompts=True)

    async def main() -> None:
        async with seedance.AsyncClient(
            sandbox["apiKey"],
            sandbox["url"],
            hold_on_rate_limit=False,
            max_retries=0,
            instrumentation=record.instrumentation,
        ) as client:
            image = await client.seedream.generate("A red barn", "seedream-4.5")
            assert image.images
            with pytest.raises(seedance.RateLimitError):
                await client.seedream.generate("A blue barn", "seedream-4.5")

    try:
        asyncio.run(main())
    finally:
        stop_group(proc)
    spans = [span for span in record.spans() if span.name == S["generateImage"]]
    assert [(span.attributes or {}).get(A["prompt"]) for span in spans] == ["A red barn", "A blue barn"]
    assert [(span.attributes or {}).get(A["genAiOperation"]) for span in spans] == ["image_generation"] * 2
    assert (spans[1].attributes or {})[A["errorType"]] == "RateLimitError"
    assert spans[1].status.description == "RateLimitError"
    limited = record.points(M["rateLimited"]["name"])
    assert [(point.attributes[A["operation"]], point.value) for point in limited] == [("generateImage", 1)]
    [quota] = record.points(M["quotaRemaining"]["name"])
    assert quota.value == 0
    assert sandbox["apiKey"] not in every_value(record.spans())


def test_a_tracer_provider_that_raises_never_fails_the_call(sandbox: dict[str, str]) -> None:
    class Broken(TracerProvider):
        def get_tracer(self, *args: Any, **kwargs: Any) -> Any:
            class Tracer:
                def start_span(self, *args: Any, **kwargs: Any) -> Any:
                    raise RuntimeError("tracer broke")

            return Tracer()

    instrumentation = SeedanceInstrumentation(Broken())
    with seedance.Client(sandbox["apiKey"], sandbox["url"], instrumentation=instrumentation) as client:
        assert client.seedream.generate("A red barn", "seedream-4.5").images
