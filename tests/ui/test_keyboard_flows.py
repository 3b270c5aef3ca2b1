"""The main flows by keyboard alone: no mouse clicks, only the keys a user would press."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

_test_number = [0]


@pytest.fixture(autouse=True)
def _stop_waiting_at_the_end():
    """A dialog a test waited for but never saw must not be answered in the next test."""
    yield
    _test_number[0] += 1


def in_next_dialog(qtbot, *steps: Callable[[QWidget], None]) -> None:
    """Run `steps` in the next modal dialog once it is up (exec() blocks the test until then)."""
    test = _test_number[0]

    def ready(dialog: QWidget | None) -> bool:
        focus = QApplication.focusWidget()
        return (
            dialog is not None
            and dialog.isActiveWindow()
            and focus is not None
            and (dialog.isAncestorOf(focus))
        )

    def run(tries: int = 500) -> None:
        if _test_number[0] != test:
            return
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


def test_find_an_event_and_export_it_by_keyboard(make_window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "hypoglycaemia.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window()
    in_next_dialog(qtbot, typed(qtbot, "hypoglyc"), pressed(qtbot, Qt.Key.Key_Return))
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.calendar_host
    tab = window.calendar_tab
    assert tab.detail.occurrence.event.title == "Neonatal hypoglycaemia"
    assert window.focusWidget() is tab.table  # the next key acts on the event found
    window.activateWindow()  # as the window system does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
    # Alt+X is the detail pane's "Export this event…" (a mnemonic clicks after a short flash);
    # it exports just this event, straight to choosing the file.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(target.exists)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 1 and "SUMMARY:Neonatal hypoglycaemia" in text


def test_tick_a_resource_with_a_reflection_by_keyboard(make_window, qtbot):
    from mnhsc_desktop.core.ladder.ladder import Progress
    from mnhsc_desktop.ui.ladder.tab import RESOURCE_ROLE

    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the QI ladder
    tab = window.ladder_tab
    resource = tab.resources.currentItem().data(RESOURCE_ROLE)
    in_next_dialog(
        qtbot,
        pressed(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier),
        typed(qtbot, "Small tests of change are safer"),
        pressed(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier),
        typed(qtbot, "I will run a PDSA on handover"),
        pressed(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier),  # part of the Code
        pressed(qtbot, Qt.Key.Key_Down),
        pressed(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier),
    )
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.grid)
    qtbot.waitUntil(tab.done_button.isVisible)  # a new tab shows on the next event loop pass
    qtbot.keyClick(tab.grid, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Mark as done…
    qtbot.waitUntil(lambda: resource in Progress(window.store).done)
    done = Progress(window.store).done[resource]
    assert done.learned == "Small tests of change are safer"
    assert done.practice == "I will run a PDSA on handover" and done.has_reflection


def test_ctrl_and_a_number_lands_in_the_tab_ready_to_type(make_window, qtbot):
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.calendar_tab.search)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.ladder_tab.grid)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.culture_tab.search)


def test_ctrl_f_finds_in_the_tab_or_everywhere(make_window, qtbot):
    window = make_window()
    window.show_tab(3)
    window.culture_tab.search.setText("huddle")
    window.show_tab(1)
    window.calendar_tab.table.setFocus()
    qtbot.keyClick(window.calendar_tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.calendar_tab.search
    window.show_tab(3)
    qtbot.keyClick(window.culture_tab.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.culture_tab.search
    assert window.culture_tab.search.selectedText() == "huddle"  # typing replaces the old search
    window.show_tab(2)  # the ladder has no search box of its own: Find anything opens
    opened = []
    window.open_search = lambda: opened.append(True)
    qtbot.keyClick(window.ladder_tab.grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]


def test_build_a_session_plan_by_keyboard(make_window, qtbot):
    from mnhsc_desktop.core.culture.plans import plans

    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # culture, search box
    tab = window.culture_tab
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.search)
    qtbot.keyClicks(tab.search, "huddle")
    qtbot.keyClick(tab.search, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Session plan
    qtbot.waitUntil(lambda: tab.sides.currentWidget() is tab.planner)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(plans(window.store)) and bool(plans(window.store)[0].items))
    item = plans(window.store)[0].items[0]
    assert "huddle" in (item.activity_id or "").lower()
