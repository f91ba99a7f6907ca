from enum import Enum


class VideoModel(str, Enum):
    SEEDANCE_1_0 = "seedance-1.0"
    SEEDANCE_1_5_PRO = "seedance-1.5-pro"
    SEEDANCE_2_0 = "seedance-2.0"

    def __str__(self) -> str:
        return str(self.value)
