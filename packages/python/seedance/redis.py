"""The client's per-process state shared between processes on Redis, with ``redis-py``
(``pip install "seedance-sdk[redis]"``): the API key's rate-limit quota, so that once any process is
told ``X-RateLimit-Remaining: 0`` every one holds until the reset, and the webhook dedupe, so that a
delivery retried to another instance is handled once.

The keys, values and scripts are those of the TypeScript package ``@seedance/redis``: Python and Node
processes with the same ``prefix`` share one quota and one dedupe.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import re
import threading
import time
import uuid
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from ._core import logger as sdk_logger
from ._rate_limit import RateLimit

if TYPE_CHECKING:
    import redis

__all__ = ["RedisRateLimitStore", "RedisWebhookIdStore", "connect"]

DEFAULT_PREFIX = "seedance:"

# Merges a reported quota into the shared one (@seedance/redis's script): a later reset is a new
# window and replaces the quota; within a window the lowest `remaining` wins; an older window is
# ignored. The key expires at the reset, and every change is published to the other processes.
MERGE = """
local limit, remaining, reset = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local current = redis.call("GET", KEYS[1])
if current then
  local _, held, heldReset = string.match(current, "^(%d+):(%d+):(%d+)$")
  held, heldReset = tonumber(held), tonumber(heldReset)
  if heldReset > reset or (heldReset == reset and held <= remaining) then return current end
