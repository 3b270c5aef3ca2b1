"""Saves the store shortly after each change and on exit, and keeps trying when a save fails."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from mnhsc_desktop.core.store.atomic import WriteFailed
from mnhsc_desktop.core.store.store import StateChange, Store

SAVE_DELAY_MS = 500  # not restarted by later changes: a burst of typing is on disk within ~1 s
RETRY_DELAY_MS = 5000


class AutoSaver(QObject):
    """Debounced, retrying saves; `status_changed` carries a sentence for the status bar."""

    status_changed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        from shiboken6 import isValid

        def listener(change: StateChange) -> None:
            if isValid(self):
                self._on_change(change)
            else:
                store.unsubscribe(listener)

        store.subscribe(listener)
        if store.dirty:  # a repaired or migrated store is written back straight away
            self._timer.start(0)

    def _on_change(self, _change: StateChange) -> None:
        if not self._timer.isActive():
            self._timer.start(SAVE_DELAY_MS)

    def save_now(self) -> str | None:
        """Save at once; returns the error message, or None when the data is safe on disk."""
        self._timer.stop()
        try:
            saved = self.store.save()
        except WriteFailed as error:
            self.last_error = str(error)
            self.status_changed.emit(f"Not saved yet, trying again: {error}")
            self._timer.start(RETRY_DELAY_MS)
            return self.last_error
        if not saved:
            self.status_changed.emit("Read-only: changes are not being saved")
        elif notes := self.store.take_merge_notes():
            self.status_changed.emit(" ".join(notes))  # another writer's changes, merged in
        elif self.last_error is not None:
            self.status_changed.emit("All changes saved")
        self.last_error = None
        return None
