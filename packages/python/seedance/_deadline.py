"""The call's deadline, read by every socket operation of the SDK's own connections.

httpx's timeouts bound each read, connect and write on its own: a server that sends one header line
every 0.3 s never trips a 1 s read timeout, and the call lasts as long as the server likes. The
network backend of the SDK's connections (seedance/_async/_network.py) caps every operation by what
is left of the call's deadline, which ``_send`` sets here for the duration of an attempt (a context
variable: each thread and each task sees its own call's).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpcore

__all__ = ["bounded", "deadline", "remaining"]

_deadline: ContextVar[float | None] = ContextVar("seedance_deadline", default=None)


@contextmanager
def deadline(at: float) -> Iterator[None]:
    """Every socket operation in this block ends by ``at`` (``time.monotonic()`` seconds)."""
    token = _deadline.set(at)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    at = _deadline.get()
    return None if at is None else at - time.monotonic()


def bounded(timeout: float | None, expired: type[httpcore.TimeoutException] = httpcore.ReadTimeout) -> float | None:
    """``timeout`` capped by the time left of the call; raises ``expired`` once none is left."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise expired("The call's deadline has passed.")
    return left if timeout is None else min(timeout, left)
