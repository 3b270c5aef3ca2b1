"""Log-off, shutdown and SIGTERM/SIGHUP within the autosave delay no longer lose the last change."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mnhsc_desktop.core.store.store import STORE_FILE
from mnhsc_desktop.ui.shell.shutdown import flush_on_shutdown


def saved_name(folder: Path) -> str | None:
    try:
        return json.loads((folder / STORE_FILE).read_text())["profile"].get("name")
    except (OSError, ValueError, KeyError):
        return None


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGTERM, getattr(signal, "SIGHUP", 1)])
def test_a_quit_signal_saves_the_change_just_made(make_window, qtbot, data_dir, number) -> None:
    window = make_window()
    quits: list[bool] = []
    undo = flush_on_shutdown(QApplication.instance(), window, lambda: quits.append(True))
    try:
        window.store.set("profile", "name", "Sam")  # the autosave would come 0.5 s later
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: bool(quits), timeout=2000)
        assert saved_name(data_dir) == "Sam"
        assert window.store.get("window", "geometry")
    finally:
        undo()


def test_about_to_quit_saves(make_window, data_dir) -> None:
    window = make_window()
    undo = flush_on_shutdown(QApplication.instance(), window, lambda: None)
    try:
        window.store.set("profile", "name", "Alex")
        QApplication.instance().aboutToQuit.emit()
        assert saved_name(data_dir) == "Alex"
    finally:
        undo()
