"""Home's dashboard: the next events, ladder and CPD progress, and the buttons onward."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mnhsc_desktop.core.calendar.calendar import save_events
from mnhsc_desktop.core.calendar.events import Event, Repeat, from_shipped
from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.ladder.ladder import Completion, mark_done
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.home.dashboard import Dashboard
from tests.conftest import SHIPPED_CONTENT


def own_event(title: str, start: dt.date, repeat: Repeat | None = None) -> Event:
    return Event(
        uid=f"{title}@test", title=title, kind="workshop", start=start, end=start,
        location="Room 2", origin="local", repeat=repeat,
    )  # fmt: skip


def dashboard(qtbot, data_dir: Path, today: dt.date) -> Dashboard:
    board = Dashboard(load_content(SHIPPED_CONTENT), Store.open(data_dir))
    qtbot.addWidget(board)
    board.today = lambda: today
    board.show()  # it follows the store while on screen
    qtbot.waitExposed(board)
    board.refresh()
    return board


def settle(qtbot, board: Dashboard) -> None:
    """Let the repaint a store change asks for run, and the refresh it starts."""
    qtbot.waitUntil(lambda: not board.stale)
    qtbot.wait(10)


def test_after_the_shipped_calendar_ends_it_says_so_and_offers_an_import(qtbot, data_dir):
    board = dashboard(qtbot, data_dir, dt.date(2026, 11, 28))
    assert "Nothing coming up" in board.coming.text()
    assert "Fri 15 Nov 2019" in board.coming.text()  # the last shipped event's end
    assert not board.import_button.isHidden()


def coming_up(board: Dashboard) -> list[str]:
    """What a screen reader says for each upcoming event's link, in order."""
    return [button.accessibleName() for button in board.event_buttons]


def test_shows_the_next_three_events_soonest_first_without_past_or_hidden_ones(qtbot, data_dir):
    board = dashboard(qtbot, data_dir, dt.date(2019, 9, 1))
    shown = coming_up(board)  # only two shipped events are left after 1 September 2019
    assert [name.split(",")[0] for name in shown] == [
        "Local Learning System 5",
        "National Learning Set Wave 3.3",
    ]
    assert board.import_button.isHidden() and board.coming.isHidden()
    shipped = [from_shipped(item) for item in board.content.calendar.events]
    key = next(e.key for e in shipped if e.title == "Local Learning System 5")
    board.store.set("calendar", "hidden", [key])
    settle(qtbot, board)
    assert not any("Local Learning System 5" in name for name in coming_up(board))  # follows


def test_an_upcoming_event_opens_in_the_calendar_with_the_keyboard_on_it(make_window, qtbot):
    window = make_window()
    window.dashboard.today = lambda: dt.date(2019, 9, 1)
    window.dashboard.refresh()
    first = window.dashboard.event_buttons[0]
    assert first.accessibleDescription() == "Opens this event in the calendar"
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    tab = window.calendar_tab
    assert window.tabs.currentWidget() is window.calendar_host
    assert tab.selected_event().title == "Local Learning System 5"
    assert tab.table.hasFocus() or QApplication.focusWidget() is tab.table


def test_an_ampersand_in_a_title_is_shown_not_taken_as_a_shortcut(qtbot, data_dir):
    board = dashboard(qtbot, data_dir, dt.date(2026, 11, 28))
    save_events(board.store, [own_event("Q&A with the safety team", dt.date(2026, 12, 3))])
    settle(qtbot, board)
    (button,) = board.event_buttons
    assert button.text() == "Q&&A with the safety team"
    assert button.accessibleName().startswith("Q&A with the safety team, Thu 3 Dec 2026")


def test_a_repeating_own_event_shows_its_next_occurrence(qtbot, data_dir):
    board = dashboard(qtbot, data_dir, dt.date(2026, 11, 28))
    weekly = own_event("Safety huddle", dt.date(2026, 11, 2), Repeat("weekly"))  # Mondays
    save_events(board.store, [weekly])
    settle(qtbot, board)
    (name,) = coming_up(board)
    assert name.startswith("Safety huddle, Mon 30 Nov 2026") and name.endswith("· Room 2")


