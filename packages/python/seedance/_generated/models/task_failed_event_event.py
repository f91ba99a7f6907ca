from enum import Enum


class TaskFailedEventEvent(str, Enum):
    TASK_FAILED = "task.failed"

    def __str__(self) -> str:
        return str(self.value)
