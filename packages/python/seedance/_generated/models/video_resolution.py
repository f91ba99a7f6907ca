from enum import Enum


class VideoResolution(str, Enum):
    VIDEO_1080P = "1080p"
    VIDEO_4K = "4k"
    VIDEO_720P = "720p"

    def __str__(self) -> str:
        return str(self.value)
