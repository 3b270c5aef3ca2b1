"""Every control a user can reach has a name a screen reader can say, and a place in the tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton, QLineEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTabWidget,
)  # fmt: skip


def has_buddy_label(widget: QWidget, window: QWidget) -> bool:
    return any(label.buddy() is widget for label in window.findChildren(QLabel))


def part_of_a_named_control(widget: QWidget) -> bool:
    """Qt internals a screen reader reaches through their owner: a combo box's list, a table's
    headers and corner button, a spin box's text field, a tab bar's hidden scroll buttons."""
    internal = ("qt_tableview_cornerbutton", "qt_spinbox_lineedit")
    if isinstance(widget, QHeaderView) or widget.objectName() in internal:
        return True
    if widget.objectName().startswith("qt_calendar_"):  # the month grid's own arrows and title:
        return True  # the keyboard pages months with Page Up/Down in the grid (or Alt+Page Up/Down)
    if type(widget).__name__ == "QToolButton" and not widget.isVisible():
        return True
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parent()
    return False


def unnamed_controls(window: QWidget) -> list[str]:
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QAbstractSlider):
            continue
        if part_of_a_named_control(widget):
            continue
        name = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
        if not name and not has_buddy_label(widget, window):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_every_tab_is_named(make_window) -> None:
    window = make_window()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert unnamed_controls(window) == [], window.tabs.tabText(index)


def test_every_control_of_the_about_page_is_named(make_window) -> None:
    window = make_window()
    window.show_about_collaborative()
    assert unnamed_controls(window.about_page) == []
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in window.about_page.copy_buttons)


def test_every_control_can_take_keyboard_focus(make_window) -> None:
    window = make_window()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        for button in window.findChildren(QAbstractButton):
            if button.isVisible() and not part_of_a_named_control(button):
                assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.text()


def test_tabs_and_menus_have_keyboard_mnemonics(make_window) -> None:
    window = make_window()
    for index in range(window.tabs.count()):
        assert "&" in window.tabs.tabText(index)
    for action in window.menuBar().actions():
        assert "&" in action.text()


def test_building_each_tab_never_flashes_up_a_stray_window(make_window, qtbot) -> None:
    """A control made visible before it has a parent appears as its own window for a moment,
    and takes keyboard focus away from the app."""
    from PySide6.QtCore import QEvent, QObject

    window = make_window()
    strays = []

    class Watch(QObject):
        def eventFilter(self, watched, event) -> bool:
            shown = event.type() == QEvent.Type.Show and watched.isWidgetType()
            if shown and watched.isWindow() and watched is not window:
                strays.append(type(watched).__name__)
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(20)
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert strays == []
    assert window.isActiveWindow()


def mnemonic(text: str) -> str | None:
    """The Alt+letter a control answers to, from the letter after a single '&'."""
    plain = text.replace("&&", "")  # "&&" is a literal ampersand
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def visible_mnemonics(window) -> dict[str, list[str]]:
    """Every Alt+letter live in the window now: menus, tabs, and the visible tab's controls."""
    from PySide6.QtWidgets import QGroupBox

    found: dict[str, list[str]] = {}

    def note(text: str, what: str) -> None:
        key = mnemonic(text)
        if key:
            found.setdefault(key, []).append(f"{what} {text!r}")

    for action in window.menuBar().actions():
        note(action.text(), "menu")
    for index in range(window.tabs.count()):
        note(window.tabs.tabText(index), "tab")
    for widget in window.tabs.currentWidget().findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):  # tabs within the tab
            for index in range(widget.count()):
                note(widget.tabText(index), "inner tab")
        elif isinstance(widget, QAbstractButton):
            note(widget.text(), type(widget).__name__)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            note(widget.text(), "label")
        elif isinstance(widget, QGroupBox):
            note(widget.title(), "group")
    return found


def test_no_two_controls_answer_to_the_same_alt_letter(make_window) -> None:
    """Two controls sharing Alt+letter make the key cycle between them or do nothing."""
    window = make_window()
    window.resize(1200, 800)
    views = [(index, None) for index in range(window.tabs.count())]
    views.append((3, lambda: window.culture_tab.sides.setCurrentWidget(window.culture_tab.planner)))
    views.append((1, lambda: window.calendar_tab.grid_button.setChecked(True)))  # the grid
    views.append((3, lambda: window.culture_tab.sides.setCurrentWidget(window.culture_tab.pulse)))
    for page in range(1, 8):  # each requirement's page of the Revalidation tab
        views.append((4, lambda page=page: window.revalidation_tab.show_requirement(page + 1)))
    from mnhsc_desktop.core.qi.projects import add_project

    add_project(window.store, "A project")  # the QI tab's pages show once there is one
    for page in range(4):  # each page of a QI project
        views.append((5, lambda page=page: window.qi_tab.pages.setCurrentIndex(page)))
    for index, open_view in views:
        window.tabs.setCurrentIndex(index)
        if open_view is not None:
            open_view()
        clashes = {k: v for k, v in visible_mnemonics(window).items() if len(v) > 1}
        assert clashes == {}, window.tabs.tabText(index)


def test_views_whose_keys_are_not_obvious_describe_them(make_window) -> None:
    """Names say what a control is; these also say how to work them, for screen reader users."""
    window = make_window()
    window.show_tab(1)
    window.show_tab(2)
    window.show_tab(3)
    described = {
        "calendar agenda": window.calendar_tab.table,
        "ladder grid": window.ladder_tab.grid,
        "ladder resources": window.ladder_tab.resources,
        "culture activities": window.culture_tab.list,
        "session plan items": window.culture_tab.planner.items,
        "search box": window.culture_tab.search,
        "month view": window.calendar_tab.month_view,
    }
    for what, widget in described.items():
        assert len(widget.accessibleDescription()) > 20, what
