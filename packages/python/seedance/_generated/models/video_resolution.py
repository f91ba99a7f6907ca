from enum import Enum


class VideoResolution(str, Enum):
    VIDEO_1080P = "1080p"
    VIDEO_4K = "4k"
    VIDEO_720P = "720p"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "VideoResolution | None":
        # Forward compatibility: a value newer than the spec (the API added it later) parses as a
        # member outside the known ones, so a response never fails on it. The hand-written layer
        # checks requests against the known members (seedance._core).
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
