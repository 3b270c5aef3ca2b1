"""Ctrl+K finds anything and Enter opens it in its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mnhsc_desktop.ui.shell.search_dialog import SearchDialog


def run_search(window, qtbot, monkeypatch, text: str, downs: int = 0) -> None:
    def drive(dialog: SearchDialog) -> int:
        qtbot.keyClicks(dialog.box, text)
        for _ in range(downs):
            qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        return 1

    monkeypatch.setattr(SearchDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)


def test_huddle_opens_the_activity(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    run_search(window, qtbot, monkeypatch, "huddle")
    assert window.tabs.currentIndex() == 3
    assert window.culture_tab.selected().id == "how-to-huddle"


def test_an_event_opens_in_the_calendar(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    run_search(window, qtbot, monkeypatch, "hypo")
    assert window.tabs.currentIndex() == 1
    assert window.calendar_tab.selected_event().title == "Neonatal hypoglycaemia"


def test_a_subject_and_a_resource_open_on_the_ladder(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    run_search(window, qtbot, monkeypatch, "using pdsas")
    assert window.tabs.currentIndex() == 2
    assert window.ladder_tab.ladder.subjects[window.ladder_tab.subject_row].id == "pdsa"
    run_search(window, qtbot, monkeypatch, "register for lifeqi")
    assert window.ladder_tab.selected_resource().id == "register-lifeqi"
