"""Saving pending changes when the session ends rather than the user: log-off and shutdown
(the session manager's commitDataRequest on Windows and X11), and SIGTERM or SIGHUP on Linux and
macOS (a shutdown, a closed terminal, `kill`). Without this, a change made within the autosave
delay (half a second) was lost.

Python runs signal handlers only when it gets control, which it does not while Qt's event loop
waits; so the signal is written to a pipe (signal.set_wakeup_fd) that Qt watches.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

QUIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def flush_on_shutdown(
    app: QApplication, window, quit_app: Callable[[], None] | None = None
) -> Callable[[], None]:
    """Save at log-off, shutdown and quit signals; returns a function that undoes this (tests)."""
    quit_app = quit_app or app.quit

    def save_and_quit() -> None:
        window.remember_geometry()
        window.autosaver.save_now()  # a failure stays in memory; nobody is there to ask
        quit_app()

    def save_for_session(_manager=None) -> None:
        window.autosaver.save_now()

    app.commitDataRequest.connect(save_for_session)
    app.aboutToQuit.connect(save_for_session)

    def disconnect() -> None:
        app.commitDataRequest.disconnect(save_for_session)
        app.aboutToQuit.disconnect(save_for_session)

    if os.name != "posix" or not QUIT_SIGNALS:
        return disconnect
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous_fd = signal.set_wakeup_fd(write_end)
    previous = {number: signal.signal(number, lambda *_args: None) for number in QUIT_SIGNALS}
    watcher = QSocketNotifier(read_end, QSocketNotifier.Type.Read, window)

    def on_signal() -> None:
        received = os.read(read_end, 64)
        if any(number in received for number in QUIT_SIGNALS):
            save_and_quit()

    watcher.activated.connect(on_signal)

    def undo() -> None:
        disconnect()
        watcher.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        os.close(read_end)
        os.close(write_end)

    return undo
