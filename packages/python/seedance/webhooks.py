"""Webhook receivers for the frameworks Python apps use: an ASGI app (FastAPI, Starlette, any ASGI
server) and a WSGI app (Flask, Django, any WSGI server), with duplicate-delivery protection.

Both answer as the TypeScript SDK's handlers do: 204 once handled (or a duplicate), 400 for a delivery
that fails verification (``invalid_signature``; ``invalid_payload`` for a signed body that is not
JSON), 405 for another method, 408 when the body does not arrive within ``read_timeout`` seconds
(default 10, the whole body: a sender that drips it cannot hold a worker), 413 over ``max_body_bytes``
(default 1 MiB), 500 when your handler raises (the delivery is released, so Seedance's retry is
handled), and 503 when the id store cannot be reached (it fails closed: the retry comes later, and no
delivery is handled twice). A correctly signed event of a type this SDK does not know (a newer API) is
acknowledged and given to ``on_unknown_event``. Answers never say more than the code, and never contain
the secret; why a delivery was refused goes to ``on_error``.
"""

from __future__ import annotations

import inspect
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import anyio

from ._errors import WebhookVerificationError
from ._generated.models import TaskCompletedEventEvent, TaskFailedEventEvent, TaskProgressEventEvent
from ._webhooks import DEFAULT_TOLERANCE, _keys, verify_webhook

__all__ = [
    "ASGIWebhookHandler",
    "MemoryWebhookIdStore",
    "WSGIWebhookHandler",
    "WebhookDelivery",
    "WebhookIdStore",
]

DEDUPE_TTL_SECONDS = 24 * 60 * 60
"""Longer than Seedance's retry schedule (about 18 hours), so every retry of a handled message is recognised."""
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_READ_TIMEOUT = 10.0
# The event types of the spec's webhooks (from the generated models).
KNOWN_EVENTS = frozenset(
    member.value for kind in (TaskCompletedEventEvent, TaskFailedEventEvent, TaskProgressEventEvent) for member in kind
)

Secrets = str | bytes | Sequence[str | bytes]


@dataclass(frozen=True)
class WebhookDelivery:
    """About one delivery."""

    id: str
    """The ``webhook-id``: the same on every retry of a message."""


@runtime_checkable
class WebhookIdStore(Protocol):
    """Remembers handled ``webhook-id`` s, so a retried delivery is not handled twice. For several
    instances use a shared one, e.g. ``seedance.redis.RedisWebhookIdStore``."""

    def claim(self, webhook_id: str, ttl_seconds: int) -> bool:
        """Records the id for ``ttl_seconds`` and returns ``True``, or ``False`` when it is already
        recorded (a duplicate). Must be an atomic check-and-set."""
        ...

    def release(self, webhook_id: str) -> None:
        """Forgets the id after handling it failed, so the sender's next retry is handled."""
        ...


class MemoryWebhookIdStore:
    """An in-process store: ids expire after their TTL, and at most ``max_entries`` are kept."""

    def __init__(self, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries}")
        self._max = max_entries
        self._clock = clock
        self._ids: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def claim(self, webhook_id: str, ttl_seconds: int) -> bool:
        now = self._clock()
        with self._lock:
            expires = self._ids.get(webhook_id)
            if expires is not None and expires > now:
                return False
            self._ids.pop(webhook_id, None)
            # One TTL for all: the oldest entries come first, and expire first.
            while self._ids and (next(iter(self._ids.values())) <= now or len(self._ids) >= self._max):
                self._ids.popitem(last=False)
            self._ids[webhook_id] = now + ttl_seconds
            return True

    def release(self, webhook_id: str) -> None:
        with self._lock:
            self._ids.pop(webhook_id, None)


EventHandler = Callable[[dict[str, Any], WebhookDelivery], object]
"""Called with a verified event (the parsed JSON: ``event["event"]``, ``event["data"]["task_id"]``, …)."""


@dataclass(frozen=True)
class _Answer:
    status: int
    error: str | None = None

    def body(self) -> bytes:
        return b"" if self.error is None else json.dumps({"error": self.error}).encode()

    def headers(self) -> list[tuple[str, str]]:
        headers = [("content-length", str(len(self.body())))]
        if self.error is not None:
            headers.append(("content-type", "application/json"))
        if self.status == 405:
            headers.append(("allow", "POST"))
        if self.status in (408, 413):
            headers.append(("connection", "close"))  # the rest of the body is not read
        return headers


_HANDLED = _Answer(204)


