"""OpenTelemetry spans and metrics for the client, through ``opentelemetry-api`` alone (the ``[otel]``
extra): the same spans, events, attributes and metrics, with the same names, as TypeScript's
``@seedance/otel`` (both read one table, packages/otel/src/names.json)::

    from seedance import Client
    from seedance.otel import SeedanceInstrumentation

    client = Client(instrumentation=SeedanceInstrumentation())  # the global tracer and meter providers

One span per logical call with a child per HTTP attempt (``http.request.resend_count`` on a retry);
rate-limit holds, retry sleeps and polls as events; submit, wait and download joined by the API's
task id (the ``seedance.task.id`` attribute, and span links in one process). Never recorded: the API
key, webhook secrets, a download URL's path and query, error messages; the prompt only with
``record_prompts=True``.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from opentelemetry import context, metrics, trace
from opentelemetry.metrics import CallbackOptions, MeterProvider, Observation
from opentelemetry.trace import Link, SpanContext, SpanKind, Status, StatusCode, TracerProvider

from ._instrumentation import AttemptEnd, CallObserver, CallOutcome, CallStart
from ._otel_names import NAMES

__all__ = ["NAMES", "SeedanceInstrumentation"]

A: dict[str, str] = NAMES["attributes"]
_VERSION = "0.1.0"
_MAX_LINKS = 1000


class _Bounded(OrderedDict[str, Any]):
    """What this process remembers to link a task's spans; the oldest is forgotten first."""

    def remember(self, key: str, value: Any) -> None:
        self.pop(key, None)
        self[key] = value
        if len(self) > _MAX_LINKS:
            self.popitem(last=False)


class SeedanceInstrumentation:
    """The client's ``instrumentation`` option, as OpenTelemetry spans and metrics.

    ``tracer_provider`` and ``meter_provider`` default to the global ones; ``record_prompts=True``
    records each call's prompt as ``seedance.prompt`` (off by default: prompts can hold what users
    would not want in a trace store).
    """

    def __init__(
        self,
        tracer_provider: TracerProvider | None = None,
        meter_provider: MeterProvider | None = None,
        *,
        record_prompts: bool = False,
    ) -> None:
        scope = NAMES["instrumentationScope"]
        self.tracer = trace.get_tracer(scope, _VERSION, tracer_provider)
        meter = metrics.get_meter(scope, _VERSION, meter_provider)
        self.record_prompts = record_prompts
        self.submits = _Bounded()
        self.task_of_url = _Bounded()
        m = NAMES["metrics"]
        self.calls = meter.create_counter(m["calls"]["name"], m["calls"]["unit"], m["calls"]["description"])
        self.call_duration = meter.create_histogram(
            m["callDuration"]["name"], m["callDuration"]["unit"], m["callDuration"]["description"]
        )
        self.request_duration = meter.create_histogram(
            m["requestDuration"]["name"], m["requestDuration"]["unit"], m["requestDuration"]["description"]
        )
        self.rate_limited = meter.create_counter(
            m["rateLimited"]["name"], m["rateLimited"]["unit"], m["rateLimited"]["description"]
        )
        self.holds = meter.create_counter(m["holds"]["name"], m["holds"]["unit"], m["holds"]["description"])
        self.hold_duration = meter.create_histogram(
            m["holdDuration"]["name"], m["holdDuration"]["unit"], m["holdDuration"]["description"]
        )
        # The latest quota per host, reported at each collection (an observable gauge: the synchronous
        # one is not collected by every SDK this extra supports).
        self.quota: dict[str, int] = {}
        meter.create_observable_gauge(
            m["quotaRemaining"]["name"],
            [self._observe_quota],
            m["quotaRemaining"]["unit"],
            m["quotaRemaining"]["description"],
        )

    def _observe_quota(self, _options: CallbackOptions) -> list[Observation]:
        return [Observation(remaining, {A["serverAddress"]: host}) for host, remaining in list(self.quota.items())]

    def start(self, call: CallStart, parent: CallObserver | None) -> CallObserver:
        try:
            return _ObservedCall(self, call, parent)
        except Exception:  # a tracer provider that raises must not fail the call it observes
            return _UNOBSERVED


class _Unobserved:
    def attempt(self, method: str, url: str, resend_count: int) -> Callable[[AttemptEnd], None]:
        return lambda end: None

    def hold(self, ms: float) -> None:
        pass

    def retry(self, ms: float, error: BaseException) -> None:
        pass

    def poll(self, state: str, progress: int | None) -> None:
        pass

    def end(self, outcome: CallOutcome) -> None:
        pass


_UNOBSERVED = _Unobserved()


def _error_type(error: BaseException) -> str:
    """``error.type``: the class name (``RateLimitError``, ...), never the message."""
    return type(error).__name__


def _host(url: str) -> dict[str, Any]:
    try:
        parts = urlsplit(url)
        port = parts.port or (80 if parts.scheme == "http" else 443)
    except ValueError:
        return {}
    return {A["serverAddress"]: parts.hostname or "", A["serverPort"]: port}


