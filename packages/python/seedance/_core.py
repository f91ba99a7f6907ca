"""What the sync and async clients share: settings, request building, response handling, retry policy.

The generated layer (``seedance._generated``, made by openapi-python-client from the bundled spec)
supplies each operation's method, path, parameters and body serialization (``_get_kwargs``) and the
response models (``from_dict``). This layer sends the request with retries and turns the answer into
either the unwrapped ``data`` model or a typed exception.
"""

from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

import httpx

from . import __version__
from ._errors import (
    APIError,
    RateLimitError,
    ResponseValidationError,
    SeedanceError,
    ValidationError,
    error_class_for,
)
from ._generated.api.images import generate_image
from ._generated.api.tasks import get_task_result, get_task_status
from ._generated.api.videos import generate_video
from ._generated.models import (
    ImageGenerationRequest,
    ImageModel,
    ImageQuality,
    ImageResolution,
    VideoGenerationRequest,
    VideoGenerationRequestFps,
    VideoModel,
    VideoResolution,
)
from ._generated.types import UNSET, Unset
from ._rate_limit import parse_rate_limit, parse_retry_after

DEFAULT_BASE_URL = "https://api.seedance2api.com"
DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_RETRIES = 2
RETRY_BASE_DELAY = 0.5
RETRY_MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A ``Retry-After`` longer than this is not waited for: the error is raised with ``retry_after`` set."""
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
USER_AGENT = f"seedance-sdk-python/{__version__}"
POLL_BACKOFF = 1.5
MAX_POLL_GAP = 15.0

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


@dataclass(frozen=True)
class Settings:
    api_key: str
    base_url: str
    timeout: float
    max_retries: int
    headers: dict[str, str]
    validate: bool

    def __repr__(self) -> str:  # never show the key
        return f"Settings(base_url={self.base_url!r}, timeout={self.timeout!r}, max_retries={self.max_retries!r})"


def resolve_settings(
    api_key: str | None,
    base_url: str | None,
    timeout: float | None,
    max_retries: int | None,
    default_headers: Mapping[str, str] | None,
    validate: bool,
) -> Settings:
    key = api_key if api_key is not None else os.environ.get("SEEDANCE_API_KEY")
    if not key:
        raise SeedanceError(
            "No API key: pass seedance.Client(api_key=...) or set the SEEDANCE_API_KEY environment variable."
        )
    url = base_url or os.environ.get("SEEDANCE_BASE_URL") or DEFAULT_BASE_URL
    headers = {
        "Authorization": f"Bearer {key}",
        "User-Agent": USER_AGENT,
        "Accept": "application/json",
        **dict(default_headers or {}),
    }
    return Settings(
        api_key=key,
        base_url=url.rstrip("/"),
        timeout=DEFAULT_TIMEOUT if timeout is None else float(timeout),
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max(0, int(max_retries)),
        headers=headers,
        validate=validate,
    )


def client_repr(name: str, settings: Settings) -> str:
    return f"{name}(base_url={settings.base_url!r}, api_key='***', timeout={settings.timeout!r})"


# --- request building (generated layer) ---------------------------------------------------------


def _enum(kind: type[E], field: str, value: Any, validate: bool) -> E:
    """The member for a request value: one of the spec's values, or (``validate=False``) any value of
    the enum's type, which the generated enums accept for forward compatibility (``_missing_``)."""
    allowed = [member.value for member in kind]
    try:
        member = kind(value)
    except ValueError:
        member = None
    if member is None or (validate and value not in allowed):
        raise ValidationError(
            f"{field} must be one of {allowed}, not {value!r}",
            {"field": field, "value": value, "constraint": "enum", "limit": allowed},
        )
    return member


def _opt(value: T | None) -> T | Unset:
    return UNSET if value is None else value


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


def image_request(
    *,
    prompt: str,
    model: str | ImageModel,
    resolution: str | ImageResolution | None,
    quality: str | ImageQuality | None,
    num_images: int | None,
    seed: int | None,
    style: str | None,
    webhook_url: str | None,
    idempotency_key: str,
    validate: bool,
) -> dict[str, Any]:
    body = ImageGenerationRequest(
        prompt=prompt,
        model=_enum(ImageModel, "model", model, validate),
        resolution=UNSET if resolution is None else _enum(ImageResolution, "resolution", resolution, validate),
        quality=UNSET if quality is None else _enum(ImageQuality, "quality", quality, validate),
        num_images=_opt(num_images),
        seed=_opt(seed),
        style=_opt(style),
        webhook_url=_opt(webhook_url),
    )
    return generate_image._get_kwargs(body=body, idempotency_key=idempotency_key)


