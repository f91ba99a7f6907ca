"""What the sync and async clients share: settings, request building, response handling, retry policy.

The spec supplies each operation's method, URL template and checks (seedance/_spec_checks.py, generated
by @seedance/codegen) and the response models (seedance/_generated, by openapi-python-client). This
layer builds and checks each request, and turns each answer into the unwrapped ``data`` model or a
typed exception whose server-controlled text is sanitized.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, Literal, ParamSpec, TypeVar
from urllib.parse import quote

from . import __version__
from ._errors import (
    APIError,
    RateLimitError,
    RedirectError,
    SeedanceError,
    UnexpectedResponseError,
    ValidationError,
    error_class_for,
)
from ._generated.models import TaskState, TaskStatus, VideoResult
from ._instrumentation import Instrumentation
from ._rate_limit import MemoryRateLimitStore, RateLimit, RateLimitStore, parse_rate_limit, parse_retry_after
from ._sanitize import sanitize_server_text, sanitize_value
from ._validation import Issue, check, check_request, operation, to_validation_error

DEFAULT_BASE_URL = "https://api.seedance2api.com"
DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024
"""8 MiB: the API's largest documented answer is a few kilobytes; a bigger body is a broken or hostile server."""
RETRY_BASE_DELAY = 0.5
RETRY_MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A ``Retry-After`` longer than this is not waited for: the error is raised with ``retry_after`` set."""
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REJECTED_BEFORE_WORK = frozenset({429, 503})
"""Statuses at which the server provably did no work, so even a POST without an idempotency key may repeat."""
USER_AGENT = f"seedance-sdk-python/{__version__}"
POLL_BACKOFF = 1.5
MAX_POLL_GAP = 15.0
BODY_EXCERPT = 200
TERMINAL_STATES = frozenset({"completed", "failed"})

AuthScheme = Literal["bearer", "x-api-key", "none"]
T = TypeVar("T")
P = ParamSpec("P")
AsyncCall = Callable[P, Awaitable[T]]
"""A coroutine method of ``AsyncClient``, for ``with_response``."""
SyncCall = Callable[P, T]
"""A method of ``Client``, for ``with_response``."""

logger = logging.getLogger("seedance")
"""The SDK's logger: retries and rate-limit holds at INFO, each attempt at DEBUG; never a header or body."""


# --- settings ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    api_key: str | None
    base_url: str
    timeout: float
    max_retries: int
    headers: dict[str, str]
    validate: bool
    max_response_bytes: int
    hold_on_rate_limit: bool
    rate_limit_store: RateLimitStore
    logger: logging.Logger
    instrumentation: Instrumentation | None = None

    def __repr__(self) -> str:  # never show the key
        return f"Settings(base_url={self.base_url!r}, timeout={self.timeout!r}, max_retries={self.max_retries!r})"

    def redact(self, text: str) -> str:
        """Server-controlled text made safe for an error or a log record."""
        return sanitize_server_text(text, self.api_key)


MISSING_KEY = (
    "No API key: pass seedance.Client(api_key=...) or set the SEEDANCE_API_KEY environment variable. "
    'Calling through your own proxy that adds the key? Pass auth_scheme="none".'
)


def _non_negative(name: str, value: float | None, default: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise SeedanceError(f"Invalid {name}: expected a non-negative number, got {value!r}.")
    return float(value)


def auth_headers(scheme: AuthScheme, api_key: str | None) -> dict[str, str]:
    """The one header that carries the key, by ``auth_scheme``."""
    if scheme == "none":
        return {}
    if not api_key:
        raise SeedanceError(MISSING_KEY)
    if scheme == "bearer":
        return {"Authorization": f"Bearer {api_key}"}
    if scheme == "x-api-key":
        return {"X-API-Key": api_key}
    raise SeedanceError(f'Invalid auth_scheme {scheme!r}: expected "bearer", "x-api-key" or "none".')


def resolve_settings(
    api_key: str | None,
    base_url: str | None,
    *,
    auth_scheme: AuthScheme = "bearer",
    timeout: float | None = None,
    max_retries: int | None = None,
    default_headers: Mapping[str, str] | None = None,
    validate: bool = True,
    max_response_bytes: int | None = None,
    hold_on_rate_limit: bool = True,
    rate_limit_store: RateLimitStore | None = None,
    logger_: logging.Logger | None = None,
    instrumentation: Instrumentation | None = None,
) -> Settings:
    key = api_key if api_key is not None else os.environ.get("SEEDANCE_API_KEY")
    url = base_url or os.environ.get("SEEDANCE_BASE_URL") or DEFAULT_BASE_URL
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **dict(default_headers or {})}
    headers.update(auth_headers(auth_scheme, key))
    return Settings(
        api_key=key or None,
        base_url=url.rstrip("/"),
        timeout=_non_negative("timeout", timeout, DEFAULT_TIMEOUT),
        max_retries=int(_non_negative("max_retries", max_retries, DEFAULT_MAX_RETRIES)),
        headers=headers,
        validate=validate,
        max_response_bytes=int(_non_negative("max_response_bytes", max_response_bytes, DEFAULT_MAX_RESPONSE_BYTES)),
        hold_on_rate_limit=hold_on_rate_limit,
        rate_limit_store=rate_limit_store or MemoryRateLimitStore(),
        logger=logger_ or logger,
        instrumentation=instrumentation,
    )


