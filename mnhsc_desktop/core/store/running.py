"""Is the app open on a data folder? Command-line changes must not race the window's own saves,
and a lock file left behind (a power cut, a crash, another PC) must never lock anyone out.

The window holds a Qt lock file in the folder: process id, program name, computer name, machine
id and boot id, a line each. This reads it without Qt, so the command line stays free of Qt.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Literal

LOCK_FILE = "mnhsc-desktop.lock"
BEING_WRITTEN = dt.timedelta(seconds=3)  # a lock this new may still be being written

LockState = Literal["free", "running-here", "gone", "other-pc", "unreadable"]


class LockHolder:
    """Who holds the lock, in words a person can act on."""

    def __init__(
        self,
        state: LockState,
        path: Path,
        pid: int | None = None,
        host: str = "",
        since: dt.datetime | None = None,
    ) -> None:
        self.state, self.path, self.pid, self.host, self.since = state, path, pid, host, since

    @property
    def in_use(self) -> bool:
        """True when another copy may really be saving to this folder."""
        return self.state in ("running-here", "other-pc")

    def describe(self) -> str:
        at = self.since
        when = f" since {at:%a} {at.day} {at:%b %Y, %H:%M}" if at else ""  # Tue 1 Dec 2026, 07:30
        if self.state == "other-pc":
            return (
                f"MNHSC Desktop is open on the computer “{self.host}”{when} (lock file {self.path})"
            )
        if self.state == "running-here":
            return (
                f"MNHSC Desktop is open on this data folder on this computer (process "
                f"{self.pid}){when}"
            )
        if self.state == "gone":
            return f"A lock file was left by a copy that is no longer running ({self.path})"
        if self.state == "unreadable":
            return f"A damaged lock file was left behind, perhaps by a power cut ({self.path})"
        return "Nothing holds this data folder"


def inspect_lock(data_dir: Path) -> LockHolder:
    path = Path(data_dir) / LOCK_FILE
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
        since = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except FileNotFoundError:
        return LockHolder("free", path)
    except OSError:
        return LockHolder("unreadable", path)
    lines = head.decode("utf-8", errors="replace").splitlines()
    try:
        pid = int(lines[0])
        host = lines[2].strip() if len(lines) > 2 else ""
    except (ValueError, IndexError):
        pid, host = None, ""
    if pid is None or pid <= 0:
        fresh = dt.datetime.now() - since < BEING_WRITTEN
        return LockHolder("running-here" if fresh else "unreadable", path, since=since)
    import socket  # only here: the window imports this module for LOCK_FILE at start-up

    if host and host != socket.gethostname():
        return LockHolder("other-pc", path, pid, host, since)
    state: LockState = "running-here" if _is_this_app(pid) else "gone"
    return LockHolder(state, path, pid, host, since)


def app_running_on(data_dir: Path) -> bool:
    return inspect_lock(data_dir).in_use


def _is_this_app(pid: int) -> bool:
    """The process is alive and is this app (after a restart, its number may be another's)."""
    if not _process_alive(pid):
        return False
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().lower()
    except OSError:
        return True  # no /proc (Windows, macOS): alive is the best we can tell
    return b"mnhsc" in command


def _process_alive(pid: int) -> bool:
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