@dataclass(frozen=True)
class _Accepted:
    payload: dict[str, Any]
    callback: EventHandler | None
    delivery: WebhookDelivery


class _Receiver:
    """What both handlers share: options, verification, the store."""

    def __init__(
        self,
        secret: Secrets,
        on_event: EventHandler,
        on_unknown_event: EventHandler | None,
        on_error: Callable[[BaseException], object] | None,
        store: WebhookIdStore | None,
        max_body_bytes: int,
        read_timeout: float,
        tolerance: float,
    ) -> None:
        _keys(secret)  # a bad secret fails at start-up, not at the first delivery
        self.secret = secret
        self.on_event = on_event
        self.on_unknown_event = on_unknown_event
        self.on_error = on_error
        self.store = store if store is not None else MemoryWebhookIdStore()
        self.max_body_bytes = max_body_bytes
        self.read_timeout = read_timeout
        self.tolerance = tolerance

    def report(self, error: BaseException) -> None:
        if self.on_error is not None:
            self.on_error(error)

    def too_large(self, content_length: str | None) -> bool:
        return content_length is not None and content_length.isdigit() and int(content_length) > self.max_body_bytes

    def verify(self, body: bytes, headers: Mapping[str, str]) -> tuple[dict[str, Any], EventHandler | None] | _Answer:
        """The verified event and the callback for it, or the answer refusing it."""
        try:
            payload = verify_webhook(body, headers, self.secret, self.tolerance)
        except WebhookVerificationError as error:
            self.report(error)
            return _Answer(400, "invalid_payload" if error.reason == "invalid_json" else "invalid_signature")
        if not isinstance(payload, dict):
            self.report(WebhookVerificationError("The webhook body is not a JSON object.", "invalid_json"))
            return _Answer(400, "invalid_payload")
        known = payload.get("event") in KNOWN_EVENTS
        return payload, self.on_event if known else self.on_unknown_event

    def accept(self, body: bytes, headers: Mapping[str, str]) -> _Answer | _Accepted:
        """A verified delivery this instance claimed, or the answer to give instead (a duplicate: 204)."""
        verified = self.verify(body, headers)
        if isinstance(verified, _Answer):
            return verified
        payload, callback = verified
        delivery = WebhookDelivery(headers["webhook-id"])
        try:
            claimed = self.store.claim(delivery.id, DEDUPE_TTL_SECONDS)
        except Exception as error:
            self.report(error)
            return _Answer(503, "store_unavailable")
        return _Accepted(payload, callback, delivery) if claimed else _HANDLED

    def failed(self, delivery: WebhookDelivery, error: BaseException) -> _Answer:
        self.report(error)
        try:
            self.store.release(delivery.id)
        except Exception as release_error:  # the id stays claimed until its TTL
            self.report(release_error)
        return _Answer(500, "handler_failed")


class _Incomplete(Exception):
    """The body did not arrive (the client went away)."""


