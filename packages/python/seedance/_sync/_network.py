# This file is generated from seedance/_async/_network.py by unasync (scripts/generate_sync.py). Do not edit.
"""The SDK's own connections: httpx over an httpcore network backend that caps every connect, read
and write by the call's deadline (seedance/_deadline.py), so a server that drips its headers or its
body cannot stretch a call past its ``timeout``."""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from functools import cache
from typing import Any

import httpcore
import httpx

from .._deadline import bounded

__all__ = ["SyncDeadlineBackend", "new_http_client"]


class SyncDeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, bounded(timeout, httpcore.ConnectTimeout))
        return SyncDeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class SyncDeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host,
            port,
            timeout=bounded(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return SyncDeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(
            path, timeout=bounded(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return SyncDeadlineStream(stream)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


@cache
def _tls() -> ssl.SSLContext:
    # Loading the CA bundle costs ~0.1 s of CPU: once per process, not once per client.
    return httpx.create_ssl_context()


def new_http_client() -> httpx.Client:
    """An httpx client whose connections honour the call's deadline. (httpx takes no network backend,
    so its transport's connection pool is given one; ``_pool`` has been that pool since httpx 0.18.)"""
    transport = httpx.HTTPTransport(verify=_tls())
    pool = transport._pool
    if isinstance(pool, httpcore.ConnectionPool):
        pool._network_backend = SyncDeadlineBackend()
    return httpx.Client(transport=transport, follow_redirects=False)
