"""The main flows by keyboard alone: no mouse clicks, only the keys a user would press."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def in_next_dialog(qtbot, *steps: Callable[[QWidget], None]) -> None:
    """Run `steps` in the next modal dialog once it is up (exec() blocks the test until then)."""

    def ready(dialog: QWidget | None) -> bool:
        focus = QApplication.focusWidget()
        return (
            dialog is not None
            and dialog.isActiveWindow()
            and focus is not None
            and (dialog.isAncestorOf(focus))
        )

    def run(tries: int = 500) -> None:
        dialog = QApplication.activeModalWidget()
        if not ready(dialog):
            if tries:
                QTimer.singleShot(10, lambda: run(tries - 1))
            elif dialog is not None:
                dialog.reject()  # fail the test's assertions rather than hang the run
            return
        for step in steps:
            step(dialog)

    QTimer.singleShot(0, run)


def typed(qtbot, text: str) -> Callable[[QWidget], None]:
    return lambda _dialog: qtbot.keyClicks(QApplication.focusWidget(), text)


def pressed(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> Callable[[QWidget], None]:
    return lambda _dialog: qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_find_an_event_by_keyboard_and_land_on_it(make_window, qtbot):
    window = make_window()
    in_next_dialog(qtbot, typed(qtbot, "hypoglyc"), pressed(qtbot, Qt.Key.Key_Return))
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.calendar_host
    tab = window.calendar_tab
    assert tab.detail.occurrence.event.title == "Neonatal hypoglycaemia"
    assert window.focusWidget() is tab.table  # the next key acts on the event found
    window.activateWindow()  # as the window system does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
