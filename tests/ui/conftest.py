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
