"""The Calendar tab as a user drives it: search, filters, own events, hide, export and import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from mnhsc_desktop.core.store.store import STORE_FILE
from mnhsc_desktop.ui.calendar.agenda_model import AgendaModel
from mnhsc_desktop.ui.calendar.event_dialog import EventDialog
from mnhsc_desktop.ui.calendar.files import ExportChoiceDialog, ImportPreviewDialog
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "ics"


@pytest.fixture
def window(make_window):
    window = make_window()
    window.show_calendar()
    return window


@pytest.fixture
def tab(window):
    return window.calendar_tab


def titles(tab) -> list[str]:
    return [tab.model.rows[r].event.title for r in range(len(tab.model.rows))]


def test_the_whole_programme_shows_and_nothing_upcoming_is_said_plainly(tab) -> None:
    assert tab.mode.currentText() == "Whole calendar"
    assert len(tab.model.rows) == 54
    assert tab.notice.isVisible()
    assert (
        "Nothing coming up" in tab.notice_text.text()
        and "Fri 15 Nov 2019" in tab.notice_text.text()
    )
    assert tab.import_newer_button.isVisible()
    assert tab.model.data(tab.model.index(0, 4)) == "Past"


def test_two_keystrokes_find_neonatal_hypoglycaemia(tab, qtbot) -> None:
    tab.focus_search()
    qtbot.keyClicks(tab.search, "hy")
    assert titles(tab) == ["Neonatal hypoglycaemia"]
    assert tab.count_label.text() == "1 event"


def test_filters_by_kind_location_and_wave(tab) -> None:
    tab.kind.setCurrentIndex(tab.kind.findData("learning-set"))
    assert len(tab.model.rows) == 6
    tab.location.setCurrentIndex(tab.location.findData("Bristol"))
    assert titles(tab) == ["Wave 2 Learning Set 3"]
    tab.location.setCurrentIndex(0)
    tab.wave.setCurrentIndex(tab.wave.findData("3"))
    assert len(tab.model.rows) == 3
    tab.search.setText("zzz")
    assert tab.count_label.text() == "No events match the search and filters."


def test_month_view_marks_days_and_follows_the_month(tab, qtbot) -> None:
    tab.month_view.setCurrentPage(2018, 10)
    assert tab.mode.currentText() == "Month shown"
    assert tab.month_view.counts[dt.date(2018, 10, 22)] == 1
    assert tab.month_label.text() == "October 2018"
    assert len(tab.model.rows) == 5  # four WebEx Mondays and the Local Learning System 2
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.month_label.text() == "November 2018"


def test_selecting_shows_details_and_copy(tab, qtbot) -> None:
    tab.search.setText("learning set 1")
    tab.table.selectRow(0)
    assert "Wave 2 Learning Set 1" in tab.detail.body.text()
    assert "Wed 9 – Fri 11 May 2018" in tab.detail.body.text()
    assert "Guidebook code MN18" in tab.detail.body.text()
    assert not tab.detail.edit_button.isVisible() and tab.detail.hide_button.isVisible()


def fill_dialog(dialog: EventDialog) -> None:
    dialog.title.setText("Trust PDSA workshop")
    dialog.kind.setCurrentIndex(dialog.kind.findData("workshop"))
    dialog.start_date.setDate(QDate(2027, 1, 11))
    dialog.end_date.setDate(QDate(2027, 1, 11))
    dialog.start_time.setTime(QTime(13, 0))
    dialog.end_time.setTime(QTime(14, 30))
    dialog.location.setText("Seminar room 2")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("weekly"))
    dialog.count.setValue(4)


def test_add_edit_and_delete_an_own_event(tab, monkeypatch, data_dir: Path) -> None:
    def add(dialog: EventDialog) -> int:
        fill_dialog(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EventDialog, "exec", add)
    tab.new_event()
    assert tab.mode.currentText() == "Whole calendar" or titles(tab)
    event = tab.selected_event()
    assert event.title == "Trust PDSA workshop" and event.repeat.count == 4
    assert not tab.notice.isVisible(), "now something is upcoming"
    assert sum(1 for o in tab.calendar.occurrences() if o.event.key == event.key) == 4

    def rename(dialog: EventDialog) -> int:
        assert dialog.title.text() == "Trust PDSA workshop"
        dialog.title.setText("Trust PDSA workshop (room change)")
        return QDialog.DialogCode.Accepted

    from mnhsc_desktop.ui.calendar import commands

    asked: list[str] = []
    monkeypatch.setattr(commands, "ask_scope", lambda _p, verb, _e: asked.append(verb) or "all")
    monkeypatch.setattr(EventDialog, "exec", rename)
    tab.edit_selected()
    edited = tab.selected_event()
    assert edited.title.endswith("(room change)") and edited.sequence == 1
    assert asked == ["Change"], "a repeating event asks which occurrences"

    tab.delete_selected()
    assert all(o.event.key != event.key for o in tab.calendar.occurrences())
    assert tab.store.undo_last() is not None  # Edit > Undo: the event and its notes are back
    (back,) = {o.event for o in tab.calendar.occurrences() if o.event.key == event.key}
    assert back.title.endswith("(room change)") and back.repeat.count == 4


def test_the_dialog_says_what_needs_fixing(qtbot) -> None:
    dialog = EventDialog(None)
    qtbot.addWidget(dialog)
    save = dialog.buttons.buttons()[0]
    assert dialog.problem.text() == "Give the event a title." and not save.isEnabled()
    dialog.title.setText("Huddle")
    dialog.start_time.setTime(QTime(10, 0))
    dialog.end_time.setTime(QTime(9, 0))
    assert dialog.problem.text() == "The end time is not after the start time."
    dialog.all_day.setChecked(True)
    assert dialog.problem.text() == "" and save.isEnabled()


def test_hide_and_show_again_a_shipped_event(tab, data_dir: Path) -> None:
    tab.search.setText("ATAIN")
    tab.table.selectRow(0)
    tab.detail.hide_button.click()
    assert titles(tab) == []
    tab.show_hidden.setChecked(True)
    assert titles(tab) == ["ATAIN"]
    tab.table.selectRow(0)
    assert tab.model.data(tab.model.index(0, 4)) == "Hidden"
    tab.detail.hide_button.click()
    tab.show_hidden.setChecked(False)
    assert titles(tab) == ["ATAIN"]


def test_export_shown_events_through_the_dialogs(window, tab, monkeypatch, tmp_path: Path) -> None:
    tab.kind.setCurrentIndex(tab.kind.findData("webex"))
    out = tmp_path / "webex"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportChoiceDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.export_action.trigger()
    written = out.with_suffix(".ics")
    events = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert len(events) == 10 and "Exported 10 events" in window.statusBar().currentMessage()


def test_export_one_event_from_the_detail_pane(window, tab, monkeypatch, tmp_path: Path) -> None:
    tab.search.setText("deterioration")
    tab.table.selectRow(0)
    out = tmp_path / "one.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.detail.export_button.click()
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Deterioration"


def test_import_previews_then_imports(window, tab, monkeypatch, data_dir: Path) -> None:
    shown: list[ImportPreviewDialog] = []

    def accept(dialog: ImportPreviewDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(FIXTURES / "some-bad-events.ics"), "")
    )
    monkeypatch.setattr(ImportPreviewDialog, "exec", accept)
    window.import_action.trigger()
    items = [shown[0].items.item(i).text() for i in range(shown[0].items.count())]
    assert any(item.startswith("New: Good event") for item in items)
    assert any("Skipped: “No start” (line 10): has no start date" in item for item in items)
    assert window.statusBar().currentMessage() == "Imported some-bad-events.ics: 2 new, 0 updated."
    tab.search.setText("good event")
    assert titles(tab) == ["Good event"]
    window.autosaver.save_now()
    saved = json.loads((data_dir / STORE_FILE).read_text())["calendar"]
    assert any(key.startswith("event/good-1") for key in saved)


def test_a_refused_file_is_explained_and_changes_nothing(window, monkeypatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(FIXTURES / "not-a-calendar.html"), "")
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    window.import_action.trigger()
    assert "it is a web page (HTML), not a calendar" in messages[0]
    assert "Nothing was changed" in messages[0]


def test_the_agenda_model_is_a_well_behaved_qt_model(qtmodeltester, tab) -> None:
    model: AgendaModel = tab.model
    qtmodeltester.check(model)
    qtmodeltester.check(tab.proxy)


def test_sorting_by_a_column_and_back(tab) -> None:
    tab._sort_by(1)
    first = tab.proxy.data(tab.proxy.index(0, 1))
    assert first == sorted(titles(tab), key=str.casefold)[0]
    tab._sort_by(1)
    assert tab.proxy.data(tab.proxy.index(0, 1)) == sorted(titles(tab), key=str.casefold)[-1]
    tab._sort_by(0)
    assert tab.proxy.data(tab.proxy.index(0, 0)).startswith("March 2018")


def test_context_menu_offers_what_fits_the_event(tab) -> None:
    tab.search.setText("ATAIN")
    tab.table.selectRow(0)
    menu = tab.context_menu_for_selection()
    assert [a.text() for a in menu.actions()] == ["E&xport this event…", "&Hide from my calendar"]
    menu.deleteLater()
    tab.hide_action.trigger()
    assert tab.model.rows == []


def test_keys_on_the_agenda(window, tab, qtbot, monkeypatch) -> None:
    from mnhsc_desktop.ui.calendar import commands

    opened: list[EventDialog] = []
    monkeypatch.setattr(EventDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    monkeypatch.setattr(commands, "ask_scope", lambda *_a: "all")
    fill = EventDialog(None)
    fill_dialog(fill)
    from mnhsc_desktop.core.calendar.calendar import save_events

    save_events(tab.store, [fill.result_event()])
    fill.deleteLater()
    tab.search.setText("PDSA workshop")
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].title.text() == "Trust PDSA workshop"
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert tab.model.rows == []
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()


def test_a_narrow_window_keeps_the_title_column_readable(window, tab, qtbot) -> None:
    """At 200% on a laptop the agenda is narrow: the title keeps its share, the others give."""
    window.resize(960, 540)
    qtbot.waitUntil(lambda: tab.table.viewport().width() < 700)
    width = tab.table.viewport().width()
    assert tab.table.columnWidth(1) >= 0.35 * width
    window.resize(1800, 900)
    qtbot.waitUntil(lambda: tab.table.viewport().width() > 1000)
    assert tab.table.columnWidth(4) == tab.column_fitter.preferred[4]  # room for everything


def test_moving_the_start_carries_the_end_and_the_repeat_with_it(qtbot) -> None:
    dialog = EventDialog(None, day=dt.date(2027, 6, 10))
    qtbot.addWidget(dialog)
    dialog.title.setText("Huddle")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("weekly"))
    dialog.ends.setCurrentIndex(1)
    until = dialog.until.date()
    dialog.start_date.setDate(QDate(2027, 6, 12))
    assert dialog.end_date.date() == QDate(2027, 6, 12)
    assert dialog.until.date() == until.addDays(2), "the repeat's last date stays after the start"
    dialog.start_time.setTime(QTime(14, 0))
    assert dialog.end_time.time() == QTime(15, 0), "an hour-long event stays an hour long"
    dialog.start_time.setTime(QTime(23, 30))
    assert (dialog.end_date.date(), dialog.end_time.time()) == (QDate(2027, 6, 13), QTime(0, 30))
    assert dialog.note.text() == "", "an hour across midnight is not a long event"
    dialog.end_date.setDate(QDate(2027, 6, 14))
    assert "more than a day (2 days)" in dialog.note.text()
    save = dialog.buttons.buttons()[0]
    assert save.isEnabled(), "a long event is a warning, not a refusal"


def test_editing_an_imported_series_keeps_its_rule_and_moves_it_in_its_own_zone(qtbot) -> None:
    """The dialog cannot express "2nd Tuesday in New York time"; it keeps the rule as the file
    wrote it, and a new start time moves the series in its own zone."""
    from mnhsc_desktop.core.calendar.events import Event
    from mnhsc_desktop.core.calendar.expansion import expand

    series = Event(
        uid="ny@test", title="Call with New York", kind="meeting", start=dt.date(2025, 3, 11),
        end=dt.date(2025, 3, 11), start_time=dt.time(13), end_time=dt.time(14),
        origin="imported", rule="FREQ=MONTHLY;BYDAY=2TU;COUNT=3", zone="America/New_York",
        zone_start=dt.datetime(2025, 3, 11, 9),
    )  # fmt: skip
    dialog = EventDialog(None, event=series)
    qtbot.addWidget(dialog)
    assert not dialog.repeat.isEnabled() and "2nd Tuesday" in dialog.repeat.currentText()
    dialog.start_time.setTime(QTime(14, 0))  # 10am in New York that day
    edited = dialog.result_event()
    assert edited.rule == series.rule and edited.zone_start == dt.datetime(2025, 3, 11, 10)
    assert [(o.start.day, o.event.start_time) for o in expand(edited)] == [
        (11, dt.time(14)), (8, dt.time(15)), (13, dt.time(15))
    ]  # fmt: skip


def test_a_long_import_reads_off_the_window_and_cancel_changes_nothing(
    window, qtbot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from mnhsc_desktop.core.calendar.calendar import Calendar
    from mnhsc_desktop.ui.calendar.background import plan_in_background

    events = "".join(
        f"BEGIN:VEVENT\r\nUID:e{n}\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Event {n}\r\n"
        f"DTSTART;VALUE=DATE:2027{1 + n % 12:02d}{1 + n % 28:02d}\r\nEND:VEVENT\r\n"
        for n in range(3000)
    )
    big = tmp_path / "big.ics"
    big.write_text(
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{events}END:VCALENDAR\r\n"
    )
    QTimer.singleShot(0, lambda: window.findChild(QProgressDialog).canceled.emit())  # Cancel
    before = window.store.snapshot()
    assert plan_in_background(window, big, Calendar([], [])) is None, "cancelled"
    assert window.store.snapshot() == before
    import itertools
    import time

    stamps: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
    timer.start(5)
    plan = plan_in_background(window, big, Calendar([], []))
    timer.stop()
    assert len(plan.new) == 3000, "read to the end when not cancelled"
    gaps = [later - earlier for earlier, later in itertools.pairwise(stamps)]
    # Not a timing budget (benchmarks/calendar.py holds the 50 ms one, side by side): a window
    # blocked by the read would show one gap as long as the read itself. On a busy machine a
    # single 259 ms pause failed a fixed 250 ms limit here, so the test compares with the read.
    whole = stamps[-1] - stamps[0] if stamps else 0.0
    assert len(stamps) > 3 and max(gaps) < whole / 2, "the window kept running while it was read"


def test_change_or_delete_one_occurrence_or_this_and_following(tab, monkeypatch) -> None:
    from mnhsc_desktop.core.calendar.calendar import save_events
    from mnhsc_desktop.core.calendar.events import Event, Repeat
    from mnhsc_desktop.ui.calendar import commands

    huddle = Event(uid="huddle@test", title="Ward huddle", kind="meeting",
                   start=dt.date(2027, 1, 4), end=dt.date(2027, 1, 4), start_time=dt.time(8, 30),
                   end_time=dt.time(8, 45), origin="local", repeat=Repeat("weekly", count=6))  # fmt: skip
    save_events(tab.store, [huddle])
    tab.search.setText("Ward huddle")
    tab.mode.setCurrentIndex(tab.mode.findText("Whole calendar"))

    def pick(day: int) -> None:
        row = next(r for r, o in enumerate(tab.model.rows) if o.start.day == day)
        tab.table.selectRow(tab.proxy.mapFromSource(tab.model.index(row, 0)).row())

    def rows() -> list[tuple[int, str, dt.time]]:
        return [(o.start.day, o.event.title, o.event.start_time) for o in tab.model.rows]

    scope = ["this"]
    monkeypatch.setattr(commands, "ask_scope", lambda *_a: scope[0])

    def later(dialog: EventDialog) -> int:
        assert dialog.start_date.date() == QDate(2027, 1, 18), "starts from the one chosen"
        assert not dialog.repeat.currentData(), "one occurrence does not repeat"
        dialog.start_time.setTime(QTime(9, 0))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EventDialog, "exec", later)
    pick(18)
    tab.edit_selected()
    assert rows()[1:4] == [(11, "Ward huddle", dt.time(8, 30)), (18, "Ward huddle", dt.time(9)),
                           (25, "Ward huddle", dt.time(8, 30))]  # fmt: skip
    scope[0] = "following"
    pick(25)
    tab.delete_selected()
    assert [day for day, *_ in rows()] == [4, 11, 18], "the series ends before the 25th"
    tab.store.undo_last()
    assert [day for day, *_ in rows()] == [4, 11, 18, 25, 1, 8]
    scope[0] = "this"
    pick(11)
    tab.delete_selected()
    assert tab.selected_occurrence().start == dt.date(2027, 1, 18), "the next takes its place"
    tab.store.undo_last()
    assert tab.selected_occurrence().start == dt.date(2027, 1, 18), "and keeps it after Undo"
    assert tab.month_view.selectedDate() == QDate(2027, 1, 18), "the picker stays put"


def test_repeats_as_outlook_offers_them(qtbot) -> None:
    dialog = EventDialog(None, day=dt.date(2027, 3, 29))  # the last Monday of March
    qtbot.addWidget(dialog)
    dialog.title.setText("Clinic")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("weekly"))
    assert dialog.weekdays.isEnabled() and dialog.weekdays.boxes[0].isChecked()
    dialog.weekdays.boxes[2].setChecked(True)  # and Wednesday
    dialog.weekdays.boxes[4].setChecked(True)  # and Friday
    assert dialog.result_event().repeat.byday == "MO,WE,FR"
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("monthly"))
    labels = [dialog.monthly.itemText(i) for i in range(dialog.monthly.count())]
    assert labels == ["on day 29", "on the last Monday"]
    dialog.monthly.setCurrentIndex(1)
    assert dialog.result_event().repeat.byday == "-1MO"
    dialog.start_date.setDate(QDate(2027, 4, 12))  # moved: the kind of choice is kept
    assert dialog.monthly.currentText() == "on the 2nd Monday"


def test_the_month_grid_by_keyboard_and_by_name(tab, qtbot) -> None:
    from mnhsc_desktop.core.calendar.calendar import save_events
    from mnhsc_desktop.core.calendar.events import Event

    day = dt.date(2027, 5, 12)
    save_events(tab.store, [
        Event(uid=f"e{n}@test", title=f"Clinic {n}", kind="clinic", start=day, end=day,
              start_time=dt.time(9 + n), origin="local") for n in range(6)
    ])  # fmt: skip
    tab.month_view.setCurrentPage(2027, 5)
    tab.grid_button.click()
    grid = tab.grid
    assert grid.isVisible() and grid.hasFocus()
    grid.setCurrentIndex(grid.grid_model.index_of(day))
    said = grid.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.startswith("Wed 12 May 2027: 6 events: 9am Clinic 0; 10am Clinic 1")
    assert grid.model().headerData(5, Qt.Orientation.Horizontal) == "Sat", "weekends named"
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.chosen_day() == dt.date(2027, 5, 13)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert tab.month_view.shown_month()[0] == dt.date(2027, 6, 1)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    grid.setCurrentIndex(grid.grid_model.index_of(day))
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert tab.detail.occurrence.event.title == "Clinic 0", "Enter opens the day's first event"
    grid.resize(700, 300)  # small cells: the day says how many more it holds
    grid.grab()
    tab.grid_button.click()
    assert tab.table.isVisible() and not grid.isVisible()


def test_an_export_is_made_off_the_window_and_cancel_writes_nothing(
    window, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from mnhsc_desktop.ui.calendar import files

    target = tmp_path / "out.ics"
    events = window.calendar_tab.all_events()
    monkeypatch.setattr(files, "ask_save_path", lambda *a, **k: target)
    QTimer.singleShot(0, lambda: window.findChild(QProgressDialog).canceled.emit())
    assert files.write_events(window, events, "x.ics").startswith("Export cancelled")
    assert not target.exists()
    assert files.write_events(window, events, "x.ics").startswith("Exported")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
