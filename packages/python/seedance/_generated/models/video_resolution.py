from enum import Enum


class VideoResolution(str, Enum):
    VALUE_0 = "720p"
    VALUE_1 = "1080p"
    VALUE_2 = "4k"

    def __str__(self) -> str:
        return str(self.value)
