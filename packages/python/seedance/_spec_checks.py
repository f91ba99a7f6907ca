# This file is generated from spec/ by @seedance/codegen (`pnpm generate`). Do not edit it by hand.
"""The spec's checks of each operation's input and success body, as data read by ``seedance._validation``.

A rule lists its constraints first, keyed by the server's names for them (``type``, ``enum``,
``min_length``, ``max_length``, ``regex``, ``format``, ``minimum``, ``maximum``) in the order the server checks
them, each value the limit a ``ValidationError`` reports; then ``properties``, ``required``,
``additional_properties`` and ``items``. Response rules hold only the shape (forward compatible).
"""

from __future__ import annotations

from typing import Any, Final

Rule = dict[str, Any]
"""A schema compiled to data."""
Operation = dict[str, Any]
"""An operation: ``method``, ``path`` (the URL template) and its rules ``check_path``, ``check_headers``, ``check_body``, ``check_response``."""

HEADER_IDEMPOTENCY_KEY: Final[Rule] = {"properties": {"Idempotency-Key": {"type": "string", "min_length": 1, "max_length": 255}}}
REQUEST_PROMPT: Final[Rule] = {"type": "string", "min_length": 1, "max_length": 300}
REQUEST_WEBHOOK_URL: Final[Rule] = {"type": "string", "format": "uri"}
REQUEST_IMAGE_GENERATION_REQUEST: Final[Rule] = {"type": "object", "properties": {"prompt": REQUEST_PROMPT, "model": {"type": "string", "enum": ["seedream-3.0", "seedream-4.0", "seedream-4.5", "seedream-5.0"]}, "resolution": {"type": "string", "enum": ["1024x1024", "2048x2048", "4k"]}, "quality": {"type": "string", "enum": ["standard", "high"]}, "num_images": {"type": "integer", "minimum": 1, "maximum": 4}, "seed": {"type": "integer"}, "style": {"type": "string", "max_length": 64}, "webhook_url": REQUEST_WEBHOOK_URL}, "required": ["prompt", "model"], "additional_properties": False}
STRING_VALUE: Final[Rule] = {"type": "string"}
NUMBER_VALUE: Final[Rule] = {"type": "number"}
RESPONSE_IMAGE_GENERATION_RESPONSE: Final[Rule] = {"type": "object", "properties": {"status": STRING_VALUE, "data": {"type": "object", "properties": {"task_id": STRING_VALUE, "images": {"type": "array", "items": {"type": "object", "properties": {"id": STRING_VALUE, "url": STRING_VALUE, "width": NUMBER_VALUE, "height": NUMBER_VALUE, "format": STRING_VALUE, "size_bytes": NUMBER_VALUE}, "required": ["id", "url"]}}, "model": STRING_VALUE, "resolution": STRING_VALUE, "processing_time_ms": NUMBER_VALUE}, "required": ["task_id", "images", "model"]}}, "required": ["status", "data"]}
REQUEST_VIDEO_GENERATION_REQUEST: Final[Rule] = {"type": "object", "properties": {"prompt": REQUEST_PROMPT, "model": {"type": "string", "enum": ["seedance-1.0", "seedance-1.5-pro", "seedance-2.0"]}, "duration": {"type": "integer", "minimum": 5, "maximum": 30}, "resolution": {"type": "string", "enum": ["720p", "1080p", "4k"]}, "fps": {"type": "integer", "enum": [24, 30, 60]}, "image_input": REQUEST_WEBHOOK_URL, "webhook_url": REQUEST_WEBHOOK_URL}, "required": ["prompt", "model", "duration"], "additional_properties": False}
RESPONSE_VIDEO_GENERATION_RESPONSE: Final[Rule] = {"type": "object", "properties": {"status": STRING_VALUE, "data": {"type": "object", "properties": {"task_id": STRING_VALUE, "status": STRING_VALUE, "estimated_wait_time_seconds": NUMBER_VALUE, "check_status_url": STRING_VALUE}, "required": ["task_id", "status"]}}, "required": ["status", "data"]}
PATH_TASK_ID: Final[Rule] = {"properties": {"task_id": {"type": "string", "min_length": 1, "max_length": 128, "regex": "^[A-Za-z0-9_-]+$"}}, "required": ["task_id"]}
RESPONSE_VIDEO_RESULT: Final[Rule] = {"type": "object", "properties": {"video_url": STRING_VALUE, "duration": NUMBER_VALUE, "resolution": STRING_VALUE}, "required": ["video_url"]}
RESPONSE_TASK_STATUS_RESPONSE: Final[Rule] = {"type": "object", "properties": {"status": STRING_VALUE, "data": {"type": "object", "properties": {"task_id": STRING_VALUE, "status": STRING_VALUE, "progress": NUMBER_VALUE, "created_at": STRING_VALUE, "updated_at": STRING_VALUE, "result": RESPONSE_VIDEO_RESULT, "error_message": STRING_VALUE}, "required": ["task_id", "status", "progress", "created_at", "updated_at"]}}, "required": ["status", "data"]}
RESPONSE_TASK_RESULT_RESPONSE: Final[Rule] = {"type": "object", "properties": {"status": STRING_VALUE, "data": {"type": "object", "properties": {"task_id": STRING_VALUE, "status": STRING_VALUE, "result": RESPONSE_VIDEO_RESULT, "error_message": STRING_VALUE, "completed_at": STRING_VALUE}, "required": ["task_id", "status", "completed_at"]}}, "required": ["status", "data"]}

PATTERNS: Final[dict[str, str]] = {"^[A-Za-z0-9_-]+$": "^[A-Za-z0-9_-]+\\Z"}
"""Each ``regex`` of the rules (as the spec writes it) as a Python pattern of the same meaning, for ``re.ASCII``."""

OPERATIONS: Final[dict[str, Operation]] = {
    "generateImage": {
        "method": "POST",
        "path": "/v1/seedream/generate",
        "check_headers": HEADER_IDEMPOTENCY_KEY,
        "check_body": REQUEST_IMAGE_GENERATION_REQUEST,
        "check_response": RESPONSE_IMAGE_GENERATION_RESPONSE,
    },
    "generateVideo": {
        "method": "POST",
        "path": "/v1/seedance/generate",
        "check_headers": HEADER_IDEMPOTENCY_KEY,
        "check_body": REQUEST_VIDEO_GENERATION_REQUEST,
        "check_response": RESPONSE_VIDEO_GENERATION_RESPONSE,
    },
    "getTaskStatus": {
        "method": "GET",
        "path": "/v1/tasks/{task_id}",
        "check_path": PATH_TASK_ID,
        "check_response": RESPONSE_TASK_STATUS_RESPONSE,
    },
    "getTaskResult": {
        "method": "GET",
        "path": "/v1/results/{task_id}",
        "check_path": PATH_TASK_ID,
        "check_response": RESPONSE_TASK_RESULT_RESPONSE,
    },
}
"""Every operation of the spec by operationId."""
