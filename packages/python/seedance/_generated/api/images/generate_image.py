from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.image_generation_request import ImageGenerationRequest
from ...models.image_generation_response import ImageGenerationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImageGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/seedream/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ImageGenerationResponse | None:
    if response.status_code == 200:
        response_200 = ImageGenerationResponse.from_dict(response.json())

        return response_200

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
) -> Response[ErrorResponse | ImageGenerationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImageGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | ImageGenerationResponse]:
    """Generate images with Seedream

     Generates 1–4 images from a text prompt with a Seedream model and returns them when done
    (synchronous). Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ImageGenerationRequest): Parameters of a Seedream image generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImageGenerationResponse]
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
    body: ImageGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | ImageGenerationResponse | None:
    """Generate images with Seedream

     Generates 1–4 images from a text prompt with a Seedream model and returns them when done
    (synchronous). Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ImageGenerationRequest): Parameters of a Seedream image generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImageGenerationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImageGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | ImageGenerationResponse]:
    """Generate images with Seedream

     Generates 1–4 images from a text prompt with a Seedream model and returns them when done
    (synchronous). Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ImageGenerationRequest): Parameters of a Seedream image generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImageGenerationResponse]
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
    body: ImageGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | ImageGenerationResponse | None:
    """Generate images with Seedream

     Generates 1–4 images from a text prompt with a Seedream model and returns them when done
    (synchronous). Send an `Idempotency-Key` to make retries safe.

    Args:
        idempotency_key (str | Unset):
        body (ImageGenerationRequest): Parameters of a Seedream image generation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImageGenerationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
