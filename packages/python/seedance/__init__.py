"""Official Python client for the Seedance API: Seedream images, Seedance videos, tasks and webhooks.

Start with ``seedance.Client()`` (reads ``SEEDANCE_API_KEY``) or ``seedance.AsyncClient()``; see README.md.
"""

__version__ = "0.1.0"

from ._async.client import AsyncClient
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    SeedanceError,
    ServiceUnavailableError,
    ValidationError,
    WaitTimeoutError,
    WebhookVerificationError,
)
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
from ._rate_limit import RateLimit
from ._sync.client import Client
from ._webhooks import sign_webhook, verify_webhook

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "Image",
    "ImageGenerationResult",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "ResponseValidationError",
    "SeedanceError",
    "ServiceUnavailableError",
    "TaskCompletedEvent",
    "TaskFailedEvent",
    "TaskProgressEvent",
    "TaskResult",
    "TaskState",
    "TaskStatus",
    "ValidationError",
    "VideoResult",
    "VideoTask",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "__version__",
    "sign_webhook",
    "verify_webhook",
]
