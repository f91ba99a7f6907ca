from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.image_model import ImageModel
from ..models.image_quality import ImageQuality
from ..models.image_resolution import ImageResolution
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageGenerationRequest")


@_attrs_define
class ImageGenerationRequest:
    """Parameters of a Seedream image generation.

    Attributes:
        prompt (str): Text description of what to generate, at most 300 characters. Example: A serene mountain landscape
            at sunset, oil painting style.
        model (ImageModel): Seedream model that generates the image. Example: seedream-4.5.
        resolution (ImageResolution | Unset): Output resolution. `4k` is 4096×4096. Example: 4k.
        quality (ImageQuality | Unset): Generation quality. Example: high.
        num_images (int | Unset): Number of images to generate. Default: 1. Example: 1.
        seed (int | Unset): Random seed; the same seed and parameters reproduce the same images. Example: 42.
        style (str | Unset): Artistic style. Known values: `oil_painting`, `watercolor`, `cyberpunk`; the service may
            accept more, so this is an open string rather than an enum.
        webhook_url (str | Unset): HTTPS endpoint that receives the task's webhook events (`task.progress`,
            `task.completed`,
            `task.failed`), signed per the Standard Webhooks scheme.
             Example: https://example.com/webhooks/seedance.
    """

    prompt: str
    model: ImageModel
    resolution: ImageResolution | Unset = UNSET
    quality: ImageQuality | Unset = UNSET
    num_images: int | Unset = 1
    seed: int | Unset = UNSET
    style: str | Unset = UNSET
    webhook_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model = self.model.value

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality.value

        num_images = self.num_images

        seed = self.seed

        style = self.style

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt": prompt,
                "model": model,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if quality is not UNSET:
            field_dict["quality"] = quality
        if num_images is not UNSET:
            field_dict["num_images"] = num_images
        if seed is not UNSET:
            field_dict["seed"] = seed
        if style is not UNSET:
            field_dict["style"] = style
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        model = ImageModel(d.pop("model"))

        _resolution = d.pop("resolution", UNSET)
        resolution: ImageResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = ImageResolution(_resolution)

        _quality = d.pop("quality", UNSET)
        quality: ImageQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = ImageQuality(_quality)

        num_images = d.pop("num_images", UNSET)

        seed = d.pop("seed", UNSET)

        style = d.pop("style", UNSET)

        webhook_url = d.pop("webhook_url", UNSET)

        image_generation_request = cls(
            prompt=prompt,
            model=model,
            resolution=resolution,
            quality=quality,
            num_images=num_images,
            seed=seed,
            style=style,
            webhook_url=webhook_url,
        )

        return image_generation_request
