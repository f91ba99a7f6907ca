"""The ASGI and WSGI webhook handlers, each behind a real server (uvicorn; werkzeug, as Flask runs it):
verified deliveries handled once, retries deduplicated, bad ones refused with the TypeScript handlers'
answers, and a sender that drips its body cut off at the read deadline with 408."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from conftest import free_port
from werkzeug.serving import make_server

import seedance
from seedance.webhooks import ASGIWebhookHandler, MemoryWebhookIdStore, WebhookDelivery, WSGIWebhookHandler

SECRET = seedance.generate_webhook_secret()
EVENT = json.dumps({"event": "task.completed", "timestamp": "2024-01-15T10:35:00Z", "data": {"task_id": "task-1"}})


class Receiver:
    def __init__(self) -> None:
        self.events: list[tuple[dict[str, Any], WebhookDelivery]] = []
        self.errors: list[BaseException] = []
        self.fail_next = False

    def on_event(self, event: dict[str, Any], delivery: WebhookDelivery) -> None:
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("the app's handler failed")
        self.events.append((event, delivery))


def serve_asgi(app: ASGIWebhookHandler) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=5)


def serve_wsgi(app: WSGIWebhookHandler) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join(timeout=5)


Factory = Callable[..., Any]
SERVERS = [
    pytest.param((ASGIWebhookHandler, serve_asgi), id="asgi"),
    pytest.param((WSGIWebhookHandler, serve_wsgi), id="wsgi"),
]


@pytest.fixture(params=SERVERS)
def endpoint(request: pytest.FixtureRequest) -> Iterator[Callable[..., str]]:
    handler_class, serve = request.param
    running: list[Iterator[str]] = []

    def start(receiver: Receiver, **options: Any) -> str:
        app = handler_class(SECRET, receiver.on_event, on_error=receiver.errors.append, **options)
        running.append(serve(app))
        return next(running[-1])

    yield start
    for server in running:
        next(server, None)


def post(url: str, body: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(url, content=body, headers={"content-type": "application/json", **headers}, timeout=5)


def test_a_delivery_is_handled_once_and_its_retries_are_acknowledged(endpoint: Callable[..., str]) -> None:
    receiver = Receiver()
    url = endpoint(receiver)
    headers = seedance.sign_webhook(EVENT, SECRET)
    assert post(url, EVENT, headers).status_code == 204
    assert post(url, EVENT, headers).status_code == 204  # Seedance retried: acknowledged, not handled again
    assert [(event["data"]["task_id"], delivery.id) for event, delivery in receiver.events] == [
        ("task-1", headers["webhook-id"])
    ]


def test_bad_deliveries_get_the_typescript_handlers_answers(endpoint: Callable[..., str]) -> None:
    receiver = Receiver()
    url = endpoint(receiver, max_body_bytes=1000)
    headers = seedance.sign_webhook(EVENT, SECRET)
    tampered = post(url, EVENT.replace("task-1", "task-2"), headers)
    assert (tampered.status_code, tampered.json()) == (400, {"error": "invalid_signature"})
    assert SECRET not in tampered.text
    assert httpx.get(url, timeout=5).status_code == 405
    big = "x" * 2000
    assert post(url, big, seedance.sign_webhook(big, SECRET)).status_code == 413
    not_json = "not json"
    assert post(url, not_json, seedance.sign_webhook(not_json, SECRET)).json() == {"error": "invalid_payload"}
    assert receiver.events == [] and len(receiver.errors) == 2  # why: to on_error, not to the sender


def test_a_handler_that_raises_gets_500_and_the_retry_is_handled(endpoint: Callable[..., str]) -> None:
    receiver = Receiver()
    receiver.fail_next = True
    url = endpoint(receiver)
    headers = seedance.sign_webhook(EVENT, SECRET)
    assert post(url, EVENT, headers).json() == {"error": "handler_failed"}
    assert post(url, EVENT, headers).status_code == 204
    assert len(receiver.events) == 1


def test_an_unreachable_store_fails_closed_with_503(endpoint: Callable[..., str]) -> None:
    class Down(MemoryWebhookIdStore):
        def claim(self, webhook_id: str, ttl_seconds: int) -> bool:
            raise ConnectionError("Redis is down")

    receiver = Receiver()
    url = endpoint(receiver, store=Down())
    assert post(url, EVENT, seedance.sign_webhook(EVENT, SECRET)).json() == {"error": "store_unavailable"}
    assert receiver.events == []


def test_a_sender_dripping_its_body_is_cut_off_at_the_read_deadline_with_408(endpoint: Callable[..., str]) -> None:
    receiver = Receiver()
    url = endpoint(receiver, read_timeout=1)
    port = int(url.rsplit(":", 1)[1].strip("/"))
    headers = seedance.sign_webhook(EVENT, SECRET)
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        sock.sendall(f"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {len(EVENT)}\r\n{head}\r\n".encode())
        answer = b""
        for char in EVENT:
            try:
                sock.sendall(char.encode())
            except OSError:
                break
            sock.settimeout(0.2)
            try:
                answer += sock.recv(4096)
            except TimeoutError:
                continue
            if answer:
                break
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert time.monotonic() - started < 2.5
    assert receiver.events == []
