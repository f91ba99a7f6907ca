from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_result_response_status import TaskResultResponseStatus

if TYPE_CHECKING:
    from ..models.task_result import TaskResult


T = TypeVar("T", bound="TaskResultResponse")


@_attrs_define
class TaskResultResponse:
    """Envelope of a task's final result.

    Attributes:
        status (TaskResultResponseStatus):
        data (TaskResult): The final outcome of a finished task.
    """

    status: TaskResultResponseStatus
    data: TaskResult
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_result import TaskResult

        d = dict(src_dict)
        status = TaskResultResponseStatus(d.pop("status"))

        data = TaskResult.from_dict(d.pop("data"))

        task_result_response = cls(
            status=status,
            data=data,
        )

        task_result_response.additional_properties = d
        return task_result_response

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
