"""Contains some shared types for properties.

Seedance: an absent optional field is ``None``, never a sentinel, so users see ``X | None`` in every
type and value (``status.result is None`` while a task runs). ``Unset`` is kept as a name because the
generated models use it: at run time it is ``NoneType`` (so ``isinstance(x, Unset)`` means "is
None"), and to type checkers it is ``None``. The spec has no nullable request field, so ``None`` never
has to mean an explicit JSON ``null`` (scripts/generate.py checks this).
"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, BinaryIO, Generic, TypeVar

from attrs import define

if TYPE_CHECKING:
    from typing import TypeAlias

    Unset: TypeAlias = None
else:
    Unset = type(None)

UNSET: Unset = None

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
