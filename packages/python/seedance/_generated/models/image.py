from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Image")


@_attrs_define
class Image:
    """One generated image.

    Attributes:
        id (str): Identifier of the image. Example: img-uuid-001.
        url (str): Download URL of the image (kept for 30 days). Example: https://cdn.seedance2api.com/images/img-
            uuid-001.png.
        width (int | Unset): Width in pixels. Example: 2048.
        height (int | Unset): Height in pixels. Example: 2048.
        format_ (str | Unset): File format, e.g. `png`. Example: png.
        size_bytes (int | Unset): File size in bytes. Example: 4526048.
    """

    id: str
    url: str
    width: int | Unset = UNSET
    height: int | Unset = UNSET
    format_: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        width = self.width

        height = self.height

        format_ = self.format_

        size_bytes = self.size_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
            }
        )
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if format_ is not UNSET:
            field_dict["format"] = format_
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        format_ = d.pop("format", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        image = cls(
            id=id,
            url=url,
            width=width,
            height=height,
            format_=format_,
            size_bytes=size_bytes,
        )

        image.additional_properties = d
        return image

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
