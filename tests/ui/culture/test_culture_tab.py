"""The Culture library tab: filter, favourite, log with the team, and print Kudos cards."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from mnhsc_desktop.ui.culture.dialogs import KudosDialog, LogDialog


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


def test_home_suggests_this_weeks_activity(window, qtbot) -> None:
    home = window.home_tab
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: home.suggestion is not None)  # added once Home has first painted
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
    assert window.statusBar().currentMessage() == f"Kudos cards saved to {out}."
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.count("Kudos!") == 4 and "Sam" in text and "Calm help at handover" in text


def test_activity_model_is_well_behaved(qtmodeltester, tab) -> None:
    qtmodeltester.check(tab.model)


def test_attach_open_and_refuse_files(tab, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    film = tmp_path / "huddle.mp4"
    film.write_bytes(b"x")
    (tmp_path / "huddle.mp4.exe").write_bytes(b"x")
    tab.select("how-to-huddle")
    panel = tab.attachments
    assert panel.files.isHidden() and not panel.open_button.isEnabled()  # nothing to list yet
    assert panel.label.text().startswith("No files on this PC for this activity")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(film), ""))
    tab.attachments.attach_file()
    assert tab.attachments.files.item(0).text() == "huddle.mp4"
    assert not panel.files.isHidden() and panel.open_button.isEnabled()
    assert panel.files.height() < 3 * panel.files.sizeHintForRow(0)  # one file, one line
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    tab.attachments.files.setCurrentRow(0)
    tab.attachments.open_selected()
    assert opened == [str(film.resolve())]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "huddle.mp4.exe"), "")
    )
    tab.attachments.attach_file()
    assert "never runs programs" in warnings[0] and tab.attachments.files.count() == 1
    film.unlink()
    tab.select("say-thank-you")
    tab.select("how-to-huddle")
    assert tab.attachments.files.item(0).text() == "huddle.mp4  (missing)"
    tab.attachments.files.setCurrentRow(0)
    tab.attachments.open_selected()
    assert "not there any more" in warnings[1] and len(opened) == 1


def test_learning_from_excellence_form(tab, monkeypatch, tmp_path: Path) -> None:
    from mnhsc_desktop.ui.culture.dialogs import ExcellenceDialog

    def fill(dialog: ExcellenceDialog) -> int:
        dialog.who.setText("The night team on Ward 5")
        dialog.what.setPlainText("Spotted a deteriorating baby early and escalated calmly.")
        dialog.why.setPlainText("Clear SBAR handover; everyone knew their role.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExcellenceDialog, "exec", fill)
    out = tmp_path / "lfe.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.excellence_button.click()
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert (
        "Learning from Excellence" in text
        and "The night team on Ward 5" in text
        and "Clear SBAR handover" in text
    )


def test_odd_attachment_paths_are_listed_and_never_opened(tab, monkeypatch) -> None:
    """A name too long for the system, a folder that cannot be read, a network share and a
    device: the panel lists each with why, and opening one says why instead of crashing."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    odd = [
        "/tmp/" + "a" * 300 + ".pdf",
        "//ward-share/films/huddle.mp4",
        "\\\\ward-share\\films\\huddle.mp4",
        "/dev/zero",
        "C:\\films\\NUL.mp4",
    ]
    tab.store.set("culture", "attachment/how-to-huddle", odd)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail(url.toString()))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    tab.select("say-thank-you")
    tab.select("how-to-huddle")
    shown = [tab.attachments.files.item(row).text() for row in range(len(odd))]
    assert shown[0].endswith("(missing)") or shown[0].endswith("(cannot be reached)")
    assert all(text.endswith("(not opened: a network or device path)") for text in shown[1:])
    for row in range(len(odd)):
        tab.attachments.files.setCurrentRow(row)
        tab.attachments.open_selected()
    assert len(warnings) == len(odd)
    assert all("network or device path" in text for text in warnings[1:])
