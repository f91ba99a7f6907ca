"""Reads a response body incrementally against a size limit counted after decompression, so that a
huge, endless or compressed-bomb body costs at most the limit (plus one network chunk)."""

from __future__ import annotations

import zlib
from collections.abc import Mapping

from ._errors import ResponseTooLargeError, UnexpectedResponseError

__all__ = ["BodyLimit"]


class BodyLimit:
    """Collects a body chunk by chunk, decompressing ``gzip`` and ``deflate`` at most ``limit`` bytes at a time."""

    def __init__(self, status: int, headers: Mapping[str, str], limit: int) -> None:
        self._status = status
        self._limit = limit
        self._chunks: list[bytes] = []
        self._size = 0
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            self._decoder: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._decoder = zlib.decompressobj()
        elif encoding in ("identity", ""):
            self._decoder = None
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise self._too_large()
        else:
            raise UnexpectedResponseError(
                status=status,
                message=f"the body's Content-Encoding {encoding[:40]!r} was not asked for (gzip and deflate are)",
            )

    def _too_large(self) -> ResponseTooLargeError:
        return ResponseTooLargeError(limit=self._limit, status=self._status)

    def _add(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise self._too_large()
        self._chunks.append(data)

    def feed(self, chunk: bytes) -> None:
        if self._decoder is None:
            self._add(chunk)
            return
        data = chunk
        while data:
            try:
                out = self._decoder.decompress(data, self._limit - self._size + 1)
            except zlib.error:
                raise UnexpectedResponseError(status=self._status, message="the compressed body is corrupt") from None
            self._add(out)
            data = self._decoder.unconsumed_tail

    def finish(self) -> bytes:
        if self._decoder is not None:
            self._add(self._decoder.flush())
        return b"".join(self._chunks)
