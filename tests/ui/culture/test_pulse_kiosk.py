"""The team pulse as a facilitator runs it: started from the Culture library, answered person
by person on a kiosk that clears itself, left only with the facilitator's yes, and results that
stay hidden under five responses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mnhsc_desktop.core.culture import pulse as tp
from mnhsc_desktop.ui.culture.pulse_page import StartPulseDialog


def start(window, monkeypatch):
    window.show_tab(3)
    page = window.culture_tab.pulse
    window.culture_tab.sides.setCurrentWidget(page)

    def filled(dialog):
        dialog.team.setEditText("Ward 5 midwives")
        return True

    monkeypatch.setattr(StartPulseDialog, "exec", filled)
    page.start()
    return page, page.kiosk


def test_five_people_answer_by_keyboard_and_then_the_results_show(
    make_window, monkeypatch, qtbot
) -> None:
    window = make_window()
    page, kiosk = start(window, monkeypatch)
    assert kiosk.isFullScreen() and len(kiosk.questions) == 4
    for person in range(5):
        qtbot.keyClick(kiosk.start_button, Qt.Key.Key_Space)
        assert kiosk.answers() == {}  # nothing of the last person's is left to see
        for question in kiosk.questions:
            button = kiosk.groups[question].buttons()[0]
            button.setFocus()
            qtbot.keyClick(button, Qt.Key.Key_4 if person < 3 else Qt.Key.Key_2)
        qtbot.keyClick(kiosk.submit_button, Qt.Key.Key_Space)
        assert "Thank you" in kiosk.thanks.text()
        if person == 3:
            page.refresh()
            assert "at least 5 people" in page.results.toPlainText()
    page.refresh()
    text = page.results.toPlainText()
    assert "5 response(s)" in text and "60%" in text
    assert page.chart.chart is not None and len(page.chart.chart.points) == 1


def test_leaving_the_kiosk_is_the_facilitators_choice(make_window, monkeypatch, qtbot) -> None:
    window = make_window()
    _page, kiosk = start(window, monkeypatch)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isVisible()  # a participant pressing Esc stays in the pulse
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert not kiosk.isVisible()
    [pulse] = tp.pulses(window.store)
    assert pulse.closed
