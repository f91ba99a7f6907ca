from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorDetails")


@_attrs_define
class ErrorDetails:
    """Which input was rejected and why.

    Attributes:
        field (str): The offending request field. Example: prompt.
        constraint (str): The violated constraint, e.g. `max_length`, `minimum`, `enum`, `required`. Example:
            max_length.
        value (Any | Unset): The rejected value (possibly truncated).
        limit (Any | Unset): The constraint's limit, e.g. `300` or the allowed values.
    """

    field: str
    constraint: str
    value: Any | Unset = UNSET
    limit: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        constraint = self.constraint

        value = self.value

        limit = self.limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "constraint": constraint,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        constraint = d.pop("constraint")

        value = d.pop("value", UNSET)

        limit = d.pop("limit", UNSET)

        error_details = cls(
            field=field,
            constraint=constraint,
            value=value,
            limit=limit,
        )

        error_details.additional_properties = d
        return error_details

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
