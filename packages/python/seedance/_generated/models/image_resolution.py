from enum import Enum


class ImageResolution(str, Enum):
    IMAGE_1024 = "1024x1024"
    IMAGE_2048 = "2048x2048"
    IMAGE_4K = "4k"

    def __str__(self) -> str:
        return str(self.value)
