from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_model import ImageModel
from ..models.image_resolution import ImageResolution
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image import Image


T = TypeVar("T", bound="ImageGenerationResult")


@_attrs_define
class ImageGenerationResult:
    """The images of a completed Seedream generation.

    Attributes:
        task_id (str): Identifier of an asynchronous task. Example: task-uuid-67890.
        images (list[Image]): The generated images, `num_images` of them.
        model (ImageModel): Seedream model that generates the image. Example: seedream-4.5.
        resolution (ImageResolution | Unset): Output resolution. `4k` is 4096×4096. Example: 4k.
        processing_time_ms (int | Unset): Time the generation took, in milliseconds. Example: 2500.
    """

    task_id: str
    images: list[Image]
    model: ImageModel
    resolution: ImageResolution | Unset = UNSET
    processing_time_ms: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        model = self.model.value

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        processing_time_ms = self.processing_time_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "images": images,
                "model": model,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if processing_time_ms is not UNSET:
            field_dict["processing_time_ms"] = processing_time_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image import Image

        d = dict(src_dict)
        task_id = d.pop("task_id")

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = Image.from_dict(images_item_data)

            images.append(images_item)

        model = ImageModel(d.pop("model"))

        _resolution = d.pop("resolution", UNSET)
        resolution: ImageResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = ImageResolution(_resolution)

        processing_time_ms = d.pop("processing_time_ms", UNSET)

        image_generation_result = cls(
            task_id=task_id,
            images=images,
            model=model,
            resolution=resolution,
            processing_time_ms=processing_time_ms,
        )

        image_generation_result.additional_properties = d
        return image_generation_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
