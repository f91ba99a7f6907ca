"""seedance.redis against a real redis-server: the quota shared by two clients (once one is told
``remaining: 0``, the other holds too), the webhook dedupe shared by two handlers, and both
interoperable with the TypeScript package @seedance/redis (same keys, values and scripts)."""

from __future__ import annotations

import io
import json
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler

import pytest
import redis
from conftest import REPO, LocalServer, free_port, json_response, run_node

import seedance
from seedance.redis import MERGE, RELEASE_OWN, RedisRateLimitStore, RedisWebhookIdStore, connect
from seedance.webhooks import WSGIWebhookHandler

KEY = "sk-test-redis"
STATUS = {
    "status": "success",
    "data": {
        "task_id": "task-1",
        "status": "processing",
        "progress": 5,
        "created_at": "2024-01-15T10:30:00Z",
        "updated_at": "2024-01-15T10:30:00Z",
    },
}


def eventually(check: object, timeout: float = 3) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not within the time limit"
        time.sleep(0.02)


def test_two_clients_share_one_quota_and_hold_together(redis_url: str) -> None:
    reset = int(time.time()) + 2

    def handler(_: BaseHTTPRequestHandler, attempt: int) -> tuple[int, dict[str, str], bytes]:
        remaining = "0" if attempt == 1 else "9"
        quota = {"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": remaining, "X-RateLimit-Reset": str(reset)}
        return json_response(200, STATUS, quota)

    first = RedisRateLimitStore(connect(redis_url), prefix="share:")
    second = RedisRateLimitStore(connect(redis_url), prefix="share:")
    try:
        with LocalServer(handler) as server:
            seedance.Client(api_key=KEY, base_url=server.url, rate_limit_store=first).task.get_status("task-1")
            eventually(lambda: second.get() is not None and second.get().remaining == 0)  # type: ignore[union-attr]
            other = seedance.Client(api_key=KEY, base_url=server.url, rate_limit_store=second)
            other.task.get_status("task-1")  # held by what the first client was told
            assert server.requests[1]["at"] >= reset
    finally:
        first.close()
        second.close()


def test_two_handlers_share_one_dedupe(redis_url: str) -> None:
    secret = seedance.generate_webhook_secret()
    body = json.dumps({"event": "task.completed", "data": {"task_id": "task-1"}})
    headers = seedance.sign_webhook(body, secret)
    handled: list[str] = []
    instances = [
        WSGIWebhookHandler(
            secret, lambda event, delivery: handled.append(delivery.id), store=RedisWebhookIdStore(connect(redis_url))
        )
        for _ in range(2)
    ]
    statuses: list[str] = []
    for instance in instances:
        environ = {
            "REQUEST_METHOD": "POST",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body.encode()),
            **{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()},
        }
        instance(environ, lambda status, _: statuses.append(status))
    assert statuses == ["204 No Content", "204 No Content"]
    assert handled == [headers["webhook-id"]]  # once, although both instances received it


def test_an_unreachable_redis_fails_closed_and_the_quota_falls_back_to_this_process() -> None:
    down = connect(f"redis://127.0.0.1:{free_port()}", command_timeout=0.2)
    with pytest.raises(redis.ConnectionError):
        RedisWebhookIdStore(down).claim("msg_1", 60)
    store = RedisRateLimitStore(down, prefix="down:")
    try:
        quota = seedance.RateLimit(limit=10, remaining=3, reset_at=datetime.now(tz=timezone.utc))
        store.set(quota)
        assert store.get() == quota
    finally:
        store.close()


INTEROP = """
import { once } from "node:events";
import { createRedisClient, createRedisRateLimitStore, createRedisWebhookIdStore } from "./dist/index.js";
const { url, prefix } = JSON.parse(process.argv[1]);
const redis = createRedisClient(url);
await once(redis, "ready");
const store = createRedisRateLimitStore(redis, { prefix, logger: { warn() {}, info() {} } });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
for (let i = 0; i < 100 && !store.get(); i++) await sleep(20);
const seen = store.get();
store.set({ limit: 10, remaining: 1, resetAt: new Date(seen.resetAt.getTime() + 60_000) });
const ids = createRedisWebhookIdStore(redis, { prefix });
const claims = [await ids.claim("from-python", 60), await ids.claim("from-node", 60)];
await sleep(200);
console.log(JSON.stringify({ seen: { ...seen, resetAt: seen.resetAt.getTime() }, claims }));
await store.close();
redis.disconnect();
"""


def test_python_and_node_processes_share_the_quota_and_the_dedupe(redis_url: str) -> None:
    if not (REPO / "packages" / "redis" / "dist" / "index.js").exists():
        pytest.fail("packages/redis is not built: run `pnpm build`")
    prefix = "interop:"
    client = connect(redis_url)
    store = RedisRateLimitStore(client, prefix=prefix)
    try:
        reset = datetime.fromtimestamp(int(time.time()) + 5, tz=timezone.utc)
        store.set(seedance.RateLimit(limit=10, remaining=0, reset_at=reset))
        ids = RedisWebhookIdStore(client, prefix=prefix)
        assert ids.claim("from-python", 60)
        out = json.loads(
            run_node(INTEROP, cwd=REPO / "packages" / "redis", args=[json.dumps({"url": redis_url, "prefix": prefix})])
        )
        assert out["seen"] == {"limit": 10, "remaining": 0, "resetAt": int(reset.timestamp() * 1000)}
        assert out["claims"] == [False, True]  # Python's claim holds in Node, and Node's in Python
        assert not ids.claim("from-node", 60)
        eventually(lambda: store.get() is not None and store.get().remaining == 1)  # type: ignore[union-attr]
    finally:
        store.close()


def test_the_scripts_are_seedance_redis_s_to_the_letter() -> None:
    source = REPO / "packages" / "redis" / "src"
    assert MERGE in (source / "rate-limit-store.ts").read_text()
    assert RELEASE_OWN in (source / "webhook-id-store.ts").read_text()