end
local merged = limit .. ":" .. remaining .. ":" .. reset
redis.call("SET", KEYS[1], merged, "PX", math.max(1, reset - tonumber(ARGV[4])))
redis.call("PUBLISH", KEYS[2], merged)
return merged"""

# Deletes a webhook claim only if this store made it: a late release never frees another instance's claim.
RELEASE_OWN = 'if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0'

_QUOTA = re.compile(r"(\d+):(\d+):(\d+)")


def connect(url: str = "redis://127.0.0.1:6379", *, command_timeout: float = 1.0) -> redis.Redis:
    """A redis-py client set up to fail fast (as @seedance/redis's ``createRedisClient``): each command
    and connection attempt gives up after ``command_timeout`` seconds, and nothing is retried, so no
    call of the SDK waits long on an unreachable Redis."""
    import redis as redis_py
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis_py.Redis.from_url(
        url, socket_timeout=command_timeout, socket_connect_timeout=command_timeout, retry=Retry(NoBackoff(), 0)
    )


def _encode(quota: RateLimit) -> tuple[int, int, int]:
    return quota.limit, quota.remaining, round(quota.reset_at.timestamp() * 1000)


def _decode(text: Any) -> RateLimit | None:
    if isinstance(text, bytes):
        text = text.decode("ascii", errors="replace")
    match = _QUOTA.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    limit, remaining, reset_ms = (int(group) for group in match.groups())
    return RateLimit(
        limit=limit, remaining=remaining, reset_at=datetime.fromtimestamp(reset_ms / 1000, tz=timezone.utc)
    )


def _merge(held: RateLimit | None, reported: RateLimit | None) -> RateLimit | None:
    """The quota to keep of two reports: the later window, and within one window the lower ``remaining``."""
    if held is None or reported is None:
        return held or reported
    if held.reset_at > reported.reset_at or (
        held.reset_at == reported.reset_at and held.remaining <= reported.remaining
    ):
        return held
    return reported


class _Outage:
    """Logs the start of an outage once and its end once, however many commands fail in between."""

    def __init__(self, logger: logging.Logger, what: str, fallback: str) -> None:
        self._logger, self._what, self._fallback = logger, what, fallback
        self._down = False

    def down(self, error: BaseException) -> None:
        if not self._down:
            self._down = True
            self._logger.warning("[seedance.redis] %s: %s; %s until Redis is back.", self._what, error, self._fallback)

    def up(self) -> None:
        if self._down:
            self._down = False
            self._logger.info("[seedance.redis] %s: Redis is back.", self._what)


class RedisRateLimitStore:
    """A ``RateLimitStore`` shared through Redis: pass it as ``seedance.Client(rate_limit_store=...)``
    in every process that uses the key (one ``prefix`` per key)::

        store = RedisRateLimitStore(seedance.redis.connect(url), prefix="myapp:")

    ``get`` reads a local copy; reports go to Redis from a background thread, and a second connection
    (a pub/sub subscription) hears the other processes' within milliseconds. When Redis is unreachable
    each process goes on with its own reports (logged once) and rejoins when it is back. Give it a
    client that fails fast (``connect(url)``, or your own with a ``socket_timeout``). ``close()``
    stops both threads; your client stays open.
    """

    def __init__(
        self, client: redis.Redis, *, prefix: str = DEFAULT_PREFIX, logger: logging.Logger | None = None
    ) -> None:
        self._client = client
        self._key = f"{prefix}rate-limit"
        self._channel = f"{prefix}rate-limit:changes"
        self._outage = _Outage(logger or sdk_logger, "rate limits", "each process keeps its own quota")
        self._local: RateLimit | None = None
        self._lock = threading.Lock()
        self._reports: queue.Queue[RateLimit | None] = queue.Queue()
        self._closed = threading.Event()
        self._merge_script = client.register_script(MERGE)
        self._writer = threading.Thread(target=self._write_reports, name="seedance-redis-quota", daemon=True)
        self._writer.start()
        self._listener = threading.Thread(target=self._listen, name="seedance-redis-quota-listener", daemon=True)
        self._listener.start()

    def get(self) -> RateLimit | None:
        return self._local

    def set(self, rate_limit: RateLimit) -> None:
        self._merge_local(rate_limit)
        self._reports.put(rate_limit)

    def close(self) -> None:
        self._closed.set()
        self._reports.put(None)
        self._writer.join(timeout=5)
        self._listener.join(timeout=5)

    def _merge_local(self, reported: RateLimit | None) -> None:
        with self._lock:
            self._local = _merge(self._local, reported)

    def _write_reports(self) -> None:
        while True:
            reported = self._reports.get()
            if reported is None:
                return
            try:
                merged = self._merge_script(
                    keys=[self._key, self._channel], args=[*_encode(reported), int(time.time() * 1000)]
                )
            except Exception as error:
                self._outage.down(error)
                continue
            self._merge_local(_decode(merged))
            self._outage.up()

    def _listen(self) -> None:
        """Subscribes, catches up with what others reported, then merges every published change;
        after an outage, the same again."""
        while not self._closed.is_set():
            pubsub = self._client.pubsub(ignore_subscribe_messages=True)
            try:
                pubsub.subscribe(self._channel)
                self._merge_local(_decode(self._client.get(self._key)))
                self._outage.up()
                while not self._closed.is_set():
                    message = pubsub.get_message(timeout=0.2)
                    if message is not None:
                        self._merge_local(_decode(message.get("data")))
            except Exception as error:
                self._outage.down(error)
                self._closed.wait(0.5)
            finally:
                pubsub.close()


class RedisWebhookIdStore:
    """The webhook handlers' dedupe store on Redis, shared by every instance that receives deliveries.

    ``claim`` is ``SET key owner NX EX ttl``, ``release`` deletes the key if this store still owns it.
    Both raise when Redis cannot be reached: the handler then answers 503, so the sender retries later
    and no delivery is handled twice (it fails closed).
    """

    def __init__(self, client: redis.Redis, *, prefix: str = DEFAULT_PREFIX) -> None:
        self._client = client
        self._prefix = prefix
        self._owner = str(uuid.uuid4())
        self._release_script = client.register_script(RELEASE_OWN)

    def _key(self, webhook_id: str) -> str:
        return f"{self._prefix}webhook:{webhook_id}"

    def claim(self, webhook_id: str, ttl_seconds: int) -> bool:
        try:
            return bool(self._client.set(self._key(webhook_id), self._owner, nx=True, ex=ttl_seconds))
        except Exception:
            # A claim whose answer was lost (a timeout) may still have been made: undo it, so the
            # sender's retry is handled rather than taken for a duplicate.
            with contextlib.suppress(Exception):  # Redis is down: the claim, if made, expires with its TTL
                self.release(webhook_id)
            raise

    def release(self, webhook_id: str) -> None:
        self._release_script(keys=[self._key(webhook_id)], args=[self._owner])
