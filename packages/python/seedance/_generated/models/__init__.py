"""Contains all the data models used in inputs/outputs"""

from .error_code import ErrorCode
from .error_details import ErrorDetails
from .error_response import ErrorResponse
from .error_response_error import ErrorResponseError
from .error_response_status import ErrorResponseStatus
from .image import Image
from .image_generation_request import ImageGenerationRequest
from .image_generation_response import ImageGenerationResponse
from .image_generation_response_status import ImageGenerationResponseStatus
from .image_generation_result import ImageGenerationResult
from .image_model import ImageModel
from .image_quality import ImageQuality
from .image_resolution import ImageResolution
from .task_completed_event import TaskCompletedEvent
from .task_completed_event_event import TaskCompletedEventEvent
from .task_failed_event import TaskFailedEvent
from .task_failed_event_event import TaskFailedEventEvent
from .task_progress_event import TaskProgressEvent
from .task_progress_event_event import TaskProgressEventEvent
from .task_result import TaskResult
from .task_result_response import TaskResultResponse
from .task_result_response_status import TaskResultResponseStatus
from .task_result_status import TaskResultStatus
from .task_state import TaskState
from .task_status import TaskStatus
from .task_status_response import TaskStatusResponse
from .task_status_response_status import TaskStatusResponseStatus
from .video_generation_request import VideoGenerationRequest
from .video_generation_request_fps import VideoGenerationRequestFps
from .video_generation_response import VideoGenerationResponse
from .video_generation_response_status import VideoGenerationResponseStatus
from .video_model import VideoModel
from .video_resolution import VideoResolution
from .video_result import VideoResult
from .video_task import VideoTask
from .video_task_status import VideoTaskStatus
from .webhook_task_data import WebhookTaskData

__all__ = (
    "ErrorCode",
    "ErrorDetails",
    "ErrorResponse",
    "ErrorResponseError",
    "ErrorResponseStatus",
    "Image",
    "ImageGenerationRequest",
    "ImageGenerationResponse",
    "ImageGenerationResponseStatus",
    "ImageGenerationResult",
    "ImageModel",
    "ImageQuality",
    "ImageResolution",
    "TaskCompletedEvent",
    "TaskCompletedEventEvent",
    "TaskFailedEvent",
    "TaskFailedEventEvent",
    "TaskProgressEvent",
    "TaskProgressEventEvent",
    "TaskResult",
    "TaskResultResponse",
    "TaskResultResponseStatus",
    "TaskResultStatus",
    "TaskState",
    "TaskStatus",
    "TaskStatusResponse",
    "TaskStatusResponseStatus",
    "VideoGenerationRequest",
    "VideoGenerationRequestFps",
    "VideoGenerationResponse",
    "VideoGenerationResponseStatus",
    "VideoModel",
    "VideoResolution",
    "VideoResult",
    "VideoTask",
    "VideoTaskStatus",
    "WebhookTaskData",
)