def client_repr(name: str, settings: Settings) -> str:
    return f"{name}(base_url={settings.base_url!r}, api_key='***', timeout={settings.timeout!r})"


# --- requests ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """One logical call, as every attempt of it sends it."""

    operation_id: str
    method: str
    path: str
    body: dict[str, Any] | None
    idempotency_key: str | None
    headers: Mapping[str, str]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


def json_body(**params: Any) -> dict[str, Any]:
    """A request body from keyword parameters: ``None`` means absent, enum members become their values."""
    return {
        name: value.value if isinstance(value, Enum) else value for name, value in params.items() if value is not None
    }


def _dot_segment(name: str, value: Any) -> ValidationError | None:
    """A path parameter made only of dots is never an id: ``..`` would reach another endpoint."""
    if isinstance(value, str) and value and value.strip(".") == "":
        return ValidationError(
            f"Invalid {name}: {value!r} is a dot segment, not an id; the request was not sent.",
            {"field": name, "value": value, "constraint": "dot_segment"},
        )
    return None


def build_request(
    operation_id: str,
    *,
    path: Mapping[str, Any] | None = None,
    body: dict[str, Any] | None = None,
    idempotency_key: str | Literal[False] | None = None,
    extra_headers: Mapping[str, str] | None = None,
    validate: bool,
) -> Request:
    """The request for a call, checked against the spec (unless ``validate`` is off: then only dot
    segments, which are never ids, are refused)."""
    spec = operation(operation_id)
    for name, value in (path or {}).items():
        error = _dot_segment(name, value)
        if error:
            raise error
    if validate:
        issue = check_request(spec, path=path, **({"body": body} if body is not None else {}))
        if issue:
            raise to_validation_error(issue)
    url = spec["path"]
    for name, value in (path or {}).items():
        text = str(value)
        if not text:
            raise ValidationError(
                f"{name} must not be empty.", {"field": name, "value": value, "constraint": "min_length", "limit": 1}
            )
        url = url.replace("{" + name + "}", quote(text, safe=""))
    method = spec["method"]
    # One key per logical call, reused by every retry of it: the server answers a repeat with the first result.
    key = None
    if method == "POST" and idempotency_key is not False:
        key = idempotency_key or new_idempotency_key()
    return Request(operation_id, method, url, body, key, dict(extra_headers or {}))


# --- responses -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawResponse:
    """A final answer: status, headers (lower-case names), and the body as received (decompressed)."""

    status: int
    headers: Mapping[str, str]
    content: bytes
    rate_limit: RateLimit | None

    @property
    def request_id(self) -> str | None:
        return self.headers.get("x-request-id")


def _json(content: bytes) -> Any:
    try:
        return json.loads(content) if content else None
    except ValueError:
        return None


def _excerpt(content: bytes) -> str:
    text = content[: BODY_EXCERPT * 4].decode("utf-8", errors="replace")[:BODY_EXCERPT]
    return text or "(empty)"


def _error_init(settings: Settings, response: RawResponse, message: str, code: str | None = None) -> dict[str, Any]:
    return {
        "status": response.status,
        "code": code,
        "message": settings.redact(message),
        "request_id": settings.redact(response.request_id) if response.request_id else None,
        "rate_limit": response.rate_limit,
        "headers": {name: settings.redact(value) for name, value in response.headers.items()},
    }


def api_error(settings: Settings, response: RawResponse) -> APIError:
    """The typed exception for an error status; never fails, whatever the body."""
    if 300 <= response.status < 400:
        location = response.headers.get("location")
        shown = settings.redact(location) if location is not None else None
        message = (
            f"The server answered with a redirect{f' to {location}' if location else ''}. The SDK never follows "
            "redirects, so that the API key stays with the API's origin: set base_url to the final address."
        )
        return RedirectError(location=shown, **_error_init(settings, response, message))
    body = _json(response.content)
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    raw_code = error.get("code")
    code = settings.redact(raw_code) if isinstance(raw_code, str) else None
    text = error.get("message")
    if not isinstance(text, str) or not text:
        text = f"the body was not the API's error envelope: {_excerpt(response.content)}"
    details = error.get("details")
    init = _error_init(settings, response, text, code)
    init["details"] = sanitize_value(details, settings.api_key) if isinstance(details, dict) else None
    cls = error_class_for(response.status)
    if issubclass(cls, RateLimitError):
        return cls(retry_after=parse_retry_after(response.headers), **init)
    return cls(**init)


def unexpected(settings: Settings, response: RawResponse, message: str) -> UnexpectedResponseError:
    return UnexpectedResponseError(**_error_init(settings, response, message))


