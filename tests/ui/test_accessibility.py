"""Every control a user can reach has a name a screen reader can say, and a place in the tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabWidget,
)


def has_buddy_label(widget: QWidget, window: QWidget) -> bool:
    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def unnamed_controls(window: QWidget) -> list[str]:
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QAbstractSlider):
            continue
        if (
            widget.parent() is not None
            and type(widget).__name__ in {"QToolButton"}
            and not widget.isVisible()
        ):
            continue  # Qt's own hidden scroll buttons in tab bars
        name = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
        if not name and not has_buddy_label(widget, window):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_every_tab_is_named(make_window) -> None:
    window = make_window()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert unnamed_controls(window) == [], window.tabs.tabText(index)


def test_every_control_can_take_keyboard_focus(make_window) -> None:
    window = make_window()
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.text()


def test_tabs_and_menus_have_keyboard_mnemonics(make_window) -> None:
    window = make_window()
    for index in range(window.tabs.count()):
        assert "&" in window.tabs.tabText(index)
    for action in window.menuBar().actions():
        assert "&" in action.text()
