from enum import Enum


class ImageQuality(str, Enum):
    HIGH = "high"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
