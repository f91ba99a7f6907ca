from enum import Enum


class ErrorCode(str, Enum):
    FORBIDDEN = "FORBIDDEN"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    INVALID_API_KEY = "INVALID_API_KEY"
    INVALID_PROMPT = "INVALID_PROMPT"
    INVALID_REQUEST = "INVALID_REQUEST"
    NOT_FOUND = "NOT_FOUND"
    RATE_LIMITED = "RATE_LIMITED"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    TASK_NOT_COMPLETED = "TASK_NOT_COMPLETED"
    UNAUTHORIZED = "UNAUTHORIZED"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ErrorCode | None":
        # Forward compatibility: a value newer than the spec (the API added it later) parses as a
        # member outside the known ones, so a response never fails on it. The hand-written layer
        # checks requests against the known members (seedance._core).
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
