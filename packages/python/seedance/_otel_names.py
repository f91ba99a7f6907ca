# Generated from packages/otel/src/names.json by scripts/generate_otel_names.py. Do not edit.
"""The telemetry names, shared with TypeScript's @seedance/otel."""

import json
from typing import Any, Final

NAMES: Final[dict[str, Any]] = json.loads(r"""{
  "$comment": "The span, event, attribute and metric names of @seedance/otel and seedance.otel (Python): the one list both emit. Python's copy is generated from it (packages/python/scripts/generate_otel_names.py).",
  "attemptSpan": "{http.request.method}",
  "attributes": {
    "bytes": "seedance.download.bytes",
    "durationMs": "seedance.duration_ms",
    "errorType": "error.type",
    "genAiModel": "gen_ai.request.model",
    "genAiOperation": "gen_ai.operation.name",
    "genAiProvider": "gen_ai.provider.name",
    "httpMethod": "http.request.method",
    "httpStatus": "http.response.status_code",
    "operation": "seedance.operation",
    "prompt": "seedance.prompt",
    "rateLimitRemaining": "seedance.rate_limit.remaining",
    "resendCount": "http.request.resend_count",
    "serverAddress": "server.address",
    "serverPort": "server.port",
    "taskId": "seedance.task.id",
    "taskProgress": "seedance.task.progress",
    "taskState": "seedance.task.state",
    "url": "url.full"
  },
  "events": {
    "hold": "seedance.rate_limit.hold",
    "poll": "seedance.poll",
    "retry": "seedance.retry"
  },
  "genAiOperations": {
    "generateAndWait": "video_generation",
    "generateImage": "image_generation",
    "generateVideo": "video_generation"
  },
  "genAiProvider": "seedance",
  "instrumentationScope": "seedance",
  "metrics": {
    "callDuration": {
      "description": "How long logical calls take, retries, holds and waits included.",
      "kind": "histogram",
      "name": "seedance.client.call.duration",
      "unit": "s"
    },
    "calls": {
      "description": "Logical calls, by operation and outcome.",
      "kind": "counter",
      "name": "seedance.client.calls",
      "unit": "{call}"
    },
    "holdDuration": {
      "description": "How long requests were held for the rate-limit quota.",
      "kind": "histogram",
      "name": "seedance.client.rate_limit.hold.duration",
      "unit": "s"
    },
    "holds": {
      "description": "Requests held until the rate-limit quota reset.",
      "kind": "counter",
      "name": "seedance.client.rate_limit.holds",
      "unit": "{hold}"
    },
    "quotaRemaining": {
      "description": "The quota left, as the latest X-RateLimit-Remaining reported.",
      "kind": "gauge",
      "name": "seedance.client.rate_limit.remaining",
      "unit": "{request}"
    },
    "rateLimited": {
      "description": "429 responses.",
      "kind": "counter",
      "name": "seedance.client.rate_limited",
      "unit": "{response}"
    },
    "requestDuration": {
      "description": "How long each HTTP attempt takes.",
      "kind": "histogram",
      "name": "http.client.request.duration",
      "unit": "s"
    }
  },
  "spans": {
    "download": "seedance.download",
    "generateAndWait": "seedance.generateAndWait",
    "generateImage": "seedance.generateImage",
    "generateVideo": "seedance.generateVideo",
    "getTaskResult": "seedance.getTaskResult",
    "getTaskStatus": "seedance.getTaskStatus",
    "waitForCompletion": "seedance.waitForCompletion"
  }
}""")
