from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_task_status import VideoTaskStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoTask")


@_attrs_define
class VideoTask:
    """A video generation task that was accepted and queued.

    Attributes:
        task_id (str): Identifier of an asynchronous task. Example: task-uuid-67890.
        status (VideoTaskStatus): Always `queued` when the task is accepted.
        estimated_wait_time_seconds (int | Unset): Estimated seconds until the task completes; a good first polling
            delay. Example: 45.
        check_status_url (str | Unset): Relative URL of the task's status endpoint. Example: /v1/tasks/task-uuid-67890.
    """

    task_id: str
    status: VideoTaskStatus
    estimated_wait_time_seconds: int | Unset = UNSET
    check_status_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status = self.status.value

        estimated_wait_time_seconds = self.estimated_wait_time_seconds

        check_status_url = self.check_status_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "status": status,
            }
        )
        if estimated_wait_time_seconds is not UNSET:
            field_dict["estimated_wait_time_seconds"] = estimated_wait_time_seconds
        if check_status_url is not UNSET:
            field_dict["check_status_url"] = check_status_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        status = VideoTaskStatus(d.pop("status"))

        estimated_wait_time_seconds = d.pop("estimated_wait_time_seconds", UNSET)

        check_status_url = d.pop("check_status_url", UNSET)

        video_task = cls(
            task_id=task_id,
            status=status,
            estimated_wait_time_seconds=estimated_wait_time_seconds,
            check_status_url=check_status_url,
        )

        video_task.additional_properties = d
        return video_task

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
