"""The Seedance client, written once as ``AsyncClient``; the blocking ``Client`` (seedance/_sync/client.py)
is generated from this file by unasync (scripts/generate_sync.py), so the two cannot drift apart."""

from __future__ import annotations

import logging
import time
from asyncio import sleep
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Literal, ParamSpec, TypeVar

import httpx

from .. import _core, _instrumentation
from .._errors import APITimeoutError, SeedanceError, WaitTimeoutError
from .._files import DownloadResult
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
from .._instrumentation import Instrumentation
from .._rate_limit import RateLimit, RateLimitStore
from . import _download
from ._transport import AsyncTransport, captured

__all__ = ["AsyncClient"]

P = ParamSpec("P")
T = TypeVar("T")
IdempotencyKey = str | Literal[False] | None
"""A generation's ``Idempotency-Key``: made per call (``None``), given (a string), or none sent (``False``)."""


class AsyncClient:
    """Seedance API client (``AsyncClient``: every method is a coroutine; ``Client``: the same, blocking).

    ``api_key`` defaults to ``$SEEDANCE_API_KEY`` and ``base_url`` to ``$SEEDANCE_BASE_URL`` or
    ``https://api.seedance2api.com``. ``auth_scheme`` sends the key as ``Authorization: Bearer``
    (default) or ``X-API-Key``, or not at all (``"none"``, behind your own proxy that adds it).
    ``timeout`` (seconds, default 300) bounds each call as a whole, retries and slow servers included;
    ``max_retries`` (default 2) retries 429, 5xx and connection errors with exponential backoff and
    full jitter, honouring ``Retry-After``. ``max_response_bytes`` (default 8 MiB, counted after
    decompression) bounds every answer. ``hold_on_rate_limit`` (default on) holds a request while the
    quota is used up instead of spending it on a 429; ``rate_limit_store`` shares the quota between
    processes (``seedance.redis.RedisRateLimitStore``). ``validate=False`` sends values the spec does
    not know (yet), to let the server decide. Log records go to ``logger`` (default ``seedance``).
    ``instrumentation`` is told about every call, attempt, hold, retry, poll and download: pass
    ``seedance.otel.SeedanceInstrumentation()`` for OpenTelemetry spans and metrics.
    """

    seedream: AsyncSeedream
    seedance: AsyncSeedance
    task: AsyncTasks

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        auth_scheme: _core.AuthScheme = "bearer",
        timeout: float | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        validate: bool = True,
        max_response_bytes: int | None = None,
        hold_on_rate_limit: bool = True,
        rate_limit_store: RateLimitStore | None = None,
        logger: logging.Logger | None = None,
        instrumentation: Instrumentation | None = None,
    ) -> None:
        self._settings = _core.resolve_settings(
            api_key,
            base_url,
            auth_scheme=auth_scheme,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            validate=validate,
            max_response_bytes=max_response_bytes,
            hold_on_rate_limit=hold_on_rate_limit,
            rate_limit_store=rate_limit_store,
            logger_=logger,
            instrumentation=instrumentation,
        )
        self._transport = AsyncTransport(self._settings, http_client)
        self._estimates = _core.TaskEstimates()
        self.seedream = AsyncSeedream(self)
        self.task = AsyncTasks(self)
        self.tasks = self.task
        self.seedance = AsyncSeedance(self)

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def rate_limit(self) -> RateLimit | None:
        """The quota as of the latest response (``X-RateLimit-*``), if any."""
        return self._settings.rate_limit_store.get()

    def __repr__(self) -> str:
        return _core.client_repr("AsyncClient", self._settings)

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def with_response(
        self, call: _core.AsyncCall[P, T], /, *args: P.args, **kwargs: P.kwargs
    ) -> _core.WithResponse[T]:
        """Makes ``call(*args, **kwargs)`` (a method of this client) and returns its data together with
        the answer's ``status``, ``headers``, ``request_id`` and ``rate_limit``::

            result = await client.with_response(client.seedream.generate, prompt="A fox", model="seedream-4.5")
        """
        calls: list[_core.RawResponse] = []
        token = captured.set(calls)
        try:
            data = await call(*args, **kwargs)
        finally:
            captured.reset(token)
        if not calls:
            raise SeedanceError(
                "with_response takes a method of this client that calls the API, e.g. client.task.get_status."
            )
        return _core.with_response(data, calls[-1])

    async def download(
        self,
        url: str,
        path: str | Path,
        *,
        overwrite: bool = False,
        sha256: str | None = None,
        timeout: float | None = None,
        idle_timeout: float = _download.DEFAULT_IDLE_TIMEOUT,
        max_resumes: int = 3,
        on_progress: _download.ProgressCallback | None = None,
        task_id: str | None = None,
    ) -> DownloadResult:
        """Saves a result's URL (``done.video_url``, ``image.url``) to ``path``; returns its ``bytes`` and ``sha256``.

        Streams to a temporary file beside ``path`` and renames it into place once complete (and, with
        ``sha256``, verified); a failure leaves any existing file untouched. An existing ``path`` is
        refused (``DestinationExistsError``) unless ``overwrite=True``. ``timeout`` (default: the
        client's) bounds the whole download, ``idle_timeout`` (default 30 s) each wait for data; a
        dropped connection is resumed with a ``Range`` request up to ``max_resumes`` times. No
        credentials are sent with it. ``task_id``, the task whose result this is, links the download
        to it in traces (``seedance.otel``).
        """
        start = _instrumentation.CallStart("download", task_id=task_id, url=url)
        with _instrumentation.observed(self._settings.instrumentation, start) as outcome:
            result = await _download.download(
                self._transport.http,
                self._settings,
                url,
                path,
                overwrite=overwrite,
                sha256=sha256,
                timeout=timeout,
                idle_timeout=idle_timeout,
                max_resumes=max_resumes,
                on_progress=on_progress,
            )
            outcome.task_id = task_id
            outcome.bytes = result.bytes
            return result

    async def _call(
        self,
        request: _core.Request,
        parse: Callable[[dict[str, object]], T],
        timeout: float | None,
        max_retries: int | None,
        task_id: str | None = None,
    ) -> T:
        start = _instrumentation.call_start(request.operation_id, request.body, task_id)
        with _instrumentation.observed(self._settings.instrumentation, start) as outcome:
            raw, data = await self._transport.send(request, timeout=timeout, max_retries=max_retries)
            result = _core.parse_model(self._settings, raw, parse, data)
            created = getattr(result, "task_id", None)
            outcome.task_id = created if isinstance(created, str) else task_id
            return result


