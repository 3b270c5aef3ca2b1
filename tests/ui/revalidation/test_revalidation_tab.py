"""The Revalidation tab as a midwife uses it: her portfolio, her spreadsheet, the pack."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from mnhsc_desktop.core.culture.culture import LogEntry, add_log_entry
from mnhsc_desktop.core.ladder.ladder import Completion, mark_done
from mnhsc_desktop.core.revalidation.entries import FeedbackEntry, new_id, save_entry
from mnhsc_desktop.ui.revalidation import entry_dialogs
from mnhsc_desktop.ui.revalidation.import_dialog import ImportDialog

TODAY = dt.date.today()


@pytest.fixture
def window(make_window):
    window = make_window()
    window.show_tab(4)
    return window


@pytest.fixture
def tab(window):
    return window.revalidation_tab


def pdf_text(pdf: Path) -> str:
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).split())
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬂ" ligature


def export_pdf_text(tab, monkeypatch, pdf: Path) -> str:
    """Export the pack as a PDF as the user would (name asked, file chosen); its text."""
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Jane Midwife", True))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF document (*.pdf)")
    )
    tab.export_pack()
    return pdf_text(pdf)


def requirement_text(tab, number: int) -> str:
    return tab.requirements.item(number - 1).text()


def test_eight_requirements_on_one_screen(tab) -> None:
    assert tab.requirements.count() == 8
    assert requirement_text(tab, 1).startswith("1. Practice hours")
    assert "Not yet: 0 of 450 hours" in requirement_text(tab, 1)
    assert tab.date_notice.isVisible() and "not set" in tab.header.text(), "a new user is asked"
    assert "MyNMC" in tab.date_notice.text.text() and not tab.timeline.isVisible()
    tab.store.set("profile", "revalidation_due", (TODAY + dt.timedelta(days=90)).isoformat())
    assert not tab.date_notice.isVisible() and tab.timeline.isVisible()
    assert "MyNMC" in tab.header.text() and "NMC Online" not in tab.header.text()
    assert "90 days to go" in tab.header.text()
    assert "Today" in tab.timeline.accessibleDescription()


def test_add_cpd_then_delete_asks_and_undo_brings_it_back(tab, window, monkeypatch) -> None:
    def fill(dialog: entry_dialogs.CpdDialog) -> int:
        dialog.method.setText("Study day")
        dialog.topic.setText("Perinatal mental health")
        dialog.hours.setValue(6)
        dialog.participatory.setValue(6)
        dialog.relevance.setPlainText("Asking about mood at every visit")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(entry_dialogs.CpdDialog, "exec", fill)
    tab.show_requirement(2)
    tab.cpd.add_button.click()
    assert "6 of 35 hours, 6 of 20 participatory" in requirement_text(tab, 2)
    assert tab.cpd.model.entries[0].topic == "Perinatal mental health"
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text: asked.append(text) or answers.pop(0)
    )
    tab.cpd.delete_button.click()  # No: nothing changes
    assert tab.cpd.model.rowCount() == 1 and "everything written in it" in asked[0]
    tab.cpd.delete_button.click()
    assert tab.cpd.model.rowCount() == 0 and "0 of 35 hours" in requirement_text(tab, 2)
    assert "a CPD entry" in window.undo_action.text()
    window.undo_action.trigger()
    (entry,) = tab.cpd.model.entries
    assert entry.relevance == "Asking about mood at every visit", "back with every word"


def test_untick_from_the_portfolio_keeps_the_reflection(tab, monkeypatch) -> None:
    full = {"learned": "Systems", "practice": "I map first", "code_theme": "preserve-safety"}
    mark_done(tab.store, Completion("mike-evans-qi-video", TODAY, 20, **full))
    tab.show_requirement(2)
    (entry,) = tab.cpd.model.entries
    assert entry.origin == "ladder"
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question",
        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )  # fmt: skip
    tab.cpd.delete_button.click()
    assert "tick on the QI ladder" in asked[0] and "kept" in asked[0]
    assert tab.cpd.model.rowCount() == 0
    (account,) = tab.accounts.model.entries
    assert account.learned == "Systems" and "1 of 5" in requirement_text(tab, 4)


def test_write_a_reflective_account_linked_to_feedback(tab, monkeypatch) -> None:
    save_entry(tab.store, FeedbackEntry(new_id(), TODAY, "A colleague", "Calm in an emergency"))

    def fill(dialog: entry_dialogs.AccountDialog) -> int:
        dialog.link.setCurrentIndex(1)  # the feedback
        assert dialog.boxes[0].toPlainText().startswith("Feedback from A colleague")
        dialog.boxes[1].setPlainText("Staying calm helps the team")
        assert "Answer all four" in dialog.counts.text()
        dialog.boxes[2].setPlainText("I now lead the debrief")
        dialog.code.setCurrentIndex(dialog.code.findData("promote-professionalism"))
        assert "✓ This counts" in dialog.counts.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(entry_dialogs.AccountDialog, "exec", fill)
    tab.show_requirement(4)
    tab.accounts.add_button.click()
    (account,) = tab.accounts.model.entries
    assert account.complete and account.link.startswith("feedback/")
    assert "1 of 5" in requirement_text(tab, 4)


def test_import_a_spreadsheet_previews_then_imports_once(tab, window, monkeypatch, tmp_path):
    sheet = tmp_path / "my cpd.csv"
    sheet.write_text(
        "Date,Topic,Hours,Participatory hours\n03/02/2025,PROMPT,7:30,7.5\n"
        "3 Feb 2025,Reading,90 min,\nnot a date,Broken,1,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sheet), ""))
    seen: list[ImportDialog] = []
    monkeypatch.setattr(
        ImportDialog, "exec", lambda d: seen.append(d) or QDialog.DialogCode.Accepted
    )
    tab.store.set("profile", "revalidation_due", "2027-03-31")
    window.import_portfolio_action.trigger()
    dialog = seen[0]
    assert dialog.kind.currentData() == "cpd", "guessed from the columns"
    assert "2 new, 0 already in your portfolio, 1 refused" in dialog.summary.text()
    assert dialog.table.item(2, 0).text() == "4" and dialog.table.item(2, 1).text() == "Refused"
    assert tab.requirements.currentRow() == 1 and tab.cpd.model.rowCount() == 2
    window.import_portfolio_action.trigger()  # the same file again
    assert "0 new, 2 already" in seen[1].summary.text()
    assert not seen[1].import_button.isEnabled()
    window.undo_action.trigger()  # the whole import in one step
    assert tab.cpd.model.rowCount() == 0


def test_a_file_that_is_not_a_spreadsheet_is_explained(tab, monkeypatch, tmp_path) -> None:
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\x00\x00binary")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    seen: list[ImportDialog] = []
    monkeypatch.setattr(
        ImportDialog, "exec", lambda d: seen.append(d) or QDialog.DialogCode.Rejected
    )
    tab.import_spreadsheet("cpd")
    assert "binary data" in seen[0].summary.text() and not seen[0].import_button.isEnabled()


def test_forms_keep_what_is_typed_and_warn_about_the_confirmation_date(tab, qtbot) -> None:
    tab.store.set("profile", "revalidation_due", (TODAY + dt.timedelta(days=100)).isoformat())
    page = tab.sheets["confirmation"]
    tab.show_requirement(8)
    page.widgets["name"].setText("Sam Manager")
    page.widgets["name"].textEdited.emit("Sam Manager")
    date = page.widgets["date"]
    date.given.setChecked(True)
    date.date.setDate(date.date.date().addYears(-2))
    page.save()
    assert tab.store.get("portfolio", "confirmation")["name"] == "Sam Manager"
    assert "final 12 months" in page.warning.text() and page.warning.isVisible()
    assert "Not yet" in requirement_text(tab, 8)
    date.date.setDate(date.date.date().addYears(2))
    page.save()
    assert not page.warning.isVisible() and "Done" in requirement_text(tab, 8)


def test_period_change_updates_the_header(tab, monkeypatch) -> None:
    from mnhsc_desktop.ui.ladder.dialogs import PeriodDialog

    monkeypatch.setattr(
        PeriodDialog, "exec", lambda dialog: dialog.due.setDate(dialog.due.date().addYears(1)) or 1
    )
    tab.change_period()
    assert f"{TODAY.year + 1}" in tab.header.text()


def test_export_the_pack_as_pdf_and_each_log_as_csv(tab, monkeypatch, tmp_path: Path) -> None:
    mark_done(tab.store, Completion("anyone-for-tennis-workshop", TODAY, 120, True))
    text = export_pdf_text(tab, monkeypatch, tmp_path / "pack.pdf")
    assert "Jane Midwife" in text and "Anyone for tennis" in text and "2 of 35 hours" in text
    assert "Confirmation form" in text and "Reflective discussion form" in text
    assert tab.store.get("profile", "name") == "Jane Midwife", "asked once, kept"
    csv_path = tmp_path / "hours"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName",
        lambda *a, **k: (str(csv_path), "Practice hours log for Excel (*.csv)"),
    )  # fmt: skip
    tab.export_pack()
    assert csv_path.with_suffix(".csv").read_bytes().startswith(b"\xef\xbb\xbfFrom,To,Hours")


def test_reflections_counted_alike_in_the_window_home_and_the_pdf(
    window, tab, monkeypatch, tmp_path: Path
) -> None:
    """The review saw "Reflections: 3 of 5" in the window and "4 of 5" in the PDF after a team
    log: the PDF counted the log's note as a reflective account, with a Code theme never chosen."""
    full = {"learned": "Systems", "practice": "I map first", "code_theme": "practise-effectively"}
    mark_done(tab.store, Completion("mike-evans-qi-video", TODAY, 20, **full))
    mark_done(tab.store, Completion("q-network", TODAY, 30, learned="Half a thought"))
    add_log_entry(tab.store, LogEntry("how-to-huddle", TODAY, 6, 15, "Good huddle, all joined"))
    tab_count = re.search(r"(\d) of 5", requirement_text(tab, 4)).group(1)
    window.show_tab(2)
    ladder_count = re.search(r"accounts:</b> (\d) of 5", window.ladder_tab.summary.text()).group(1)
    window.dashboard.refresh()
    home_count = re.search(r"reflective accounts \((\d) of 5", window.dashboard.revalidation.text())
    text = export_pdf_text(tab, monkeypatch, tmp_path / "pack.pdf")
    pdf_count = re.search(r"Written reflective accounts \((\d) of 5\)", text)
    assert home_count and pdf_count, text
    assert tab_count == ladder_count == home_count.group(1) == pdf_count.group(1) == "1"
    assert "Good huddle" in text, "the team log is CPD, in the table"
    assert "Half a thought" in text, "words never dropped from the pack"
    assert "☒ Promote" not in text, "no Code theme the user did not choose"


