from enum import Enum


class VideoGenerationResponseStatus(str, Enum):
    ACCEPTED = "accepted"

    def __str__(self) -> str:
        return str(self.value)
