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

__all__ = ["AsyncDeadlineBackend", "new_http_client"]


class AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, bounded(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, bounded(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        tls = await self._inner.start_tls(ssl_context, server_hostname, bounded(timeout, httpcore.ConnectTimeout))
        return AsyncDeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(
            host,
            port,
            timeout=bounded(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return AsyncDeadlineStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_unix_socket(
            path, timeout=bounded(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return AsyncDeadlineStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@cache
def _tls() -> ssl.SSLContext:
    # Loading the CA bundle costs ~0.1 s of CPU: once per process, not once per client.
    return httpx.create_ssl_context()


def new_http_client() -> httpx.AsyncClient:
    """An httpx client whose connections honour the call's deadline. (httpx takes no network backend,
    so its transport's connection pool is given one; ``_pool`` has been that pool since httpx 0.18.)"""
    transport = httpx.AsyncHTTPTransport(verify=_tls())
    pool = transport._pool
    if isinstance(pool, httpcore.AsyncConnectionPool):
        pool._network_backend = AsyncDeadlineBackend()
    return httpx.AsyncClient(transport=transport, follow_redirects=False)