class ASGIWebhookHandler:
    """An ASGI app receiving Seedance webhooks. With FastAPI or Starlette::

        from starlette.routing import Route

        app.routes.append(Route("/webhooks/seedance", ASGIWebhookHandler(secret, on_event), methods=["POST"]))

    (``app.mount`` would answer the path without a trailing slash with a redirect, which senders do not follow.)

    ``on_event`` (and ``on_unknown_event``) may be plain functions or coroutine functions; a plain one
    runs in a worker thread, so a slow handler does not block the event loop, and so do the store's
    ``claim`` and ``release``.
    """

    def __init__(
        self,
        secret: Secrets,
        on_event: Callable[[dict[str, Any], WebhookDelivery], object | Awaitable[object]],
        *,
        on_unknown_event: Callable[[dict[str, Any], WebhookDelivery], object | Awaitable[object]] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        store: WebhookIdStore | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        tolerance: float = DEFAULT_TOLERANCE,
    ) -> None:
        self._receiver = _Receiver(
            secret, on_event, on_unknown_event, on_error, store, max_body_bytes, read_timeout, tolerance
        )

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
        send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":  # lifespan and websockets are not ours
            return
        answer = await self._handle(scope, receive)
        await send({"type": "http.response.start", "status": answer.status, "headers": _encode(answer.headers())})
        await send({"type": "http.response.body", "body": answer.body()})

    async def _handle(
        self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[MutableMapping[str, Any]]]
    ) -> _Answer:
        receiver = self._receiver
        if scope.get("method") != "POST":
            return _Answer(405, "method_not_allowed")
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope.get("headers", [])}
        if receiver.too_large(headers.get("content-length")):
            return _Answer(413, "payload_too_large")
        try:
            with anyio.fail_after(receiver.read_timeout):
                body = await self._read(receive)
        except TimeoutError:
            return _Answer(408, "request_timeout")
        except _Incomplete:
            return _Answer(400, "incomplete_body")
        if body is None:
            return _Answer(413, "payload_too_large")
        # In a worker thread: the store may wait on the network.
        accepted: _Answer | _Accepted = await anyio.to_thread.run_sync(receiver.accept, body, headers)
        if isinstance(accepted, _Answer):
            return accepted
        try:
            if accepted.callback is not None:
                await _call(accepted.callback, accepted.payload, accepted.delivery)
        except Exception as error:
            failed: _Answer = await anyio.to_thread.run_sync(receiver.failed, accepted.delivery, error)
            return failed
        return _HANDLED

    async def _read(self, receive: Callable[[], Awaitable[MutableMapping[str, Any]]]) -> bytes | None:
        """The whole body, or ``None`` as soon as it proves larger than the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Incomplete
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self._receiver.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


async def _call(function: Callable[..., Any], *args: Any) -> Any:
    """Calls a plain function in a worker thread, or awaits a coroutine function; the same for what they return."""
    if inspect.iscoroutinefunction(function):
        return await function(*args)
    return await anyio.to_thread.run_sync(function, *args)


def _encode(headers: Iterable[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers]


class WSGIWebhookHandler:
    """A WSGI app receiving Seedance webhooks. With Flask (werkzeug's dispatcher mounts it beside the app)::

        app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/webhooks/seedance": WSGIWebhookHandler(secret, on_event)})

    The whole body must arrive within ``read_timeout``: on servers that expose the socket (werkzeug,
    Flask's) every read waits at most what is left of it; elsewhere the body is read in what the
    server has buffered, between checks of the deadline.
    """

    def __init__(
        self,
        secret: Secrets,
        on_event: EventHandler,
        *,
        on_unknown_event: EventHandler | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        store: WebhookIdStore | None = None,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        tolerance: float = DEFAULT_TOLERANCE,
    ) -> None:
        self._receiver = _Receiver(
            secret, on_event, on_unknown_event, on_error, store, max_body_bytes, read_timeout, tolerance
        )

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        answer = self._handle(environ)
        reason = {204: "No Content", 400: "Bad Request", 405: "Method Not Allowed", 408: "Request Timeout"}
        reason |= {413: "Payload Too Large", 500: "Internal Server Error", 503: "Service Unavailable"}
        start_response(f"{answer.status} {reason[answer.status]}", answer.headers())
        return [answer.body()]

    def _handle(self, environ: dict[str, Any]) -> _Answer:
        receiver = self._receiver
        if environ.get("REQUEST_METHOD") != "POST":
            return _Answer(405, "method_not_allowed")
        length = environ.get("CONTENT_LENGTH") or None
        if receiver.too_large(length):
            return _Answer(413, "payload_too_large")
        try:
            body = self._read(environ, int(length) if length and length.isdigit() else None)
        except TimeoutError:
            return _Answer(408, "request_timeout")
        if body is None:
            return _Answer(413, "payload_too_large")
        headers = {
            key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")
        }
        accepted = receiver.accept(body, headers)
        if isinstance(accepted, _Answer):
            return accepted
        try:
            if accepted.callback is not None:
                accepted.callback(accepted.payload, accepted.delivery)
        except Exception as error:
            return receiver.failed(accepted.delivery, error)
        return _HANDLED

    def _read(self, environ: dict[str, Any], length: int | None) -> bytes | None:
        """The body within the deadline (``TimeoutError`` past it), or ``None`` past the size limit."""
        stream = environ["wsgi.input"]
        sock = environ.get("werkzeug.socket")
        deadline = time.monotonic() + self._receiver.read_timeout
        limit = self._receiver.max_body_bytes
        read = getattr(stream, "read1", None) or stream.read
        previous = sock.gettimeout() if sock is not None else None
        chunks: list[bytes] = []
        size = 0
        try:
            while length is None or size < length:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                if sock is not None:
                    sock.settimeout(left)
                want = 65536 if length is None else min(65536, length - size)
                try:
                    chunk = read(want)
                except OSError as error:  # socket.timeout is TimeoutError, an OSError
                    raise TimeoutError from error
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    return None
                chunks.append(chunk)
        finally:
            if sock is not None:
                sock.settimeout(previous)
        return b"".join(chunks)
