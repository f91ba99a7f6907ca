"""The hook tracing and metrics plug into (``seedance.otel`` implements it), as in TypeScript's core.

The client only calls it: it imports no tracing library, and a client without ``instrumentation``
pays one ``None`` check per call, attempt and sleep. The call under way is kept in a context variable,
so a call made inside another (``generate_and_wait``'s submit, a wait's polls) knows its parent in
threads and asyncio tasks alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from ._rate_limit import RateLimit

__all__ = ["AttemptEnd", "CallObserver", "CallOutcome", "CallStart", "Instrumentation"]


@dataclass(frozen=True)
class CallStart:
    """A logical call as it starts. ``operation``: the spec's operationId (``generateImage``,
    ``generateVideo``, ``getTaskStatus``, ``getTaskResult``), or ``generateAndWait``,
    ``waitForCompletion``, ``download`` (the same names as TypeScript's)."""

    operation: str
    model: str | None = None
    prompt: str | None = None
    """Recorded by an instrumentation only when its user opts in."""
    task_id: str | None = None
    url: str | None = None
    """A download's URL (it may be signed: keep only its host)."""


@dataclass(frozen=True)
class AttemptEnd:
    status: int | None = None
    rate_limit: RateLimit | None = None
    error: BaseException | None = None


@dataclass
class CallOutcome:
    """How a call ended: its error, or what it learnt (the task, its final state, a URL, bytes)."""

    error: BaseException | None = None
    task_id: str | None = None
    state: str | None = None
    video_url: str | None = None
    bytes: int | None = None


class CallObserver(Protocol):
    """One call's events. Its methods must not raise and must return at once."""

    def attempt(self, method: str, url: str, resend_count: int) -> Callable[[AttemptEnd], None]: ...
    def hold(self, ms: float) -> None: ...
    def retry(self, ms: float, error: BaseException) -> None: ...
    def poll(self, state: str, progress: int | None) -> None: ...
    def end(self, outcome: CallOutcome) -> None: ...


class Instrumentation(Protocol):
    """The client's ``instrumentation`` option: told about every call as it runs."""

    def start(self, call: CallStart, parent: CallObserver | None) -> CallObserver: ...


_current: ContextVar[CallObserver | None] = ContextVar("seedance_call", default=None)


def current() -> CallObserver | None:
    """The observer of the call under way in this context, if any."""
    return _current.get()


@contextmanager
def observed(instrumentation: Instrumentation | None, call: CallStart) -> Iterator[CallOutcome]:
    """Runs the ``with`` body as one observed call; the body fills in the outcome it yields."""
    outcome = CallOutcome()
    if instrumentation is None:
        yield outcome
        return
    observer = instrumentation.start(call, _current.get())
    token = _current.set(observer)
    try:
        yield outcome
    except BaseException as error:
        outcome.error = error
        raise
    finally:
        _current.reset(token)
        observer.end(outcome)


def call_start(operation: str, body: dict[str, Any] | None, task_id: str | None = None) -> CallStart:
    """What an instrumentation is told at a call's start: the body's model and prompt, the path's task."""
    model = body.get("model") if body else None
    prompt = body.get("prompt") if body else None
    return CallStart(
        operation,
        model=model if isinstance(model, str) else None,
        prompt=prompt if isinstance(prompt, str) else None,
        task_id=task_id,
    )