def test_progress_follows_the_ladder_and_counts_cpd(qtbot, data_dir):
    board = dashboard(qtbot, data_dir, dt.date(2026, 11, 28))
    assert "not started in any subject yet" in board.progress.text()
    resource = board.content.ladder.resources[0]
    mark_done(board.store, Completion(resource.id, dt.date(2026, 11, 20), 90, learned="x"))
    settle(qtbot, board)
    text = board.progress.text()
    assert f"Resources done: 1 of {len(board.content.ladder.resources)}" in text
    assert "1.5 of 35 hours" in board.revalidation.text()
    assert "0 of 8 requirements met" in board.revalidation.text()


def test_fills_itself_after_home_first_paints(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: "Looking at the calendar" not in window.dashboard.coming.text())
    assert "Adding up" not in window.dashboard.progress.text()


def test_buttons_lead_to_the_calendar_and_the_ladder(make_window, qtbot, monkeypatch):
    window = make_window()
    qtbot.mouseClick(window.dashboard.calendar_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.calendar_host
    window.tabs.setCurrentWidget(window.home_tab)
    qtbot.mouseClick(window.dashboard.ladder_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.ladder_host
    # Ready to log: the keyboard is on the resource marked Next, so Enter opens its form.
    resources = window.ladder_tab.resources
    assert QApplication.focusWidget() is resources
    assert resources.currentItem().text().startswith("→ Next")
    from mnhsc_desktop.ui.ladder.dialogs import DoneDialog

    opened = []
    monkeypatch.setattr(DoneDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    qtbot.keyClick(resources, Qt.Key.Key_Return)
    assert len(opened) == 1


def test_every_dashboard_button_has_an_accessible_name(qtbot, data_dir):
    board = dashboard(qtbot, data_dir, dt.date(2026, 11, 28))
    for button in (board.calendar_button, board.import_button, board.ladder_button,
                   board.record_button):  # fmt: skip
        assert button.accessibleName()


def test_export_my_record_from_home_writes_the_file_chosen(
    make_window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "my-record.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV for Excel (*.csv)")
    )
    window = make_window()
    qtbot.mouseClick(window.dashboard.record_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.revalidation_host
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel's UTF-8 mark, then the rows


def test_a_tick_elsewhere_is_summed_up_only_when_home_is_seen_again(make_window, qtbot):
    window = make_window()
    board = window.dashboard
    qtbot.waitUntil(lambda: "Resources done: 0 of" in board.progress.text())
    window.show_tab(2)
    resource = window.content.ladder.resources[0]
    mark_done(window.store, Completion(resource.id, dt.date.today(), 30))
    qtbot.wait(50)
    assert "Resources done: 0 of" in board.progress.text()  # no work while Home is hidden
    window.show_tab(0)
    qtbot.waitUntil(lambda: "Resources done: 1 of" in board.progress.text())


def test_a_passed_revalidation_date_is_said_on_home(qtbot, data_dir):
    board = dashboard(qtbot, data_dir, dt.date.today())
    passed = dt.date.today() - dt.timedelta(days=1)
    board.store.set("profile", "revalidation_due", passed.isoformat())
    settle(qtbot, board)
    text = board.revalidation.text()
    assert "has passed:</b> start the next period on the Revalidation tab" in text


def test_home_leads_to_the_first_requirement_still_missing(make_window, qtbot):
    from mnhsc_desktop.core.revalidation.entries import HoursEntry, new_id, save_entry

    window = make_window()
    today = dt.date.today()
    save_entry(window.store, HoursEntry(new_id(), today, today, 500))
    window.dashboard.refresh()
    assert "1 of 8 requirements met" in window.dashboard.revalidation.text()
    qtbot.mouseClick(window.dashboard.revalidation_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.revalidation_host
    assert window.revalidation_tab.requirements.currentRow() == 1, "CPD: the first one missing"
