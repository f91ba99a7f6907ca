"""Calls each operation once through the client openapi-python-client generated
(seedance-api-client/seedance_api_client), against the base URL given as the only argument."""

import sys

from seedance_api_client import AuthenticatedClient
from seedance_api_client.api.images import generate_image
from seedance_api_client.api.tasks import get_task_result, get_task_status
from seedance_api_client.api.videos import generate_video
from seedance_api_client.models import (
    ImageGenerationRequest,
    ImageGenerationResponse,
    ImageModel,
    TaskResultResponse,
    TaskStatusResponse,
    VideoGenerationRequest,
    VideoGenerationResponse,
    VideoModel,
)


def ok(operation, answer, expected):
    if not isinstance(answer, expected):
        sys.exit(f"{operation}: expected {expected.__name__}, got {answer!r}")
    return answer


client = AuthenticatedClient(base_url=sys.argv[1], token="sk-test-generator-matrix", raise_on_unexpected_status=True)
prompt = "A lighthouse at dawn"
image = ok("generateImage", generate_image.sync(client=client, body=ImageGenerationRequest(prompt=prompt, model=ImageModel.SEEDREAM_4_5)), ImageGenerationResponse)
print("generateImage:", len(image.data.images), "image(s)")
request = VideoGenerationRequest(prompt=prompt, model=VideoModel.SEEDANCE_1_5_PRO, duration=5)
video = ok("generateVideo", generate_video.sync(client=client, body=request), VideoGenerationResponse)
print("generateVideo:", video.data.task_id)
status = ok("getTaskStatus", get_task_status.sync(video.data.task_id, client=client), TaskStatusResponse)
print("getTaskStatus:", status.data.status)
result = ok("getTaskResult", get_task_result.sync(video.data.task_id, client=client), TaskResultResponse)
print("getTaskResult:", result.data.status)
