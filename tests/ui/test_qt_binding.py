"""The Qt binding itself: a version that mishandles references crashes the app after a while."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QListWidget


def test_calls_returning_nothing_keep_none_alive(qtbot) -> None:
    """PySide6 6.12.0 dropped a reference to None on such calls; Python then aborts after a few
    thousand of them ("deallocating None"). pyproject.toml keeps that version out."""
    label, items = QLabel(), QListWidget()
    qtbot.addWidget(label)
    qtbot.addWidget(items)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setWordWrap(True)
        items.clear()
        items.currentItem()
    assert sys.getrefcount(None) >= before - 10
