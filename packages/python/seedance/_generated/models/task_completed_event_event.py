from enum import Enum


class TaskCompletedEventEvent(str, Enum):
    TASK_COMPLETED = "task.completed"

    def __str__(self) -> str:
        return str(self.value)
