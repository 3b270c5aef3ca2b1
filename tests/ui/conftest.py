from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon

from mnhsc_desktop.core.content.content import Content, load_content
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.shell.main_window import MainWindow
from tests.conftest import SHIPPED_CONTENT


@pytest.fixture
def make_window(qtbot, data_dir: Path) -> Callable[..., MainWindow]:
    """Build a main window over a given store folder and content, as the app does."""

    def build(folder: Path = data_dir, content: Content | None = None) -> MainWindow:
        store = Store.open(folder)
        window = MainWindow(content or load_content(SHIPPED_CONTENT), store, QIcon())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.windowHandle().requestActivate()  # shortcuts only reach the active window
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return build


@pytest.fixture(autouse=True)
def no_unexpected_message_boxes(monkeypatch):
    """A message box nobody answers would hang the run offscreen: fail at once instead. A test
    that expects one patches it again with its answer."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(kind: str):
        def box(_parent, title, text, *_args, **_kwargs):
            raise AssertionError(f"unexpected {kind} box: {title}: {text}")

        return box

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))

    def unexpected_exec(box):  # a box built and run by hand (the choice of this or all)
        raise AssertionError(f"unexpected message box: {box.windowTitle()}: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected_exec)
