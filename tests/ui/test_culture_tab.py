"""The Culture library tab: filter, favourite, log with the team, and print Kudos cards."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from mnhsc_desktop.ui.culture_dialogs import KudosDialog, LogDialog


@pytest.fixture
def window(make_window):
    window = make_window()
    window.tabs.setCurrentIndex(3)
    return window


@pytest.fixture
def tab(window):
    return window.culture_tab


def test_filters_narrow_the_list(tab, qtbot) -> None:
    assert tab.model.rowCount() == 20
    tab.who.setCurrentIndex(tab.who.findData("team"))
    tab.max_minutes.setValue(15)
    tab.tag.setCurrentIndex(tab.tag.findData("praise"))
    assert [a.id for a in tab.model.rows] == [
        "learning-from-excellence",
        "kudos-cards",
        "sharing-praise",
    ]
    tab.max_minutes.setValue(10)
    assert [a.id for a in tab.model.rows] == ["kudos-cards"]
    assert "Print some Kudos cards" in tab.detail.text()
    tab.tag.setCurrentIndex(0)
    tab.max_minutes.setValue(0)
    qtbot.keyClicks(tab.search, "huddle")
    assert [a.id for a in tab.model.rows] == ["how-to-huddle"]


def test_favourite_and_log_feed_the_learning_record(window, tab, monkeypatch) -> None:
    tab.select("how-to-huddle")
    tab.favourite_button.click()
    assert "★" in tab.model.data(tab.list.currentIndex())

    def fill(dialog: LogDialog) -> int:
        dialog.people.setValue(7)
        dialog.minutes.setValue(30)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LogDialog, "exec", fill)
    tab.log_button.click()
    assert "Done with my team" in tab.detail.text() and "7 people, 30 min" in tab.detail.text()
    window.tabs.setCurrentIndex(2)
    assert "CPD:</b> 0.5 of 35 hours (0.5 of 20 participatory)" in window.ladder_tab.summary.text()


def test_home_suggests_this_weeks_activity(window) -> None:
    home = window.home_tab
    assert home.suggestion is not None
    home.suggestion_button.click()
    assert window.tabs.currentIndex() == 3
    assert window.culture_tab.selected().id == home.suggestion.id


def test_kudos_cards_to_pdf(window, monkeypatch, tmp_path: Path) -> None:
    def fill(dialog: KudosDialog) -> int:
        dialog.to.setText("Sam")
        dialog.what.setPlainText("Calm help at handover")
        dialog.cards.setValue(5)
        dialog.per_page.button(4).setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(KudosDialog, "exec", fill)
    out = tmp_path / "kudos.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.culture_tab.kudos_button.click()
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.count("Kudos!") == 4 and "Sam" in text and "Calm help at handover" in text


def test_activity_model_is_well_behaved(qtmodeltester, tab) -> None:
    qtmodeltester.check(tab.model)
