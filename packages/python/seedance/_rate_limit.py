"""Reads the ``X-RateLimit-*`` and ``Retry-After`` headers that responses carry, and keeps the quota in a
store: this client's memory by default, or one shared by every process that uses the same key
(``seedance.redis.RedisRateLimitStore``), so that once any of them is told ``remaining: 0`` every one
holds its requests until the reset instead of spending them on 429s."""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Protocol, runtime_checkable

__all__ = [
    "MemoryRateLimitStore",
    "RateLimit",
    "RateLimitStore",
    "hold_seconds",
    "parse_rate_limit",
    "parse_retry_after",
]


@dataclass(frozen=True)
class RateLimit:
    """The key's quota as of a response."""

    limit: int
    """Requests allowed per period (``X-RateLimit-Limit``)."""
    remaining: int
    """Requests left in the current period (``X-RateLimit-Remaining``)."""
    reset_at: datetime
    """When the quota resets (``X-RateLimit-Reset``, unix seconds), timezone-aware UTC."""
    retry_after: int | None = None
    """Recommended wait in seconds (``X-RateLimit-RetryAfter``), when sent."""


def _get(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:  # plain dicts are case-sensitive; httpx.Headers are not
        lowered = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == lowered), None)
    return value


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    raw = _get(headers, name)
    if raw is None or not raw.strip().isdigit():
        return None
    return int(raw.strip())


def parse_rate_limit(headers: Mapping[str, str]) -> RateLimit | None:
    """The rate limit the headers report, or ``None`` unless limit, remaining and reset are all valid."""
    limit = _int_header(headers, "X-RateLimit-Limit")
    remaining = _int_header(headers, "X-RateLimit-Remaining")
    reset = _int_header(headers, "X-RateLimit-Reset")
    if limit is None or remaining is None or reset is None:
        return None
    return RateLimit(
        limit=limit,
        remaining=remaining,
        reset_at=datetime.fromtimestamp(reset, tz=timezone.utc),
        retry_after=_int_header(headers, "X-RateLimit-RetryAfter"),
    )


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait per ``Retry-After`` (delta-seconds or an HTTP date), else ``X-RateLimit-RetryAfter``."""
    raw = _get(headers, "Retry-After")
    if raw is not None and raw.strip():
        text = raw.strip()
        try:
            seconds = float(text)
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=timezone.utc)
                current = time.time() if now is None else now
                return max(0.0, when.timestamp() - current)
        else:
            if seconds >= 0 and seconds == seconds and seconds != float("inf"):
                return seconds
    fallback = _int_header(headers, "X-RateLimit-RetryAfter")
    return float(fallback) if fallback is not None else None


@runtime_checkable
class RateLimitStore(Protocol):
    """Where the quota is kept. Read before every request, so ``get`` must be quick: a shared store
    keeps a local copy that it syncs in the background (the TypeScript SDK's ``RateLimitStore``)."""

    def get(self) -> RateLimit | None:
        """The quota to act on, or ``None`` before any response reported one."""
        ...

    def set(self, rate_limit: RateLimit) -> None:
        """Records the quota a response reported."""
        ...


class MemoryRateLimitStore:
    """The default store: the latest quota this client was told."""

    def __init__(self) -> None:
        self._latest: RateLimit | None = None
        self._lock = threading.Lock()

    def get(self) -> RateLimit | None:
        return self._latest

    def set(self, rate_limit: RateLimit) -> None:
        with self._lock:
            self._latest = rate_limit


def hold_seconds(rate_limit: RateLimit | None, *, now: float | None = None) -> float:
    """Seconds until the quota resets when none is left, else 0."""
    if rate_limit is None or rate_limit.remaining > 0:
        return 0.0
    current = time.time() if now is None else now
    return max(0.0, rate_limit.reset_at.timestamp() - current)
