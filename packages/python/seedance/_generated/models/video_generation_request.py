from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.video_generation_request_fps import VideoGenerationRequestFps
from ..models.video_model import VideoModel
from ..models.video_resolution import VideoResolution
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoGenerationRequest")


@_attrs_define
class VideoGenerationRequest:
    """Parameters of a Seedance video generation.

    Attributes:
        prompt (str): Text description of what to generate, at most 300 characters. Example: A serene mountain landscape
            at sunset, oil painting style.
        model (VideoModel): Seedance model that generates the video. Example: seedance-1.5-pro.
        duration (int): Length of the video in seconds. Example: 15.
        resolution (VideoResolution | Unset): Output resolution of the video. Example: 1080p.
        fps (VideoGenerationRequestFps | Unset): Frames per second. Example: 24.
        image_input (str | Unset): URL of a reference image, for image-to-video generation. Example:
            https://example.com/reference.png.
        webhook_url (str | Unset): HTTPS endpoint that receives the task's webhook events (`task.progress`,
            `task.completed`,
            `task.failed`), signed per the Standard Webhooks scheme.
             Example: https://example.com/webhooks/seedance.
    """

    prompt: str
    model: VideoModel
    duration: int
    resolution: VideoResolution | Unset = UNSET
    fps: VideoGenerationRequestFps | Unset = UNSET
    image_input: str | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model = self.model.value

        duration = self.duration

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        fps: int | Unset = UNSET
        if not isinstance(self.fps, Unset):
            fps = self.fps.value

        image_input = self.image_input

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt": prompt,
                "model": model,
                "duration": duration,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if fps is not UNSET:
            field_dict["fps"] = fps
        if image_input is not UNSET:
            field_dict["image_input"] = image_input
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        model = VideoModel(d.pop("model"))

        duration = d.pop("duration")

        _resolution = d.pop("resolution", UNSET)
        resolution: VideoResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = VideoResolution(_resolution)

        _fps = d.pop("fps", UNSET)
        fps: VideoGenerationRequestFps | Unset
        if isinstance(_fps, Unset):
            fps = UNSET
        else:
            fps = VideoGenerationRequestFps(_fps)

        image_input = d.pop("image_input", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        video_generation_request = cls(
            prompt=prompt,
            model=model,
            duration=duration,
            resolution=resolution,
            fps=fps,
            image_input=image_input,
            webhook_url=webhook_url,
        )

        return video_generation_request
