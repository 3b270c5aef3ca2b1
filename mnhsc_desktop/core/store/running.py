"""Is the app open on a data folder? Command-line changes must not race the window's own saves.

The window holds a Qt lock file in the folder whose first line is its process id; this reads it
without Qt, so the command line stays free of Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

LOCK_FILE = "mnhsc-desktop.lock"


def app_running_on(data_dir: Path) -> bool:
    try:
        lines = (
            (Path(data_dir) / LOCK_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
        )
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return False
    import socket  # only here: the window imports this module for LOCK_FILE at start-up

    if len(lines) > 2 and lines[2] and lines[2] != socket.gethostname():
        return True  # held from another computer (a shared folder): assume it is in use
    return _process_alive(pid)


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        synchronize, wait_timeout = 0x00100000, 0x00000102
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(synchronize, False, pid)
        if not handle:
            return False
        try:
            return kernel32.WaitForSingleObject(handle, 0) == wait_timeout
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
