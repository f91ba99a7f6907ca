from enum import Enum


class TaskProgressEventEvent(str, Enum):
    TASK_PROGRESS = "task.progress"

    def __str__(self) -> str:
        return str(self.value)
