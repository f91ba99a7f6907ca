from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.video_generation_request import VideoGenerationRequest
from ...models.video_generation_response import VideoGenerationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/seedance/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | VideoGenerationResponse | None:
    if response.status_code == 202:
        response_202 = VideoGenerationResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | VideoGenerationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | VideoGenerationResponse]:
    """Generate a video with Seedance

     Queues a video generation (text-to-video, or image-to-video with `image_input`) and answers at
    once with a task. Follow the task with `GET /v1/tasks/{task_id}` — first after
    `estimated_wait_time_seconds`, then with backoff — or receive `task.*` webhooks at `webhook_url`.
    Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (VideoGenerationRequest): Parameters of a Seedance video generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoGenerationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: VideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | VideoGenerationResponse | None:
    """Generate a video with Seedance

     Queues a video generation (text-to-video, or image-to-video with `image_input`) and answers at
    once with a task. Follow the task with `GET /v1/tasks/{task_id}` — first after
    `estimated_wait_time_seconds`, then with backoff — or receive `task.*` webhooks at `webhook_url`.
    Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (VideoGenerationRequest): Parameters of a Seedance video generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoGenerationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | VideoGenerationResponse]:
    """Generate a video with Seedance

     Queues a video generation (text-to-video, or image-to-video with `image_input`) and answers at
    once with a task. Follow the task with `GET /v1/tasks/{task_id}` — first after
    `estimated_wait_time_seconds`, then with backoff — or receive `task.*` webhooks at `webhook_url`.
    Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (VideoGenerationRequest): Parameters of a Seedance video generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoGenerationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: VideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | VideoGenerationResponse | None:
    """Generate a video with Seedance

     Queues a video generation (text-to-video, or image-to-video with `image_input`) and answers at
    once with a task. Follow the task with `GET /v1/tasks/{task_id}` — first after
    `estimated_wait_time_seconds`, then with backoff — or receive `task.*` webhooks at `webhook_url`.
    Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (VideoGenerationRequest): Parameters of a Seedance video generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoGenerationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