class AsyncSeedream:
    """Seedream image generation (synchronous: the images come with the answer)."""

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
        idempotency_key: IdempotencyKey = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
    ) -> ImageGenerationResult:
        """Generates 1-4 images and returns them (``response.images[0].url``)."""
        body = _core.json_body(
            prompt=prompt,
            model=model,
            resolution=resolution,
            quality=quality,
            num_images=num_images,
            seed=seed,
            style=style,
            webhook_url=webhook_url,
        )
        request = _core.build_request(
            "generateImage",
            body=body,
            idempotency_key=idempotency_key,
            extra_headers=extra_headers,
            validate=self._client._settings.validate,
        )
        return await self._client._call(request, ImageGenerationResult.from_dict, timeout, max_retries)


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
        idempotency_key: IdempotencyKey = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
    ) -> VideoTask:
        """Queues a video generation and returns the task (``response.task_id``)."""
        body = _core.json_body(
            prompt=prompt,
            model=model,
            duration=duration,
            resolution=resolution,
            fps=fps,
            image_input=image_input,
            webhook_url=webhook_url,
        )
        request = _core.build_request(
            "generateVideo",
            body=body,
            idempotency_key=idempotency_key,
            extra_headers=extra_headers,
            validate=self._client._settings.validate,
        )
        task = await self._client._call(request, VideoTask.from_dict, timeout, max_retries)
        self._client._estimates.remember(task.task_id, task.estimated_wait_time_seconds)
        return task

    async def generate_and_wait(
        self,
        prompt: str,
        model: str | VideoModel,
        duration: int,
        resolution: str | VideoResolution | None = None,
        fps: int | VideoGenerationRequestFps | None = None,
        image_input: str | None = None,
        webhook_url: str | None = None,
        *,
        on_task_created: Callable[[str], object] | None = None,
        max_wait_time: float = 300,
        poll_interval: float = 2,
        on_progress: Callable[[TaskStatus], object] | None = None,
        idempotency_key: IdempotencyKey = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> _core.FinishedTask:
        """Queues a video and waits for it to finish: ``generate`` then ``task.wait_for_completion``.
        ``on_task_created`` gets the task id as soon as the task exists (persist it to resume after a crash)."""
        start = _instrumentation.call_start("generateAndWait", _core.json_body(model=model, prompt=prompt))
        with _instrumentation.observed(self._client._settings.instrumentation, start) as outcome:
            task = await self.generate(
                prompt,
                model,
                duration,
                resolution,
                fps,
                image_input,
                webhook_url,
                idempotency_key=idempotency_key,
                extra_headers=extra_headers,
            )
            outcome.task_id = task.task_id
            if on_task_created is not None:
                on_task_created(task.task_id)
            done = await self._client.task.wait_for_completion(
                task.task_id, max_wait_time, poll_interval, on_progress=on_progress, extra_headers=extra_headers
            )
            outcome.state = str(done.status)
            outcome.video_url = done.video_url if isinstance(done, _core.CompletedTask) else None
            return done


class AsyncTasks:
    """Status, final results and waiting for asynchronous tasks."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def get_status(
        self,
        task_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
    ) -> TaskStatus:
        """The task's state: ``.status``, ``.progress``, ``.result`` (``None`` until completed), ``.error_message``."""
        return await self._read("getTaskStatus", task_id, TaskStatus.from_dict, extra_headers, timeout, max_retries)

    async def get_result(
        self,
        task_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
    ) -> TaskResult:
        """The final outcome of a finished task; ``ConflictError`` while it still runs."""
        return await self._read("getTaskResult", task_id, TaskResult.from_dict, extra_headers, timeout, max_retries)

    async def _read(
        self,
        operation_id: str,
        task_id: str,
        parse: Callable[[dict[str, object]], T],
        extra_headers: Mapping[str, str] | None,
        timeout: float | None,
        max_retries: int | None,
    ) -> T:
        request = _core.build_request(
            operation_id,
            path={"task_id": task_id},
            extra_headers=extra_headers,
            validate=self._client._settings.validate,
        )
        return await self._client._call(request, parse, timeout, max_retries, task_id)

    def watch(
        self,
        task_id: str,
        max_wait_time: float = 300,
        poll_interval: float = 2,
        *,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[TaskStatus]:
        """Yields the task's status each time it (or its progress) changes; the last one is terminal.

        The first poll comes when the server expects the task to be done (for a task this client
        created), then every ``poll_interval`` seconds at first and less often later (backoff up to
        15 s). A state newer than the spec counts as still running. Raises ``WaitTimeoutError`` after
        ``max_wait_time`` seconds (the task may still finish).
        """
        return self._watch(task_id, max_wait_time, poll_interval, extra_headers, None)

    async def _watch(
        self,
        task_id: str,
        max_wait_time: float,
        poll_interval: float,
        extra_headers: Mapping[str, str] | None,
        observer: _instrumentation.CallObserver | None,
    ) -> AsyncIterator[TaskStatus]:
        """``watch``, telling ``observer`` (a wait's) about every poll."""
        deadline = time.monotonic() + max_wait_time
        delay = self._client._estimates.first_poll_delay(task_id)
        gaps = _core.poll_gaps(poll_interval)
        last: TaskStatus | None = None
        while True:
            pause = min(delay, deadline - time.monotonic())
            if pause > 0:
                await sleep(pause)
            try:
                status = await self.get_status(
                    task_id, extra_headers=extra_headers, timeout=max(0.001, deadline - time.monotonic())
                )
            except APITimeoutError:
                # A poll cut short by the end of the wait is the wait timing out, not the API.
                if time.monotonic() >= deadline:
                    raise WaitTimeoutError(task_id, max_wait_time, last) from None
                raise
            if observer:
                observer.poll(str(status.status), status.progress)
            if last is None or status.status != last.status or status.progress != last.progress:
                yield status
            last = status
            if _core.is_finished(status):
                return
            if time.monotonic() >= deadline:
                raise WaitTimeoutError(task_id, max_wait_time, last)
            delay = next(gaps)

    async def wait_for_completion(
        self,
        task_id: str,
        max_wait_time: float = 300,
        poll_interval: float = 2,
        *,
        on_progress: Callable[[TaskStatus], object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> _core.FinishedTask:
        """Polls (as ``watch`` does) until the task is ``completed`` or ``failed`` and returns it:
        ``done.video_url`` once ``done.status == "completed"``, else ``done.error_message``.
        ``on_progress`` is called with each change of status or progress."""
        start = _instrumentation.CallStart("waitForCompletion", task_id=task_id)
        with _instrumentation.observed(self._client._settings.instrumentation, start) as outcome:
            observer = _instrumentation.current() if self._client._settings.instrumentation else None
            last: TaskStatus | None = None
            async for status in self._watch(task_id, max_wait_time, poll_interval, extra_headers, observer):
                if on_progress is not None:
                    on_progress(status)
                last = status
            assert last is not None  # watch ends only on a terminal status
            done = _core.finished(self._client._settings, last)
            outcome.task_id = task_id
            outcome.state = str(done.status)
            outcome.video_url = done.video_url if isinstance(done, _core.CompletedTask) else None
            return done
