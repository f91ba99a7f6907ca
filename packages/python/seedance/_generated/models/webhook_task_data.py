from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_state import TaskState
from ..models.video_model import VideoModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_result import VideoResult


T = TypeVar("T", bound="WebhookTaskData")


@_attrs_define
class WebhookTaskData:
    """The task that a webhook event is about.

    Attributes:
        task_id (str): Identifier of an asynchronous task. Example: task-uuid-67890.
        status (TaskState): Lifecycle of a task: `queued` → `processing` → `completed` or `failed`. Clients must treat
            an
            unknown value (added in a later API version) as not yet terminal.
             Example: processing.
        model (VideoModel): Seedance model that generates the video. Example: seedance-1.5-pro.
        progress (int | Unset): Completion percentage. Example: 45.
        result (VideoResult | Unset): The video of a completed task.
        error_message (str | Unset): Why the task failed (`task.failed` only).
    """

    task_id: str
    status: TaskState
    model: VideoModel
    progress: int | Unset = UNSET
    result: VideoResult | Unset = UNSET
    error_message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status = self.status.value

        model = self.model.value

        progress = self.progress

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
                "model": model,
            }
        )
        if progress is not UNSET:
            field_dict["progress"] = progress
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

        model = VideoModel(d.pop("model"))

        progress = d.pop("progress", UNSET)

        _result = d.pop("result", UNSET)
        result: VideoResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = VideoResult.from_dict(_result)

        error_message = d.pop("error_message", UNSET)

        webhook_task_data = cls(
            task_id=task_id,
            status=status,
            model=model,
            progress=progress,
            result=result,
            error_message=error_message,
        )

        webhook_task_data.additional_properties = d
        return webhook_task_data

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
