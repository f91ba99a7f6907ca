from enum import Enum


class ImageModel(str, Enum):
    SEEDREAM_3_0 = "seedream-3.0"
    SEEDREAM_4_0 = "seedream-4.0"
    SEEDREAM_4_5 = "seedream-4.5"
    SEEDREAM_5_0 = "seedream-5.0"

    def __str__(self) -> str:
        return str(self.value)
