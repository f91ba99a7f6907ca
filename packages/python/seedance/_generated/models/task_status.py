from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from dateutil.parser import isoparse

from ..models.task_state import TaskState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_result import VideoResult


T = TypeVar("T", bound="TaskStatus")


@_attrs_define
class TaskStatus:
    """The current state of an asynchronous task.

    Attributes:
        task_id (str): Identifier of an asynchronous task. Example: task-uuid-67890.
        status (TaskState): Lifecycle of a task: `queued` → `processing` → `completed` or `failed`. Clients must treat
            an
            unknown value (added in a later API version) as not yet terminal.
             Example: processing.
        progress (int): Completion percentage. Example: 45.
        created_at (datetime.datetime): When the task was created. Example: 2024-01-15T10:30:00Z.
        updated_at (datetime.datetime): When the task last changed. Example: 2024-01-15T10:32:15Z.
        result (VideoResult | Unset): The video of a completed task.
        error_message (str | Unset): Why the task failed; present only when `status` is `failed`. Example: Content
            policy violation detected in prompt.
    """

    task_id: str
    status: TaskState
    progress: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    result: VideoResult | Unset = UNSET
    error_message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status = self.status.value

        progress = self.progress

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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
                "progress": progress,
                "created_at": created_at,
                "updated_at": updated_at,
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

        status = TaskState(d.pop("status"))

        progress = d.pop("progress")

        created_at = isoparse(d.pop("created_at"))

        updated_at = isoparse(d.pop("updated_at"))

        _result = d.pop("result", UNSET)
        result: VideoResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = VideoResult.from_dict(_result)

        error_message = d.pop("error_message", UNSET)

        task_status = cls(
            task_id=task_id,
            status=status,
            progress=progress,
            created_at=created_at,
            updated_at=updated_at,
            result=result,
            error_message=error_message,
        )

        task_status.additional_properties = d
        return task_status

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
