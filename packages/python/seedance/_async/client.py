"""The Seedance client, written once as ``AsyncClient``; the blocking ``Client`` (seedance/_sync/client.py)
is generated from this file by unasync (scripts/generate_sync.py), so the two cannot drift apart."""

from __future__ import annotations

import time
from asyncio import sleep
from collections.abc import Mapping
from types import TracebackType
from typing import Any

import httpx

from .. import _core
from .._errors import APIConnectionError, APITimeoutError, WaitTimeoutError
from .._generated.models import (
    ImageGenerationResult,
    ImageModel,
    ImageQuality,
    ImageResolution,
    TaskResult,
    TaskStatus,
    VideoGenerationRequestFps,
    VideoModel,
    VideoResolution,
    VideoTask,
)
from .._rate_limit import RateLimit, parse_rate_limit

__all__ = ["AsyncClient"]

TERMINAL_STATES = frozenset({"completed", "failed"})


class AsyncClient:
    """Seedance API client (``AsyncClient``: every method is a coroutine; ``Client``: the same, blocking).

    ``api_key`` defaults to ``$SEEDANCE_API_KEY`` and ``base_url`` to ``$SEEDANCE_BASE_URL`` or
    ``https://api.seedance2api.com``. ``timeout`` (seconds, default 300) bounds each call, retries
    included; ``max_retries`` (default 2) retries 429, 5xx and connection errors with exponential
    backoff and full jitter, honouring ``Retry-After``. ``validate=False`` sends enum values the spec
    does not know (yet), to let the server decide; responses always accept newer values.
    """

    seedream: AsyncSeedream
    seedance: AsyncSeedance
    task: AsyncTasks

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        validate: bool = True,
    ) -> None:
        self._settings = _core.resolve_settings(api_key, base_url, timeout, max_retries, default_headers, validate)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient()
        self._rate_limit: RateLimit | None = None
        self.seedream = AsyncSeedream(self)
        self.seedance = AsyncSeedance(self)
        self.task = AsyncTasks(self)
        self.tasks = self.task

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def rate_limit(self) -> RateLimit | None:
        """The quota reported by the latest response (``X-RateLimit-*``), if any."""
        return self._rate_limit

    def __repr__(self) -> str:
        return _core.client_repr("AsyncClient", self._settings)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _send(self, kwargs: dict[str, Any], timeout: float | None) -> httpx.Response:
        """Sends one logical request, retrying it (same headers, same Idempotency-Key) when allowed."""
        settings = self._settings
        budget = settings.timeout if timeout is None else timeout
        deadline = time.monotonic() + budget
        headers = {**settings.headers, **kwargs.get("headers", {})}
        attempt = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise APITimeoutError(f"{_core.describe(kwargs)} timed out after {budget:g} s")
            try:
                response = await self._http.request(
                    kwargs["method"],
                    settings.base_url + kwargs["url"],
                    json=kwargs.get("json"),
                    headers=headers,
                    timeout=remaining,
                )
            except httpx.TimeoutException:
                raise APITimeoutError(f"{_core.describe(kwargs)} timed out after {budget:g} s") from None
            except httpx.TransportError as exc:
                wait = _core.backoff_delay(attempt)
                if attempt >= settings.max_retries or time.monotonic() + wait >= deadline:
                    raise APIConnectionError(f"{_core.describe(kwargs)} failed: {type(exc).__name__}: {exc}") from None
            else:
                self._rate_limit = parse_rate_limit(response.headers) or self._rate_limit
                delay = None if attempt >= settings.max_retries else _core.retry_delay(response, attempt)
                if delay is None or time.monotonic() + delay >= deadline:
                    return response
                wait = delay
                await response.aclose()
            await sleep(wait)
            attempt += 1


class AsyncSeedream:
    """Seedream image generation (synchronous)."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def generate(
        self,
        prompt: str,
        model: str | ImageModel,
        resolution: str | ImageResolution | None = None,
        quality: str | ImageQuality | None = None,
        num_images: int | None = None,
        seed: int | None = None,
        style: str | None = None,
        webhook_url: str | None = None,
        *,
        idempotency_key: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> ImageGenerationResult:
        """Generates 1-4 images and returns them (``response.images[0].url``)."""
        kwargs = _core.image_request(
            prompt=prompt,
            model=model,
            resolution=resolution,
            quality=quality,
            num_images=num_images,
            seed=seed,
            style=style,
            webhook_url=webhook_url,
            idempotency_key=idempotency_key or _core.new_idempotency_key(),
            validate=self._client._settings.validate,
        )
        response = await self._client._send(_core.merge_headers(kwargs, extra_headers), timeout)
        return _core.unwrap(response, ImageGenerationResult.from_dict)


class AsyncSeedance:
    """Seedance video generation (asynchronous: returns a task)."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def generate(
        self,
        prompt: str,
        model: str | VideoModel,
        duration: int,
        resolution: str | VideoResolution | None = None,
        fps: int | VideoGenerationRequestFps | None = None,
        image_input: str | None = None,
        webhook_url: str | None = None,
        *,
        idempotency_key: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> VideoTask:
        """Queues a video generation and returns the task (``response.task_id``)."""
        kwargs = _core.video_request(
            prompt=prompt,
            model=model,
            duration=duration,
            resolution=resolution,
            fps=fps,
            image_input=image_input,
            webhook_url=webhook_url,
            idempotency_key=idempotency_key or _core.new_idempotency_key(),
            validate=self._client._settings.validate,
        )
        response = await self._client._send(_core.merge_headers(kwargs, extra_headers), timeout)
        return _core.unwrap(response, VideoTask.from_dict)


class AsyncTasks:
    """Status and final results of asynchronous tasks."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def get_status(
        self, task_id: str, *, extra_headers: Mapping[str, str] | None = None, timeout: float | None = None
    ) -> TaskStatus:
        """The task's state: ``.status``, ``.progress``, ``.result.video_url``, ``.error_message``."""
        kwargs = _core.merge_headers(_core.status_request(task_id), extra_headers)
        return _core.unwrap(await self._client._send(kwargs, timeout), TaskStatus.from_dict)

    async def get_result(
        self, task_id: str, *, extra_headers: Mapping[str, str] | None = None, timeout: float | None = None
    ) -> TaskResult:
        """The final outcome of a finished task; ``ConflictError`` while it still runs."""
        kwargs = _core.merge_headers(_core.result_request(task_id), extra_headers)
        return _core.unwrap(await self._client._send(kwargs, timeout), TaskResult.from_dict)

    async def wait_for_completion(
        self,
        task_id: str,
        max_wait_time: float = 300,
        poll_interval: float = 2,
        *,
        extra_headers: Mapping[str, str] | None = None,
    ) -> TaskStatus:
        """Polls the status until it is ``completed`` or ``failed`` and returns that status.

        Polls every ``poll_interval`` seconds at first, then less often (backoff up to 15 s). A state
        newer than the spec counts as still running. Raises ``WaitTimeoutError`` after
        ``max_wait_time`` seconds (the task may still finish).
        """
        deadline = time.monotonic() + max_wait_time
        gaps = _core.poll_gaps(poll_interval)
        last: TaskStatus | None = None
        while True:
            last = await self.get_status(task_id, extra_headers=extra_headers)
            if str(last.status) in TERMINAL_STATES:
                return last
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WaitTimeoutError(task_id, max_wait_time, last)
            await sleep(min(next(gaps), remaining))
