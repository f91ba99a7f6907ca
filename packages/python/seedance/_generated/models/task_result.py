from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from dateutil.parser import isoparse

from ..models.task_result_status import TaskResultStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_result import VideoResult


T = TypeVar("T", bound="TaskResult")


@_attrs_define
class TaskResult:
    """The final outcome of a finished task.

    Attributes:
        task_id (str): Identifier of an asynchronous task. Example: task-uuid-67890.
        status (TaskResultStatus): Terminal state of the task.
        completed_at (datetime.datetime): When the task finished. Example: 2024-01-15T10:35:00Z.
        result (VideoResult | Unset): The video of a completed task.
        error_message (str | Unset): Why the task failed; present only when `status` is `failed`. Example: Content
            policy violation detected in prompt.
    """

    task_id: str
    status: TaskResultStatus
    completed_at: datetime.datetime
    result: VideoResult | Unset = UNSET
    error_message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status = self.status.value

        completed_at = self.completed_at.isoformat()

        result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.to_dict()

        error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "status": status,
                "completed_at": completed_at,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.video_result import VideoResult

        d = dict(src_dict)
        task_id = d.pop("task_id")

        status = TaskResultStatus(d.pop("status"))

        completed_at = isoparse(d.pop("completed_at"))

        _result = d.pop("result", UNSET)
        result: VideoResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = VideoResult.from_dict(_result)

        error_message = d.pop("error_message", UNSET)

        task_result = cls(
            task_id=task_id,
            status=status,
            completed_at=completed_at,
            result=result,
            error_message=error_message,
        )

        task_result.additional_properties = d
        return task_result

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
