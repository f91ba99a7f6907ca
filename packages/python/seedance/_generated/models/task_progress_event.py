from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from dateutil.parser import isoparse

from ..models.task_progress_event_event import TaskProgressEventEvent

if TYPE_CHECKING:
    from ..models.webhook_task_data import WebhookTaskData


T = TypeVar("T", bound="TaskProgressEvent")


@_attrs_define
class TaskProgressEvent:
    """A running task made progress (optional event); `data.progress` is the percentage.

    Attributes:
        event (TaskProgressEventEvent):
        timestamp (datetime.datetime): When the event happened.
        data (WebhookTaskData): The task that a webhook event is about.
    """

    event: TaskProgressEventEvent
    timestamp: datetime.datetime
    data: WebhookTaskData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event = self.event.value

        timestamp = self.timestamp.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "timestamp": timestamp,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_task_data import WebhookTaskData

        d = dict(src_dict)
        event = TaskProgressEventEvent(d.pop("event"))

        timestamp = isoparse(d.pop("timestamp"))

        data = WebhookTaskData.from_dict(d.pop("data"))

        task_progress_event = cls(
            event=event,
            timestamp=timestamp,
            data=data,
        )

        task_progress_event.additional_properties = d
        return task_progress_event

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
