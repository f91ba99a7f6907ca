from enum import Enum


class ImageResolution(str, Enum):
    VALUE_0 = "1024x1024"
    VALUE_1 = "2048x2048"
    VALUE_2 = "4k"

    def __str__(self) -> str:
        return str(self.value)
