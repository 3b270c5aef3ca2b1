"""The QI ladder tab as a midwife uses it: tick, reflect, move a level."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from mnhsc_desktop.core.store.store import STORE_FILE
from mnhsc_desktop.ui.ladder.dialogs import DoneDialog, LevelDialog
from mnhsc_desktop.ui.ladder.model import LadderModel


@pytest.fixture
def window(make_window):
    window = make_window()
    window.tabs.setCurrentIndex(2)
    return window


@pytest.fixture
def tab(window):
    return window.ladder_tab


def select(tab, subject_id: str, level: str) -> None:
    row = next(i for i, s in enumerate(tab.ladder.subjects) if s.id == subject_id)
    tab.grid.setCurrentIndex(tab.model.index(row, ("learn", "living", "leading").index(level) + 1))


def choose_resource(tab, resource_id: str) -> None:
    for row in range(tab.resources.count()):
        if tab.resources.item(row).data(0x0100) == resource_id:
            tab.resources.setCurrentRow(row)
            return
    raise AssertionError(resource_id)


def test_grid_shows_every_subject_and_level_in_words(tab) -> None:
    assert tab.model.rowCount() == len(tab.ladder.subjects)
    assert tab.model.headerData(2, Qt.Orientation.Horizontal) == "Living"
    assert tab.model.cell_text(3, 1) == "0 of 4 done"
    assert "0 of 23" in tab.summary.text() and "0.0 of 35 hours" in tab.summary.text()


def test_tick_a_resource_with_time_and_a_reflection(
    tab, monkeypatch, window, data_dir: Path, qtbot
) -> None:
    select(tab, "pdsa", "learn")
    choose_resource(tab, "mike-evans-qi-video")

    def fill(dialog: DoneDialog) -> int:
        assert dialog.minutes.value() == 15, "the estimate is offered"
        dialog.minutes.setValue(20)
        dialog.learned.setPlainText("QI is about the system, not blame.")
        dialog.practice.setPlainText("I now test small changes before rolling them out.")
        dialog.code.setCurrentIndex(dialog.code.findData("practise-effectively"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DoneDialog, "exec", fill)
    assert "counts in all 12 subjects" in tab.resources.currentItem().text()  # one tick, 12 rows
    tab.done_button.click()
    assert "✓ Done" in tab.resources.currentItem().text()
    assert (
        "0.3 of 35 hours" in tab.summary.text()
        and "Reflective accounts:</b> 1 of 5" in tab.summary.text()
    )
    assert tab.model.cell_text(3, 1) == "1 of 4 done"
    qtbot.waitUntil(lambda: (data_dir / STORE_FILE).exists(), timeout=2000)
    saved = json.loads((data_dir / STORE_FILE).read_text())["ladder"]["done/mike-evans-qi-video"]
    assert saved["minutes"] == 20 and saved["code_theme"] == "practise-effectively"
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    tab.undo_button.click()
    assert "What you wrote is kept" in asked[0]
    assert (
        "Not done" in tab.resources.currentItem().text()
        or "Next" in tab.resources.currentItem().text()
    )


def test_untick_keeps_the_reflection_and_undo_puts_the_tick_back(
    tab, monkeypatch, window, qtbot
) -> None:
    """The review found one click on "Undo tick" wiped the written reflection, with no question
    and no way back; ticking again opened a blank form."""
    select(tab, "pdsa", "learn")
    choose_resource(tab, "mike-evans-qi-video")

    def fill(dialog: DoneDialog) -> int:
        dialog.learned.setPlainText("QI is about the system, not blame.")
        dialog.evidence.setText("Certificate in my folder")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DoneDialog, "exec", fill)
    tab.done_button.click()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    tab.undo_button.click()  # No: nothing changes
    assert "✓ Done" in tab.resources.currentItem().text()
    tab.undo_button.click()  # Yes: the tick goes, the words stay
    assert "✓ Done" not in tab.resources.currentItem().text()
    assert window.undo_action.isEnabled() and "QI resource" in window.undo_action.text()

    seen: list[str] = []

    def look(dialog: DoneDialog) -> int:
        seen.append(dialog.learned.toPlainText())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(DoneDialog, "exec", look)
    tab.done_button.click()
    assert seen == ["QI is about the system, not blame."], "ticking again starts from the words"
    window.undo_action.trigger()  # Edit > Undo: the tick is back as it was
    done = tab.progress.done["mike-evans-qi-video"]
    assert done.learned == "QI is about the system, not blame."
    assert done.evidence == "Certificate in my folder"
    assert "✓ Done" in tab.resources.currentItem().text()
    assert "Undone" in window.statusBar().currentMessage()
    # An undo is itself undoable: Ctrl+Shift+Z brings the untick back, the words still kept.
    assert window.redo_action.isEnabled() and "QI resource" in window.redo_action.text()
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "mike-evans-qi-video" not in tab.progress.done
    assert tab.progress.last_written("mike-evans-qi-video").learned.startswith("QI is about")


def test_move_to_living_in_pdsa_and_see_history(tab, monkeypatch) -> None:
    select(tab, "pdsa", "learn")

    def choose(dialog: LevelDialog) -> int:
        dialog.level.setCurrentIndex(dialog.level.findData("living"))
        dialog.note.setPlainText("Led two PDSA cycles on the postnatal ward")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LevelDialog, "exec", choose)
    tab.change_level()
    assert "● You are here" in tab.model.cell_text(3, 2)
    assert "✓ Passed" in tab.model.cell_text(3, 1)
    assert "Living" in tab.where_text.text()
    assert "Led two PDSA cycles" in tab.history.text()
    assert tab.grid.currentIndex().column() == 2


def test_ladder_model_is_well_behaved(qtmodeltester, tab) -> None:
    model: LadderModel = tab.model
    qtmodeltester.check(model)


def test_export_and_import_my_progress_through_the_file_menu(
    window, tab, monkeypatch, tmp_path: Path
) -> None:
    from mnhsc_desktop.core.ladder.ladder import Completion, mark_done
    from mnhsc_desktop.ui.shell.progress_files import ProgressPreviewDialog

    mark_done(window.store, Completion("q-network", dt.date(2026, 1, 10), 30))
    out = tmp_path / "mine.mnhsc-progress.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_progress_action.trigger()
    assert out.exists() and "saved to" in window.statusBar().currentMessage()
    tab.resources.setCurrentRow(0)
    from mnhsc_desktop.core.ladder.ladder import undo_done

    undo_done(window.store, "q-network")
    payload = json.loads(out.read_text())
    payload["data"]["ladder"]["done/register-lifeqi"] = {
        "done": True,
        "date": "2026-02-01",
        "minutes": 15,
        "changed_at": "2026-02-01T09:00:00+00:00",
    }
    out.write_text(json.dumps(payload))
    previews: list[ProgressPreviewDialog] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(
        ProgressPreviewDialog, "exec", lambda d: previews.append(d) or QDialog.DialogCode.Accepted
    )
    window.import_progress_action.trigger()
    listed = [previews[0].items.item(i).text() for i in range(previews[0].items.count())]
    assert any("register lifeqi" in item for item in listed)
    assert any("q network" in item and "yours is newer" in item for item in listed)
    assert "register-lifeqi" in tab.progress.done and "q-network" not in tab.progress.done


def test_a_small_window_scrolls_the_subject_panel_rather_than_cutting_its_text(
    window, tab, qtbot
) -> None:
    """At 200% on a 1920x1080 screen the window is 960x540 in Qt's units."""
    window.resize(960, 540)
    text = tab.subject_text
    qtbot.waitUntil(lambda: window.height() <= 540)
    qtbot.wait(50)
    assert text.height() >= text.heightForWidth(text.width())  # every line shown, none cut
