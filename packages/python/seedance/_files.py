"""The file side of downloads: a user's file is never truncated, overwritten or deleted unless they
asked. Bytes go to a temporary file created exclusively in the target's folder (never following a
link), which is renamed into place only once complete and verified; any failure removes it and leaves
an existing file untouched."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ._errors import DestinationExistsError

__all__ = ["DownloadResult", "PartFile", "refuse_existing"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class DownloadResult:
    """A finished download."""

    path: str
    bytes: int
    """The size written."""
    sha256: str
    """The hex SHA-256 of what was written."""


def refuse_existing(target: Path, overwrite: bool) -> None:
    """``DestinationExistsError`` when ``target`` exists (a symlink, even a dangling one, included)."""
    if not overwrite and os.path.lexists(target):
        raise DestinationExistsError(str(target))


class PartFile:
    """The temporary file a download writes, beside its target."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")
        # 0o666 less the umask, as a plain open() would create the file.
        self._file = os.fdopen(os.open(self.path, _FLAGS, 0o666), "wb")
        self.size = 0
        self._digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._file.write(data)
        self._digest.update(data)
        self.size += len(data)

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()

    def commit(self, overwrite: bool) -> None:
        """Moves the complete file into place: atomically, and without replacing a file that appeared
        meanwhile unless ``overwrite`` (a link or symlink at the target is replaced, never followed)."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        if overwrite:
            os.replace(self.path, self.target)
            return
        try:
            os.link(self.path, self.target)  # fails if the target exists: no check-then-rename race
        except FileExistsError:
            raise DestinationExistsError(str(self.target)) from None
        except OSError:  # a file system without hard links
            refuse_existing(self.target, overwrite)
            os.replace(self.path, self.target)
            return
        os.unlink(self.path)

    def discard(self) -> None:
        self._file.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
