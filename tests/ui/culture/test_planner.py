"""The session planner and run mode, by keyboard, by drag and drop, and with a fake clock."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from mnhsc_desktop.core.culture.plans import plans
from mnhsc_desktop.ui.culture.planner import activity_mime
from mnhsc_desktop.ui.culture.run_mode import RunWindow


@pytest.fixture
def tab(make_window):
    window = make_window()
    window.tabs.setCurrentIndex(3)
    tab = window.culture_tab
    tab.sides.setCurrentWidget(tab.planner)
    return tab


def test_build_a_plan_by_keyboard(tab, qtbot) -> None:
    planner = tab.planner
    for activity_id in ("civility", "how-to-huddle", "kudos-cards"):
        tab.select(activity_id)
        planner.add_button.click()
    assert planner.total.text() == "Total: 45 minutes, 3 items"
    planner.items.setFocus()
    planner.items.setCurrentRow(2)
    qtbot.keyClick(planner.items, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [i.activity_id for i in planner.plan.items] == [
        "civility",
        "kudos-cards",
        "how-to-huddle",
    ]
    planner.minutes.setValue(5)
    assert planner.plan.items[1].minutes == 5 and "40 minutes" in planner.total.text()
    qtbot.keyClick(planner.items, Qt.Key.Key_Delete)
    assert len(planner.plan.items) == 2
    assert plans(tab.store)[0].items == planner.plan.items, "saved as it changes"
    started = []
    planner.run_requested.connect(started.append)
    qtbot.keyClick(planner.items, Qt.Key.Key_F5)  # as presentation programs start a show
    assert started == [planner.plan]


def test_drop_an_activity_into_the_plan(tab) -> None:
    planner = tab.planner
    dropped = activity_mime("say-thank-you")  # kept alive: the event does not own it
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        dropped,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    planner.items.dropEvent(event)
    assert [i.activity_id for i in planner.plan.items] == ["say-thank-you"]
    mime = tab.model.mimeData([tab.model.index(0, 0)])
    assert bytes(mime.data("application/x-mnhsc-activity").data()).decode() == tab.model.rows[0].id


def test_handout_pdf(tab, monkeypatch, tmp_path: Path) -> None:
    tab.select("how-to-huddle")
    tab.planner.add_button.click()
    out = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.planner.handout_button.click()
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert (
        "My session" in text
        and "Watch How to Huddle, then huddle" in text
        and "What could harm" in text
    )


def test_run_mode_counts_down_and_says_when_time_is_up(tab, qtbot) -> None:
    tab.select("say-thank-you")
    tab.planner.add_button.click()
    tab.select("how-to-huddle")
    tab.planner.add_button.click()
    now = [1000.0]
    window = RunWindow(
        tab.planner.plan, {a.id: a for a in tab.culture.activities}, clock=lambda: now[0]
    )
    qtbot.addWidget(window)
    assert window.title.text() == "Say thank you" and window.countdown.text() == "02:00"
    now[0] += 61
    window.refresh()
    assert window.countdown.text() == "00:59" and window.state.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_Space)
    now[0] += 500
    window.refresh()
    assert window.countdown.text() == "00:59" and "Paused" in window.state.text()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    now[0] += 60
    window.refresh()
    assert window.countdown.text() == "00:00" and window.state.text().startswith("Time is up")
    assert window.time_is_up
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert (
        window.title.text() == "Watch How to Huddle, then huddle"
        and window.countdown.text() == "15:00"
    )
    assert "What could harm a woman or baby" in window.prompts.text()
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.title.text() == "Say thank you"


def test_session_details_give_the_handout_real_times(tab, monkeypatch, tmp_path: Path) -> None:
    import datetime as dt

    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QDialog

    from mnhsc_desktop.ui.culture.session_details import SessionDetailsDialog

    tab.select("how-to-huddle")
    tab.planner.add_button.click()

    def fill(dialog: SessionDetailsDialog) -> int:
        dialog.timed.setChecked(True)
        dialog.start.setTime(QTime(14, 0))
        dialog.venue.setText("Seminar room 2")
        dialog.booked.setValue(30)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SessionDetailsDialog, "exec", fill)
    tab.planner.details_button.click()
    plan = tab.planner.plan
    assert plan.start == dt.time(14, 0) and plan.venue == "Seminar room 2"
    minutes = plan.total_minutes
    assert f"{30 - minutes} minutes spare of the 30 booked" in tab.planner.total.text()
    out = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.planner.handout_button.click()
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert f"14:00–14:{minutes:02d}" in text and "Seminar room 2" in text
