"""Official Python client for the Seedance API: Seedream images, Seedance videos, tasks and webhooks.

Start with ``seedance.Client()`` (reads ``SEEDANCE_API_KEY``) or ``seedance.AsyncClient()``; see README.md.
"""

__version__ = "0.1.0"

from ._async.client import AsyncClient
from ._core import CompletedTask, FailedTask, FinishedTask, WithResponse
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DestinationExistsError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    ResponseTooLargeError,
    ResponseValidationError,
    SeedanceError,
    ServiceUnavailableError,
    UnexpectedResponseError,
    ValidationError,
    WaitTimeoutError,
    WebhookVerificationError,
)
from ._files import DownloadResult
from ._generated.models import (
    Image,
    ImageGenerationResult,
    TaskCompletedEvent,
    TaskFailedEvent,
    TaskProgressEvent,
    TaskResult,
    TaskState,
    TaskStatus,
    VideoResult,
    VideoTask,
)
from ._rate_limit import MemoryRateLimitStore, RateLimit, RateLimitStore
from ._sanitize import sanitize_server_text
from ._sync.client import Client
from ._validation import validate_operation_request
from ._webhooks import generate_webhook_secret, sign_webhook, verify_webhook

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "CompletedTask",
    "ConflictError",
    "DestinationExistsError",
    "DownloadResult",
    "FailedTask",
    "FinishedTask",
    "Image",
    "ImageGenerationResult",
    "InternalServerError",
    "MemoryRateLimitStore",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RateLimitStore",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SeedanceError",
    "ServiceUnavailableError",
    "TaskCompletedEvent",
    "TaskFailedEvent",
    "TaskProgressEvent",
    "TaskResult",
    "TaskState",
    "TaskStatus",
    "UnexpectedResponseError",
    "ValidationError",
    "VideoResult",
    "VideoTask",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "WithResponse",
    "__version__",
    "generate_webhook_secret",
    "sanitize_server_text",
    "sign_webhook",
    "validate_operation_request",
    "verify_webhook",
]