def test_a_passed_revalidation_date_offers_the_next_period(
    tab, window, monkeypatch, tmp_path
) -> None:
    past = (TODAY - dt.timedelta(days=2)).isoformat()
    tab.store.set("profile", "revalidation_due", past)
    assert tab.period_notice.isVisible() and "has passed" in tab.period_notice.text.text()
    tab.period_notice.button.click()
    assert not tab.period_notice.isVisible()
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    assert tab.period_choice.isVisible() and tab.period_choice.count() == 2
    tab.period_choice.activated.emit(1)  # the ended period, on view
    assert "(a past period)" in tab.header.text()
    asked = []

    def pick(_parent, _title, _label, items, current, *_args):
        asked.extend(items)
        assert current == 1, "the period on view is offered first"
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    text = export_pdf_text(tab, monkeypatch, tmp_path / "old.pdf")
    assert len(asked) == 2 and asked[0].endswith("(this period)")
    ended = dt.date.fromisoformat(past)
    assert f"to {ended.day} {ended:%b %Y}" in text
    assert "your name" in window.undo_action.text()  # the export asked for it last
    window.undo_action.trigger()
    assert "2 changes to your name and settings" in window.undo_action.text()
    window.undo_action.trigger()
    assert tab.period_notice.isVisible(), "Edit > Undo puts the old date back"


