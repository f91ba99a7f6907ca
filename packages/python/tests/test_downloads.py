"""client.download(): a temporary file renamed into place, never an existing file destroyed or a link
followed, sha256 verified, bounded in time (timeout and idle_timeout), resumed with Range, and sent
without credentials."""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import seedance

KEY = "sk-test-downloads"
VIDEO = os.urandom(200_000)
Behaviour = Callable[[BaseHTTPRequestHandler, int], None]


class MediaHost:
    """A loopback media host whose n-th request is answered by ``behaviour(handler, n)``."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.requests: list[dict[str, str]] = []
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host.requests.append(dict(self.headers))
                behaviour(self, len(host.requests))

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/videos/v.mp4"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def media() -> Iterator[Callable[[Behaviour], MediaHost]]:
    hosts: list[MediaHost] = []

    def start(behaviour: Behaviour) -> MediaHost:
        hosts.append(MediaHost(behaviour))
        return hosts[-1]

    yield start
    for host in hosts:
        host.close()


def whole(handler: BaseHTTPRequestHandler, _: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", str(len(VIDEO)))
    handler.end_headers()
    handler.wfile.write(VIDEO)


def client() -> seedance.Client:
    return seedance.Client(api_key=KEY, base_url="http://127.0.0.1:9")


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


def test_streams_to_the_path_verifies_sha256_and_sends_no_credentials(media: Any, tmp_path: Path) -> None:
    host = media(whole)
    target = tmp_path / "out.mp4"
    progress: list[int] = []
    result = client().download(
        host.url,
        target,
        sha256=hashlib.sha256(VIDEO).hexdigest(),
        on_progress=lambda done, total: progress.append(done),
    )
    assert target.read_bytes() == VIDEO and result.bytes == len(VIDEO)
    assert result.sha256 == hashlib.sha256(VIDEO).hexdigest() and progress[-1] == len(VIDEO)
    assert "Authorization" not in host.requests[0] and "X-API-Key" not in host.requests[0]
    assert leftovers(tmp_path) == []


def test_a_failure_leaves_an_existing_file_untouched_and_no_temporary_file(media: Any, tmp_path: Path) -> None:
    def broken(handler: BaseHTTPRequestHandler, _: int) -> None:
        handler.send_response(500)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    target = tmp_path / "out.mp4"
    target.write_bytes(b"precious")
    with pytest.raises(seedance.SeedanceError, match="HTTP 500"):
        client().download(media(broken).url, target, overwrite=True)
    with pytest.raises(seedance.SeedanceError, match="sha256"):
        client().download(media(whole).url, target, overwrite=True, sha256="0" * 64)
    assert target.read_bytes() == b"precious" and leftovers(tmp_path) == []


def test_an_existing_target_or_symlink_is_refused_unless_overwrite(media: Any, tmp_path: Path) -> None:
    host = media(whole)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not yours")
    link = tmp_path / "link.mp4"
    link.symlink_to(outside)
    existing = tmp_path / "existing.mp4"
    existing.write_bytes(b"keep")
    for target in (link, existing):
        with pytest.raises(seedance.DestinationExistsError, match="overwrite=True") as info:
            client().download(host.url, target)
        assert info.value.path == str(target) and isinstance(info.value, FileExistsError)
    assert host.requests == []  # refused before any request
    client().download(host.url, link, overwrite=True)
    assert not link.is_symlink() and link.read_bytes() == VIDEO  # the link was replaced, not followed
    assert outside.read_bytes() == b"not yours"


def test_a_dropped_connection_resumes_with_range(media: Any, tmp_path: Path) -> None:
    def flaky(handler: BaseHTTPRequestHandler, attempt: int) -> None:
        if attempt == 1:
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(VIDEO)))
            handler.end_headers()
            handler.wfile.write(VIDEO[:70_000])
            handler.wfile.flush()
            handler.connection.close()
            return
        start = int(handler.headers["Range"].removeprefix("bytes=").rstrip("-"))
        handler.send_response(206)
        handler.send_header("Content-Range", f"bytes {start}-{len(VIDEO) - 1}/{len(VIDEO)}")
        handler.send_header("Content-Length", str(len(VIDEO) - start))
        handler.end_headers()
        handler.wfile.write(VIDEO[start:])

    host = media(flaky)
    result = client().download(host.url, tmp_path / "v.mp4", sha256=hashlib.sha256(VIDEO).hexdigest())
    assert result.bytes == len(VIDEO) and (tmp_path / "v.mp4").read_bytes() == VIDEO
    assert host.requests[1]["Range"].startswith("bytes=") and host.requests[1]["Range"] != "bytes=0-"


def dripping(handler: BaseHTTPRequestHandler, _: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    try:
        for _byte in range(1000):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass


def stalled(handler: BaseHTTPRequestHandler, _: int) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    time.sleep(3)


def test_timeout_bounds_the_whole_download_and_idle_timeout_each_wait(media: Any, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(seedance.APITimeoutError, match="timed out after 1 s"):
        client().download(media(dripping).url, tmp_path / "a.mp4", timeout=1)
    assert time.monotonic() - started < 1.8

    async def idle() -> None:
        async with seedance.AsyncClient(api_key=KEY, base_url="http://127.0.0.1:9") as aclient:
            with pytest.raises(seedance.APITimeoutError, match="idle_timeout"):
                await aclient.download(media(stalled).url, tmp_path / "b.mp4", idle_timeout=0.5)

    started = time.monotonic()
    asyncio.run(idle())
    assert time.monotonic() - started < 1.5
    assert leftovers(tmp_path) == [] and not (tmp_path / "a.mp4").exists()
