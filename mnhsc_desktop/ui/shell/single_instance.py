"""One running copy per data folder: a second launch brings the first window to the front.

A lock file in the data folder decides who owns it (two writers would overwrite each other's
changes). The second copy asks the first to show itself by leaving a request file in that folder,
which the first notices (file watcher, with a slow poll as a fallback for network folders) and
removes as its answer. No socket of any kind is opened, and QtNetwork stays out of the app.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QFileSystemWatcher,
    QLockFile,
    QObject,
    QThread,
    QTimer,
    Signal,
)

from mnhsc_desktop.core.store.running import LOCK_FILE

REQUEST_FILE = "mnhsc-desktop.show-request"
FALLBACK_POLL_MS = 1000


class InstanceGuard(QObject):
    """Owns the data folder for this process, or tells the copy that does to show itself."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = Path(data_dir)
        self._request = self._folder / REQUEST_FILE
        self._lock = QLockFile(str(self._folder / LOCK_FILE))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._watcher: QFileSystemWatcher | None = None
        self._poll: QTimer | None = None

    def acquire(self) -> bool:
        """True when this process now owns the folder (or it cannot be locked at all)."""
        locked = self._lock.tryLock(100)
        if not locked and self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # Not locked for another reason: a read-only folder cannot hold a lock file. The store
        # is read-only there too, so nothing can be overwritten; carry on.
        with contextlib.suppress(OSError):
            self._request.unlink(missing_ok=True)  # left by a launch while nobody was running
        self._watcher = QFileSystemWatcher([str(self._folder)], self)
        self._watcher.directoryChanged.connect(self._check_request)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._check_request)
        self._poll.start(FALLBACK_POLL_MS)
        return True

    def take_over(self, force: bool = False) -> bool:
        """Remove a lock file left behind, then take the folder; False if it still cannot be
        taken. Qt refuses to remove a lock its holder still has open; `force` (the user chose
        to take over from a copy that does not answer) removes it all the same."""
        if not self._lock.removeStaleLockFile() and force:
            with contextlib.suppress(OSError):
                (self._folder / LOCK_FILE).unlink()
        return self.acquire()

    def ask_running_copy_to_show(self, timeout_ms: int = 3000) -> bool:
        """Leave a request for the owning copy; True once it has answered by removing it."""
        try:
            self._request.write_bytes(b"show\n")
        except OSError:
            return False
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < timeout_ms:
            if not self._request.exists():
                return True
            QCoreApplication.processEvents()  # lets a watcher in this same process answer (tests)
            QThread.msleep(25)
        with contextlib.suppress(OSError):
            self._request.unlink(missing_ok=True)
        return False

    def release(self) -> None:
        if self._poll is not None:
            self._poll.stop()
        if self._watcher is not None:
            self._watcher.removePaths(self._watcher.directories())
        self._lock.unlock()

    def _check_request(self, *_args: object) -> None:
        try:
            self._request.unlink()
        except OSError:
            return  # no request (or not ours to remove)
        self.show_requested.emit()