def success_data(settings: Settings, request: Request, response: RawResponse) -> dict[str, Any]:
    """The checked ``data`` of a success envelope, or an ``UnexpectedResponseError`` naming what arrived."""
    body = _json(response.content)
    if not isinstance(body, dict):
        raise unexpected(settings, response, f"expected a JSON object, got: {_excerpt(response.content)}")
    issue: Issue | None = check(operation(request.operation_id)["check_response"], body)
    if issue:
        problem = "missing" if issue.constraint == "required" else f"expected {issue.limit}"
        raise unexpected(settings, response, f"The response does not match the API: {issue.field or 'body'}: {problem}")
    data: dict[str, Any] = body["data"]
    return data


def parse_model(
    settings: Settings, response: RawResponse, parse: Callable[[dict[str, Any]], T], data: dict[str, Any]
) -> T:
    try:
        return parse(data)
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        message = f"The response does not match the API: {type(exc).__name__}: {exc}"
    raise unexpected(settings, response, message)


# --- retries -------------------------------------------------------------------------------------


def is_retryable(status: int, safe_to_repeat: bool) -> bool:
    """``safe_to_repeat``: a GET, or a POST with an idempotency key (a repeat never generates twice)."""
    return status in (RETRYABLE_STATUSES if safe_to_repeat else REJECTED_BEFORE_WORK)


def backoff_delay(attempt: int) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(max, base * 2**attempt)]."""
    return random.uniform(0, min(RETRY_MAX_DELAY, RETRY_BASE_DELAY * 2**attempt))  # noqa: S311


def retry_delay(response: RawResponse, attempt: int) -> float | None:
    """How long to wait before retrying this (retryable) response, or ``None`` when the server asks too much."""
    asked = parse_retry_after(response.headers)
    if asked is not None:
        return asked if asked <= MAX_RETRY_AFTER else None
    return backoff_delay(attempt)


def quota_exhausted(rate_limit: RateLimit | None, hold: float) -> RateLimitError:
    """The error of a call held for a quota reset that comes after its deadline: nothing was sent."""
    when = rate_limit.reset_at.isoformat() if rate_limit else "the reset"
    return RateLimitError(
        status=429,
        code="RATE_LIMITED",
        message=f"Rate limit quota used up until {when}, past this call's timeout; no request was sent.",
        rate_limit=rate_limit,
        retry_after=hold,
    )


def update_rate_limit(settings: Settings, headers: Mapping[str, str]) -> RateLimit | None:
    parsed = parse_rate_limit(headers)
    if parsed is not None:
        settings.rate_limit_store.set(parsed)
    return parsed


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WithResponse(Generic[T]):
    """A call's data together with its HTTP answer (``client.with_response(...)``)."""

    data: T
    status: int
    headers: Mapping[str, str]
    """Lower-case names."""
    request_id: str | None
    rate_limit: RateLimit | None


def with_response(data: T, raw: RawResponse) -> WithResponse[T]:
    return WithResponse(data, raw.status, raw.headers, raw.request_id, raw.rate_limit)


class CompletedTask(TaskStatus):
    """A task that completed: its ``result`` is there, and ``video_url`` is its URL."""

    status: Literal["completed"]  # type: ignore[assignment]
    result: VideoResult

    @property
    def video_url(self) -> str:
        return self.result.video_url


class FailedTask(TaskStatus):
    """A task that failed: ``error_message`` says why (sanitized, may be empty)."""

    status: Literal["failed"]  # type: ignore[assignment]
    error_message: str


FinishedTask = CompletedTask | FailedTask
"""What ``wait_for_completion`` returns: narrow it with ``if done.status == "completed":``."""


def finished(settings: Settings, status: TaskStatus) -> FinishedTask:
    if status.status == TaskState.FAILED:
        failed = FailedTask.from_dict(status.to_dict())
        failed.error_message = settings.redact(status.error_message or "")
        return failed
    if status.result is None or not status.result.video_url:
        raise SeedanceError(
            f"Task {status.task_id} completed without a result.video_url; fetch it with task.get_result."
        )
    return CompletedTask.from_dict(status.to_dict())


def is_finished(status: TaskStatus) -> bool:
    return str(status.status) in TERMINAL_STATES


def poll_gaps(poll_interval: float) -> Iterator[float]:
    """The pauses between a task's status polls: from ``poll_interval``, growing 1.5x up to 15 s
    (never below ``poll_interval``), with jitter. A state newer than the spec waits the same way."""
    gap = poll_interval
    while True:
        yield gap * (1 + random.uniform(0, 0.25))  # noqa: S311
        gap = min(max(poll_interval, MAX_POLL_GAP), gap * POLL_BACKOFF)


@dataclass
class TaskEstimates:
    """When the server expects each recently created task to be done, so a wait starts with the first
    useful poll instead of a burst of early ones."""

    capacity: int = 256
    _done_at: OrderedDict[str, float] = field(default_factory=OrderedDict)

    def remember(self, task_id: str, seconds: float | None) -> None:
        if seconds is None:
            return
        if len(self._done_at) >= self.capacity:
            self._done_at.popitem(last=False)
        self._done_at[task_id] = time.monotonic() + float(seconds)

    def first_poll_delay(self, task_id: str) -> float:
        """Seconds until the task is expected to be done; 0 for a task this client did not create."""
        done_at = self._done_at.get(task_id)
        return 0.0 if done_at is None else max(0.0, done_at - time.monotonic())
