"""Reading any file a person or another program hands us (saved data, a progress file, content,
IT's settings, a calendar to import) with bounds, so that no file can hang or flood the app.

Only regular files are read (never a FIFO, a device or a folder), and the size is checked on the
opened file, so a file swapped between a check and the read changes nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class InputRefused(ValueError):
    """The file is not one we will read; `reason` says why, as a clause ("it is …")."""

    def __init__(self, reason: str, not_json: bool = False, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.not_json = not_json  # JSON readers: the text is not JSON at all
        self.size = size  # bytes, when the file was refused for its size


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`.

    Raises InputRefused for anything that is not a regular file or is too large, OSError for
    ordinary I/O errors (missing file, permissions).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused("it is not an ordinary file (a device, a pipe or a folder)")
        too_large = f"it is larger than {_size(max_bytes)}"
        if info.st_size > max_bytes:
            raise InputRefused(too_large, size=info.st_size)
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise InputRefused(too_large)  # it grew while we read
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_input(path: Path, max_bytes: int) -> bytes:
    """A file the user chose, whole: as read_bounded, with a missing or unreadable file also
    refused in words (InputRefused), so a reader has one thing to catch."""
    try:
        return read_bounded(Path(path), max_bytes)
    except FileNotFoundError:
        raise InputRefused("it does not exist") from None
    except OSError as error:
        raise InputRefused(f"it could not be read ({error.strerror or error})") from None


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"
