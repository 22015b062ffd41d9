"""Streaming bytes out of input files: lines of JSONL, whole small files, gzip on the fly.

Memory stays bounded whatever the input: lines longer than a limit are skipped without being
kept, whole-file reads stop at a limit, and gzip members are decompressed a chunk at a time.
A truncated or corrupt gzip stream ends the file with a marker instead of an exception, after
every complete line before the damage.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "ByteStream",
    "CountingStream",
    "DamagedStreamError",
    "GunzipStream",
    "LineIssue",
    "iter_lines",
    "read_limited",
]

_CHUNK = 1 << 20
_GZIP_WBITS = 16 + zlib.MAX_WBITS


class ByteStream(Protocol):
    """What the readers need of a binary file: ``read``."""

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes (all with -1); empty at the end."""
        ...


class CountingStream:
    """A binary stream that reports how many bytes were read from it (for progress).

    Args:
        stream: The underlying stream.
        on_bytes: Called with the number of bytes of each read, or None.
        head: Bytes already read from ``stream`` (by format sniffing) to give back first.
    """

    def __init__(
        self,
        stream: ByteStream,
        on_bytes: Callable[[int], None] | None = None,
        head: bytes = b"",
    ) -> None:
        self._stream = stream
        self._on_bytes = on_bytes
        self._head = head

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes (all with -1)."""
        if self._head:
            if size < 0 or size >= len(self._head):
                data, self._head = self._head, b""
                if size < 0:
                    data += self._stream.read()
            else:
                data, self._head = self._head[:size], self._head[size:]
        else:
            data = self._stream.read(size)
        if self._on_bytes is not None and data:
            self._on_bytes(len(data))
        return data

    def readline(self, size: int = -1, /) -> bytes:
        """Read one line (used by WARC readers); bounded by ``size`` when given."""
        out = bytearray()
        while size < 0 or len(out) < size:
            byte = self.read(1)
            if not byte:
                break
            out += byte
            if byte == b"\n":
                break
        return bytes(out)


@dataclass(frozen=True, slots=True)
class LineIssue:
    """Why a line could not be delivered.

    Attributes:
        kind: ``too_long`` (the line was skipped), ``truncated`` (the gzip stream ends early)
            or ``corrupt`` (the gzip data is damaged); the last two end the file.
        detail: The size in bytes of a skipped line, or the decompressor's message.
    """

    kind: str
    detail: str = ""


def _decompressed(stream: ByteStream, gzipped: bool) -> Iterator[bytes | LineIssue]:
    """Yield the (decompressed) content in chunks, then a LineIssue if the gzip is damaged."""
    if not gzipped:
        while chunk := stream.read(_CHUNK):
            yield chunk
        return
    decompressor = zlib.decompressobj(_GZIP_WBITS)
    started = False
    while True:
        raw = stream.read(_CHUNK)
        if not raw:
            if started and not decompressor.eof:
                yield LineIssue("truncated")
            return
        data = raw
        while data:
            if decompressor.eof:
                # Next gzip member (concatenated files); NUL padding after a member is allowed.
                data = data.lstrip(b"\x00")
                if not data:
                    break
                decompressor = zlib.decompressobj(_GZIP_WBITS)
            started = True
            try:
                out = decompressor.decompress(data, _CHUNK)
                while out:
                    yield out
                    out = (
                        decompressor.decompress(decompressor.unconsumed_tail, _CHUNK)
                        if decompressor.unconsumed_tail
                        else b""
                    )
            except zlib.error as exc:
                yield LineIssue("corrupt", str(exc))
                return
            data = decompressor.unused_data if decompressor.eof else b""


class DamagedStreamError(OSError):
    """The gzip data ends early or is corrupt (raised by :class:`GunzipStream`)."""

    def __init__(self, issue: LineIssue) -> None:
        what = "truncated" if issue.kind == "truncated" else f"corrupt ({issue.detail})"
        super().__init__(f"the gzip data is {what}")
        self.issue = issue


class GunzipStream:
    """A readable stream of the decompressed content of a gzip stream (all members).

    Unlike :mod:`gzip`, a truncated or corrupt stream raises :class:`DamagedStreamError`
    after all the data before the damage was read, never earlier.
    """

    def __init__(self, stream: ByteStream) -> None:
        self._chunks = _decompressed(stream, True)
        self._buffer = bytearray()
        self._issue: LineIssue | None = None

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` decompressed bytes (all with -1)."""
        while self._issue is None and (size < 0 or len(self._buffer) < size):
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            if isinstance(chunk, LineIssue):
                self._issue = chunk
                break
            self._buffer += chunk
        if not self._buffer and self._issue is not None:
            raise DamagedStreamError(self._issue)
        count = len(self._buffer) if size < 0 else min(size, len(self._buffer))
        data = bytes(self._buffer[:count])
        del self._buffer[:count]
        return data


def iter_lines(
    stream: ByteStream, *, gzipped: bool, max_line_bytes: int
) -> Iterator[tuple[int, bytes | LineIssue]]:
    """Yield the lines of a stream with their 1-based numbers, without their newline.

    Args:
        stream: The raw (possibly compressed) binary stream.
        gzipped: Decompress gzip on the fly (all members).
        max_line_bytes: Lines longer than this are skipped and reported as ``too_long``.

    Yields:
        ``(number, line)``, or ``(number, LineIssue)`` for a skipped line; a ``truncated`` or
        ``corrupt`` issue is the last item.
    """
    number = 0
    buffer = bytearray()
    skipping = 0  # bytes of an over-long line dropped so far (0: not skipping)
    for chunk in _decompressed(stream, gzipped):
        if isinstance(chunk, LineIssue):
            yield number + 1, chunk
            return
        start = 0
        while True:
            cut = chunk.find(b"\n", start)
            if cut < 0:
                rest = chunk[start:]
                if skipping:
                    skipping += len(rest)
                elif len(buffer) + len(rest) > max_line_bytes:
                    skipping = len(buffer) + len(rest)
                    buffer.clear()
                else:
                    buffer += rest
                break
            piece = chunk[start:cut]
            number += 1
            if skipping:
                yield number, LineIssue("too_long", str(skipping + len(piece)))
                skipping = 0
            elif len(buffer) + len(piece) > max_line_bytes:
                yield number, LineIssue("too_long", str(len(buffer) + len(piece)))
                buffer.clear()
            else:
                buffer += piece
                yield number, bytes(buffer)
                buffer.clear()
            start = cut + 1
    if skipping:
        yield number + 1, LineIssue("too_long", str(skipping))
    elif buffer:
        yield number + 1, bytes(buffer)


def read_limited(stream: ByteStream, *, gzipped: bool, limit: int) -> bytes | LineIssue:
    """Read a whole (possibly gzip-compressed) stream, stopping past ``limit`` bytes.

    Args:
        stream: The raw binary stream.
        gzipped: Decompress gzip on the fly.
        limit: Most bytes of content accepted.

    Returns:
        The content, or a LineIssue: ``too_long`` (detail: bytes read before stopping),
        ``truncated`` or ``corrupt``.
    """
    out = bytearray()
    for chunk in _decompressed(stream, gzipped):
        if isinstance(chunk, LineIssue):
            return chunk
        out += chunk
        if len(out) > limit:
            return LineIssue("too_long", str(len(out)))
    return bytes(out)
