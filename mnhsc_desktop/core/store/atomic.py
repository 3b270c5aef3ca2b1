"""The one way files are written: a temp file in the same folder, fsync, then rename.

A crash or power cut at any moment leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

TEMP_PREFIX = ".mnhsc-"
TEMP_SUFFIX = ".tmp"


class WriteFailed(OSError):
    """A save that did not happen, with a sentence a user can act on."""

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(cause.errno, describe_os_error(path, cause))
        self.path = path
        self.cause = cause

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def describe_os_error(path: Path, error: OSError) -> str:
    """Turn an OSError into plain words that say what happened and what to do."""
    folder = path.parent
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"The disk holding {folder} is full. Free some space; your changes are kept meanwhile."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"{folder} cannot be written to (it is read-only or you lack permission). "
            "Your changes are kept meanwhile; ask IT or choose another data folder."
        )
    if error.errno == errno.ENOENT:
        return f"The folder {folder} no longer exists. Your changes are kept meanwhile."
    reason = error.strerror or str(error)
    return f"Could not save {path.name} in {folder}: {reason}. Your changes are kept meanwhile."


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that readers only ever see a whole file.

    Raises WriteFailed (with a readable message) when the folder is read-only, full or gone.
    """
    path = Path(path)
    tmp_name: str | None = None
    try:
        import tempfile  # on the first save, not at start-up

        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(path.parent)
    except OSError as error:
        raise WriteFailed(path, error) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temp files an interrupted save left behind; returns how many."""
    removed = 0
    for leftover in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