def test_export_stops_at_what_could_identify_a_patient(tab, monkeypatch, tmp_path) -> None:
    save_entry(
        tab.store, FeedbackEntry(new_id(), TODAY, "Ward audit", "Case of NHS no 943 476 5919")
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Jane Midwife", True))
    pdf = tmp_path / "pack.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), "PDF document (*.pdf)")
    )
    warned: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text) or answer[0]
    )
    tab.export_pack()
    assert "NHS number “943 476 5919”" in warned[0] and "what it said" in warned[0]
    assert not pdf.exists(), "going back exports nothing"
    answer[0] = QMessageBox.StandardButton.Ignore
    tab.export_pack()
    assert pdf.exists(), "the person may export anyway, knowingly"


def test_log_models_are_well_behaved(qtmodeltester, tab) -> None:
    save_entry(tab.store, FeedbackEntry(new_id(), TODAY, "A mother", "Thank you"))
    qtmodeltester.check(tab.feedback.model)


def test_cancelling_a_written_account_asks_first(qtbot, monkeypatch) -> None:
    dialog = entry_dialogs.AccountDialog(None, None, [])
    qtbot.addWidget(dialog)
    dialog.reject()  # nothing written: closes without a question
    assert dialog.result() == QDialog.DialogCode.Rejected
    dialog = entry_dialogs.AccountDialog(None, None, [])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.boxes[1].setPlainText("What I learned from the debrief")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.reject()
    assert dialog.isVisible(), "No: the words stay on screen"
    dialog.reject()
    assert not dialog.isVisible() and answers == []


def test_a_pin_typed_just_before_closing_is_kept(tab) -> None:
    tab.pin.setText("98Y7654C")  # typed, the box never left (no editingFinished yet)
    tab.flush()  # what closing the window does first
    assert tab.store.get("portfolio", "settings")["pin"] == "98Y7654C"
