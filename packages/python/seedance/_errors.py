"""The error hierarchy, mirroring the TypeScript core (packages/core/src/errors.ts).

Every failure is a ``SeedanceError``; its message says what went wrong and never contains the API key:
server-controlled text reaches an error only through ``sanitize_server_text`` (seedance/_sanitize.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._rate_limit import RateLimit

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DestinationExistsError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SeedanceError",
    "ServiceUnavailableError",
    "UnexpectedResponseError",
    "ValidationError",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "error_class_for",
]


class SeedanceError(Exception):
    """Base class of every error the SDK raises."""


class APIError(SeedanceError):
    """The server answered with an error status (the ``{"status": "error", "error": {...}}`` envelope)."""

    status: int
    code: str | None
    """The envelope's ``error.code`` (e.g. ``INVALID_PROMPT``); a code newer than this SDK passes through."""
    message: str
    details: dict[str, Any] | None
    """Which input was rejected and why: ``field``, ``value``, ``constraint``, ``limit``."""
    request_id: str | None
    """The ``X-Request-Id`` header; quote it when contacting support."""
    rate_limit: RateLimit | None
    headers: Mapping[str, str]

    def __init__(
        self,
        *,
        status: int,
        message: str,
        code: str | None = None,
        details: dict[str, Any] | None = None,
        request_id: str | None = None,
        rate_limit: RateLimit | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.request_id = request_id
        self.rate_limit = rate_limit
        self.headers = dict(headers or {})
        suffix = f" (request {request_id})" if request_id else ""
        super().__init__(f"{status}{f' {code}' if code else ''}: {message}{suffix}")


class BadRequestError(APIError):
    """400: the request breaks a constraint; ``details`` names the field."""


class AuthenticationError(APIError):
    """401: the API key is missing, invalid or expired."""


class PermissionDeniedError(APIError):
    """403: the key may not use this resource (e.g. the model is not in the plan)."""


class NotFoundError(APIError):
    """404: no such task for this key (or older than the 30-day retention)."""


class ConflictError(APIError):
    """409: e.g. ``TASK_NOT_COMPLETED`` when asking for the result of a running task."""


class RateLimitError(APIError):
    """429: over the hourly quota."""

    retry_after: float | None
    """Seconds the server asked to wait before retrying, when it said."""

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.retry_after = retry_after


class InternalServerError(APIError):
    """5xx: an unexpected server error."""


class ServiceUnavailableError(InternalServerError):
    """503: temporarily overloaded or in maintenance."""


class RedirectError(APIError):
    """3xx: the SDK never follows redirects, so that the key stays with the API's origin."""

    location: str | None
    """The ``Location`` header (sanitized, the key redacted), when there was one."""

    def __init__(self, *, location: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.location = location


class UnexpectedResponseError(APIError):
    """A success status with a body this SDK cannot read (not JSON, or a required field missing or of a wrong type)."""


ResponseValidationError = UnexpectedResponseError
"""The former name of ``UnexpectedResponseError``, kept for code that catches it."""


class ResponseTooLargeError(SeedanceError):
    """A response body grew past ``max_response_bytes`` (counted after decompression); the connection was closed."""

    limit: int
    status: int

    def __init__(self, *, limit: int, status: int) -> None:
        super().__init__(
            f"The {status} response body is larger than max_response_bytes ({limit} bytes, counted after "
            "decompression); it was not read further and the connection was closed. Raise the client's "
            "max_response_bytes option if the API's answers are really this large."
        )
        self.limit = limit
        self.status = status


class DestinationExistsError(SeedanceError, FileExistsError):
    """``download`` would replace an existing file (or symlink); pass ``overwrite=True`` to allow it."""

    path: str

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} already exists; the download was not started. Pass overwrite=True to replace it, "
            "or choose another path."
        )
        self.path = path


class APIConnectionError(SeedanceError):
    """The request never got a complete answer (DNS, refused or reset connection, broken body)."""


class APITimeoutError(APIConnectionError):
    """The call's timeout (retries included) ran out."""


class ValidationError(SeedanceError, ValueError):
    """A request was rejected before sending because it breaks the spec (e.g. an unknown model)."""

    code: str
    details: dict[str, Any]

    def __init__(self, message: str, details: dict[str, Any]) -> None:
        super().__init__(message)
        self.details = details
        self.code = "INVALID_PROMPT" if details.get("field") == "prompt" else "INVALID_REQUEST"


class WaitTimeoutError(SeedanceError):
    """``wait_for_completion`` ran past ``max_wait_time``; the task may still finish."""

    task_id: str
    last_status: Any

    def __init__(self, task_id: str, waited: float, last_status: Any) -> None:
        super().__init__(
            f"Task {task_id} did not finish within {waited:g} s; it may still complete. "
            "Wait longer (max_wait_time), poll get_status later, or use a webhook."
        )
        self.task_id = task_id
        self.last_status = last_status


class WebhookVerificationError(SeedanceError):
    """A webhook delivery failed verification (missing headers, bad signature, or too old/new), or a
    webhook secret is unusable. Neither the message nor any attribute ever contains a secret."""

    reason: str
    """Why, for code to branch on: ``missing_header``, ``header_too_large``, ``malformed_timestamp``,
    ``malformed_signature``, ``timestamp_too_old``, ``timestamp_too_new``, ``no_matching_signature``,
    ``invalid_json`` or ``invalid_secret`` (the same reasons as the TypeScript SDK's)."""

    def __init__(self, message: str, reason: str = "no_matching_signature") -> None:
        super().__init__(message)
        self.reason = reason


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


def error_class_for(status: int) -> type[APIError]:
    """The error class for an HTTP status."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    return InternalServerError if status >= 500 else APIError