class _ObservedCall:
    span: trace.Span

    def __init__(self, owner: SeedanceInstrumentation, call: CallStart, parent: CallObserver | None) -> None:
        self.owner = owner
        self.operation = call.operation
        self.started = time.monotonic()
        self.last_status: int | None = None
        task_id = call.task_id
        if task_id is None and call.url is not None:
            task_id = owner.task_of_url.get(call.url)
        self.task_id = task_id
        attributes: dict[str, Any] = {A["operation"]: call.operation}
        gen_ai = NAMES["genAiOperations"].get(call.operation)
        if gen_ai:
            attributes[A["genAiOperation"]] = gen_ai
            attributes[A["genAiProvider"]] = NAMES["genAiProvider"]
        if call.model is not None:
            attributes[A["genAiModel"]] = call.model
        if call.prompt is not None and owner.record_prompts:
            attributes[A["prompt"]] = call.prompt
        if task_id is not None:
            attributes[A["taskId"]] = task_id
        if call.url is not None:
            attributes.update(_host(call.url))
        submit = owner.submits.get(task_id) if task_id is not None else None
        links = [Link(submit, {A["taskId"]: task_id})] if isinstance(submit, SpanContext) and task_id else []
        parent_context = (
            trace.set_span_in_context(parent.span) if isinstance(parent, _ObservedCall) else context.get_current()
        )
        kind = SpanKind.CLIENT if call.operation == "download" else SpanKind.INTERNAL
        name = NAMES["spans"].get(call.operation, f"{NAMES['instrumentationScope']}.{call.operation}")
        self.span = owner.tracer.start_span(name, context=parent_context, kind=kind, attributes=attributes, links=links)

    def attempt(self, method: str, url: str, resend_count: int) -> Callable[[AttemptEnd], None]:
        attributes: dict[str, Any] = {A["httpMethod"]: method, A["url"]: url, **_host(url)}
        if resend_count > 0:
            attributes[A["resendCount"]] = resend_count
        span = self.owner.tracer.start_span(
            method, context=trace.set_span_in_context(self.span), kind=SpanKind.CLIENT, attributes=attributes
        )
        started = time.monotonic()

        def ended(end: AttemptEnd) -> None:
            owner = self.owner
            metric: dict[str, Any] = {A["httpMethod"]: method, A["serverAddress"]: attributes.get(A["serverAddress"])}
            if end.status is not None and end.status > 0:
                self.last_status = end.status
                span.set_attribute(A["httpStatus"], end.status)
                metric[A["httpStatus"]] = end.status
            failure = (
                str(end.status)
                if end.status is not None and end.status >= 400
                else _error_type(end.error)
                if end.error is not None
                else None
            )
            if failure:
                span.set_attribute(A["errorType"], failure)
                span.set_status(Status(StatusCode.ERROR))
                metric[A["errorType"]] = failure
            if end.rate_limit is not None:
                span.set_attribute(A["rateLimitRemaining"], end.rate_limit.remaining)
                owner.quota[str(attributes.get(A["serverAddress"], ""))] = end.rate_limit.remaining
            if end.status == 429:
                owner.rate_limited.add(1, {A["operation"]: self.operation})
            owner.request_duration.record(time.monotonic() - started, metric)
            span.end()

        return ended

    def hold(self, ms: float) -> None:
        self.span.add_event(NAMES["events"]["hold"], {A["durationMs"]: ms})
        self.owner.holds.add(1, {A["operation"]: self.operation})
        self.owner.hold_duration.record(ms / 1000, {A["operation"]: self.operation})

    def retry(self, ms: float, error: BaseException) -> None:
        self.span.add_event(NAMES["events"]["retry"], {A["durationMs"]: ms, A["errorType"]: _error_type(error)})

    def poll(self, state: str, progress: int | None) -> None:
        attributes: dict[str, Any] = {A["taskState"]: state}
        if progress is not None:
            attributes[A["taskProgress"]] = progress
        self.span.add_event(NAMES["events"]["poll"], attributes)

    def end(self, outcome: CallOutcome) -> None:
        owner = self.owner
        if outcome.task_id is not None and self.task_id is None:
            self.task_id = outcome.task_id
            self.span.set_attribute(A["taskId"], outcome.task_id)
        if self.operation == "generateVideo" and outcome.task_id is not None and outcome.error is None:
            owner.submits.remember(outcome.task_id, self.span.get_span_context())
        if outcome.video_url is not None and self.task_id is not None:
            owner.task_of_url.remember(outcome.video_url, self.task_id)
        if outcome.state is not None:
            self.span.set_attribute(A["taskState"], outcome.state)
        if outcome.bytes is not None:
            self.span.set_attribute(A["bytes"], outcome.bytes)
        metric: dict[str, Any] = {A["operation"]: self.operation}
        if self.last_status is not None:
            metric[A["httpStatus"]] = self.last_status
        if outcome.state is not None:
            metric[A["taskState"]] = outcome.state
        if outcome.error is not None:
            kind = _error_type(outcome.error)
            metric[A["errorType"]] = kind
            self.span.set_attribute(A["errorType"], kind)
            # The class name only: a message may quote a rejected field's value (a prompt, say).
            self.span.set_status(Status(StatusCode.ERROR, kind))
        owner.calls.add(1, metric)
        owner.call_duration.record(time.monotonic() - self.started, metric)
        self.span.end()
