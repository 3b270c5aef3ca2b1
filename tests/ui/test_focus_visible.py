"""Focus is always visible: every kind of control looks different when it has the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget, QWidget

from mnhsc_desktop.ui.shell.theme import sample_dark_palette
from tests.ui.test_accessibility import INTERACTIVE

# The controls a screen reader names; of a tab widget, the tab bar is what takes the keyboard.
KINDS = (*(kind for kind in INTERACTIVE if kind is not QTabWidget), QTabBar)


# Styles draw focus only once the keyboard has moved it (Tab, or an Alt+letter): the focus
# changes here are made as by an Alt+letter, since Qt counts a Tab only inside its key event.
KEYBOARD = Qt.FocusReason.ShortcutFocusReason


def looks(widget: QWidget):
    QApplication.processEvents()
    return widget.grab().toImage()


def focusable_controls(window) -> list[QWidget]:
    found = []
    for widget in window.findChildren(QWidget):
        if (
            isinstance(widget, KINDS)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.width() > 0
            and widget.objectName() != "qt_spinbox_lineedit"  # its spin box stands for it
        ):
            found.append(widget)
    return found


@pytest.mark.parametrize("scheme", ["light", "dark", "high contrast"])
def test_every_control_shows_when_it_has_the_keyboard(make_window, qtbot, scheme) -> None:
    window = make_window()
    if scheme == "dark":  # as the system would hand a dark palette over
        window.theme.system = sample_dark_palette()
        window.theme.apply(False)
    window.set_high_contrast(scheme == "high contrast")
    unseen = []
    checked = 0
    for index in range(window.tabs.count()):
        window.show_tab(index)
        for widget in focusable_controls(window):
            window.tabs.tabBar().setFocus(KEYBOARD)  # the focus elsewhere
            if widget is window.tabs.tabBar():
                window.menuBar().setFocus(KEYBOARD)
            before = looks(widget)
            widget.setFocus(KEYBOARD)
            if not widget.hasFocus():
                continue  # a focus proxy took it; that widget is checked in its own right
            checked += 1
            if looks(widget) == before:
                unseen.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    if scheme == "dark":
        window.theme.system = QApplication.style().standardPalette()
        window.theme.apply(False)
    assert checked > 20
    assert unseen == []


def unreached_by_tab(window, qtbot, page) -> list[str]:
    wanted = {w for w in focusable_controls(window) if page.isAncestorOf(w)}
    reached = set()
    widget = QApplication.focusWidget()
    for _step in range(400):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        reached.add(widget)
        if wanted <= reached:
            break
    return [f"{type(w).__name__} {w.accessibleName()!r}" for w in wanted - reached]


def test_tab_reaches_every_control_of_every_tab(make_window, qtbot) -> None:
    """Tab (and nothing else) walks to each control a mouse user could click, with no trap."""
    window = make_window()
    for index in range(window.tabs.count()):
        window.show_tab(index)
        page = window.tabs.currentWidget()
        assert unreached_by_tab(window, qtbot, page) == [], window.tabs.tabText(index)
    window.culture_tab.sides.setCurrentIndex(1)  # the session planner
    assert unreached_by_tab(window, qtbot, window.culture_tab.planner) == []