def video_request(
    *,
    prompt: str,
    model: str | VideoModel,
    duration: int,
    resolution: str | VideoResolution | None,
    fps: int | VideoGenerationRequestFps | None,
    image_input: str | None,
    webhook_url: str | None,
    idempotency_key: str,
    validate: bool,
) -> dict[str, Any]:
    body = VideoGenerationRequest(
        prompt=prompt,
        model=_enum(VideoModel, "model", model, validate),
        duration=duration,
        resolution=UNSET if resolution is None else _enum(VideoResolution, "resolution", resolution, validate),
        fps=UNSET if fps is None else _enum(VideoGenerationRequestFps, "fps", fps, validate),
        image_input=_opt(image_input),
        webhook_url=_opt(webhook_url),
    )
    return generate_video._get_kwargs(body=body, idempotency_key=idempotency_key)


def _task_id(task_id: str) -> str:
    if not isinstance(task_id, str) or not task_id:
        raise ValidationError(
            f"task_id must be a non-empty string, not {task_id!r}",
            {"field": "task_id", "value": task_id, "constraint": "min_length", "limit": 1},
        )
    return task_id


def status_request(task_id: str) -> dict[str, Any]:
    return get_task_status._get_kwargs(_task_id(task_id))


def result_request(task_id: str) -> dict[str, Any]:
    return get_task_result._get_kwargs(_task_id(task_id))


def merge_headers(kwargs: dict[str, Any], extra: Mapping[str, str] | None) -> dict[str, Any]:
    return {**kwargs, "headers": {**kwargs.get("headers", {}), **dict(extra or {})}}


# --- responses -----------------------------------------------------------------------------------


def _json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content) if response.content else None
    except ValueError:
        return None


def api_error(response: httpx.Response) -> APIError:
    """The typed exception for an error response; never fails, whatever the body."""
    body = _json(response)
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    code = error.get("code") if isinstance(error.get("code"), str) else None
    message = error.get("message")
    if not isinstance(message, str) or not message:
        message = response.reason_phrase or "HTTP error"
    details = error.get("details") if isinstance(error.get("details"), dict) else None
    kwargs: dict[str, Any] = {
        "status": response.status_code,
        "code": code,
        "message": message,
        "details": details,
        "request_id": response.headers.get("X-Request-Id"),
        "rate_limit": parse_rate_limit(response.headers),
        "headers": response.headers,
    }
    cls = error_class_for(response.status_code)
    if issubclass(cls, RateLimitError):
        return cls(retry_after=parse_retry_after(response.headers), **kwargs)
    return cls(**kwargs)


def unwrap(response: httpx.Response, parse: Callable[[dict[str, Any]], T]) -> T:
    """The ``data`` of a success envelope, parsed by a generated model; raises the typed error otherwise."""
    if not response.is_success:
        raise api_error(response)
    body = _json(response)
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise ResponseValidationError(
            f"{response.status_code} response without a JSON envelope's data object "
            f"(request {response.headers.get('X-Request-Id', 'unknown')})"
        )
    try:
        return parse(data)
    except (KeyError, ValueError, TypeError) as exc:
        raise ResponseValidationError(f"Response data does not match the spec: {exc!r}") from None


# --- retries -------------------------------------------------------------------------------------


def poll_gaps(poll_interval: float) -> Iterator[float]:
    """The pauses between a task's status polls: from ``poll_interval``, growing 1.5x up to 15 s
    (never below ``poll_interval``), with jitter. A state newer than the spec waits the same way."""
    gap = poll_interval
    while True:
        yield gap * (1 + random.uniform(0, 0.25))  # noqa: S311
        gap = min(max(poll_interval, MAX_POLL_GAP), gap * POLL_BACKOFF)


def backoff_delay(attempt: int) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(max, base * 2**attempt)]."""
    return random.uniform(0, min(RETRY_MAX_DELAY, RETRY_BASE_DELAY * 2**attempt))  # noqa: S311


def retry_delay(response: httpx.Response, attempt: int) -> float | None:
    """How long to wait before retrying this response, or ``None`` when it should not be retried."""
    if response.status_code not in RETRYABLE_STATUSES:
        return None
    asked = parse_retry_after(response.headers)
    if asked is not None:
        return asked if asked <= MAX_RETRY_AFTER else None
    return backoff_delay(attempt)


def describe(kwargs: Mapping[str, Any]) -> str:
    return f"{str(kwargs['method']).upper()} {kwargs['url']}"
