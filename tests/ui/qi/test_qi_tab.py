"""The QI projects tab as a midwife uses it: a project with a measurable aim, a driver diagram
typed with the keyboard, PDSA cycles in a ramp logged as CPD, data pasted from Excel, a signal
explained, a PDSA marker, a rebase, and the project on a page."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from mnhsc_desktop.core.qi import projects as qp

EXCEL = "Week beginning\tOn time (%)\r\n" + "".join(
    f"{(dt.date(2026, 1, 5) + dt.timedelta(weeks=n)):%d/%m/%Y}\t{v}\r\n"
    for n, v in enumerate([42, 45, 40, 47, 44, 41, 46, 43, 48, 44, 45, 43,
                           58, 61, 63, 60, 66, 64, 68, 65, 70, 67])
)  # fmt: skip


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def tab(window, monkeypatch):
    window.show_tab(5)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Discharge before 11", True))
    window.qi_tab.new_project()
    return window.qi_tab


def stored(tab) -> dict:
    return qp.project(tab.store, tab.key)


def pdf_text(pdf: Path) -> str:
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages).split())
    return unicodedata.normalize("NFKC", text)


def add_measure(tab, monkeypatch, name="% discharged before 11:00", chart="run"):
    from mnhsc_desktop.ui.qi.measure_dialog import MeasureDialog

    def filled(dialog):
        dialog.name.setText(name)
        dialog.chart.setCurrentIndex(dialog.chart.findData(chart))
        dialog.has_target.setChecked(True)
        dialog.target.setValue(95)
        return True

    monkeypatch.setattr(MeasureDialog, "exec", filled)
    tab.show_page(tab.measures)
    tab.measures.new_measure()


def test_a_new_project_is_listed_and_its_aim_is_nudged_then_kept(tab, window, qtbot) -> None:
    assert tab.list.count() == 1 and tab.overview.aim.hasFocus()
    qtbot.keyClicks(tab.overview.aim, "Improve discharge")
    assert "how much" in tab.overview.aim_check.text()
    tab.overview.aim.setPlainText("95% of women discharged before 11:00 by June 2027")
    assert "can be measured" in tab.overview.aim_check.text()
    window.close()  # words typed a moment ago are kept on closing
    assert stored(tab)["aim"] == "95% of women discharged before 11:00 by June 2027"


def type_name(qtbot, words: str) -> None:
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, words)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)  # the tree takes the name once its editor has closed


def test_the_driver_diagram_is_typed_with_the_keyboard(tab, qtbot) -> None:
    tab.show_page(tab.drivers)
    tree = tab.drivers.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Insert)  # a primary driver, being renamed
    type_name(qtbot, "Discharge planning starts early")
    qtbot.keyClick(tree, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)  # under it
    type_name(qtbot, "Checklist at the 08:00 huddle")
    qtbot.keyClick(tree, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # keeps "New line"
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # outdent
    lines = stored(tab)["drivers"]
    assert [(line["text"], line["depth"]) for line in lines] == [
        ("Discharge planning starts early", 1), ("Checklist at the 08:00 huddle", 2),
        ("New line", 2),
    ]  # fmt: skip
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # move up
    assert stored(tab)["drivers"][1]["text"] == "New line"
    tab.store.undo_last()
    assert stored(tab)["drivers"][1]["text"] == "Checklist at the 08:00 huddle"
    assert tree.topLevelItem(0).child(0).text(0) == "Checklist at the 08:00 huddle"  # shown


def test_pdsa_cycles_make_a_ramp_and_one_is_logged_as_participatory_cpd(
    tab, monkeypatch, qtbot
) -> None:
    tab.overview.team.setPlainText("Ward manager")
    tab.overview.flush()
    page = tab.cycles
    tab.show_page(page)
    page.new_cycle()
    qtbot.keyClicks(page.title, "Checklist on one bay")
    page.texts["study"].setPlainText("On time rose from 4 in 10 to 6 in 10 on the bay")
    page.next_cycle()
    assert page.ramp.text() == "PDSA 1 → PDSA 2"
    assert [c["title"] for c in stored(tab)["cycles"]] == [
        "Checklist on one bay", "Checklist on one bay (next)"]  # fmt: skip
    page.list.setCurrentRow(0)
    from mnhsc_desktop.ui.revalidation.entry_dialogs import CpdDialog

    seen = {}
    monkeypatch.setattr(CpdDialog, "exec", lambda d: seen.setdefault("dialog", d) and True)
    page.log_cpd()
    entry = seen["dialog"].value()
    assert "Checklist on one bay" in entry.topic and entry.participatory_minutes == 60
    assert "6 in 10" in entry.relevance
    cpd = stored(tab)["cycles"][0]["cpd"]
    assert tab.store.get("portfolio", cpd)["topic"] == entry.topic
    assert page.cpd_button.text().startswith("Logged as CPD")


def test_data_pasted_from_excel_draws_a_chart_whose_signal_is_said(tab, monkeypatch) -> None:
    add_measure(tab, monkeypatch)
    page = tab.measures
    QApplication.clipboard().setText(EXCEL)
    page.grid.setFocus()
    page.paste()
    data = page.measure()["data"]
    assert len(data) == 22 and data[0] == ["2026-01-05", 42.0]
    from mnhsc_desktop.core.qi.words import chart_sentences

    said = chart_sentences(page.chart_view.chart)
    assert any("a shift" in s and s.startswith("points 13 to 22") for s in said), said
    page.as_table.setChecked(True)
    assert page.table.rowCount() == 22
    assert page.table.item(12, 5).text().startswith("a shift")


def test_a_bad_pasted_row_takes_nothing_and_names_the_row(tab, monkeypatch) -> None:
    add_measure(tab, monkeypatch)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: warned.append(text))
    QApplication.clipboard().setText("05/01/2026\t42\n12/01/2026\tforty\n19/01/2026\t40\n")
    tab.measures.paste()
    assert tab.measures.measure()["data"] == []
    assert "row 2" in warned[0] and "Nothing was taken" in warned[0]


def test_values_typed_in_the_grid_are_kept_and_a_bad_one_is_explained(tab, monkeypatch) -> None:
    add_measure(tab, monkeypatch)
    grid = tab.measures.grid
    grid.item(0, 0).setText("05/01/2026")
    assert tab.measures.measure()["data"] == []  # half a row waits for its value
    grid.item(0, 1).setText("42")
    assert tab.measures.measure()["data"] == [["2026-01-05", 42.0]]
    grid.item(1, 0).setText("31/02/2026")
    grid.item(1, 1).setText("50")
    assert "Row 2 is not kept yet" in tab.measures.grid_problem.text()
    assert len(tab.measures.measure()["data"]) == 1


def test_rebase_a_pdsa_marker_and_the_project_on_a_page(tab, monkeypatch, tmp_path) -> None:
    add_measure(tab, monkeypatch, chart="xmr")
    QApplication.clipboard().setText(EXCEL)
    tab.measures.paste()
    tab.cycles.new_cycle()
    tab.cycles.title.setText("Checklist on the whole ward")
    tab.cycles.start.set_value("2026-03-30")
    tab.cycles.flush()
    page = tab.measures
    page.load(stored(tab))
    assert page.chart_view.markers == [
        (dt.date(2026, 3, 30), "PDSA 1: Checklist on the whole ward")
    ]
    page.grid.setCurrentCell(12, 0)  # 30 Mar 2026, the first week with the checklist
    page.toggle_rebase()
    assert page.measure()["rebase"] == ["2026-03-30"]
    chart = page.chart_view.chart
    assert chart.points[0].centre == pytest.approx(44)  # the first phase's mean
    assert chart.points[-1].centre > 60
    pdf = tmp_path / "page.pdf"
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *a, **k: ("A4 landscape: save as PDF", True)
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    tab.overview.aim.setPlainText("95% of women discharged before 11:00 by June 2027")
    tab.print_page()
    text = pdf_text(pdf)
    for words in ("Discharge before 11", "95% of women discharged", "PDSA 1: Checklist on the whole ward",
                  "marker 1 (30 Mar 2026)", "target 95", "Primary drivers"):  # fmt: skip
        assert words in text, words
    assert len(pypdf.PdfReader(pdf).pages) == 1


def test_deleting_a_project_asks_and_undo_brings_it_back(tab, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    key = tab.key
    tab.delete()
    assert tab.list.count() == 0 and tab.stack.currentWidget() is tab.empty
    assert tab.store.undo_last() == "a QI project"
    assert tab.list.count() == 1 and tab.key == key


def test_a_shared_project_comes_back_beside_the_original_or_over_it(
    tab, monkeypatch, tmp_path
) -> None:
    shared = tmp_path / "project.mnhscqi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shared), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shared), ""))
    tab.share()
    assert shared.exists()
    choices = []

    def answer(box, label):
        choices.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == label).click()

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "&Keep both"))
    tab.import_shared()
    assert tab.list.count() == 2 and "&Replace the one here" in choices[0]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Cancel"))
    tab.import_shared()
    assert tab.list.count() == 2
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    shared.write_text(shared.read_text().replace("Discharge before 11", "Edited"))
    tab.import_shared()
    assert "checksum does not match" in warned[0] and tab.list.count() == 2


def test_a_spreadsheet_is_previewed_then_taken_and_a_click_on_the_chart_chooses_a_point(
    tab, monkeypatch, tmp_path, qtbot
) -> None:
    import openpyxl

    add_measure(tab, monkeypatch, chart="xmr")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Week", "On time (%)"])
    for n, value in enumerate([42, 45, 40, 47, 44, 41, 46, 43, 48, 44, 45, 43]):
        sheet.append([dt.datetime(2026, 1, 5) + dt.timedelta(weeks=n), value])
    xlsx = tmp_path / "on-time.xlsx"
    book.save(xlsx)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(xlsx), ""))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No)  # fmt: skip
    page = tab.measures
    page.import_file()
    assert "12 row(s), 05/01/2026 to 23/03/2026 (a heading row passed over)" in asked[0]
    assert page.measure()["data"] == []  # No: nothing taken
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.import_file()
    assert len(page.measure()["data"]) == 12
    assert page.icons.variation_text.text().startswith("Variation: common cause")
    assert "consistently miss the target" in page.icons.assurance_text.text()
    assert "trial limits" not in " ".join(page.chart_view.sentences)  # 12 points: not trial
    view = page.chart_view
    view.resize(800, 500)
    view.repaint()
    at = view.plot.left() + view.plot.width() * (3.5 / 12)
    qtbot.mouseClick(
        view, Qt.MouseButton.LeftButton, pos=QPoint(int(at), int(view.plot.center().y()))
    )
    assert page.grid.chosen_date() == "2026-01-26"


def test_a_half_typed_row_survives_a_change_made_elsewhere(tab, monkeypatch) -> None:
    add_measure(tab, monkeypatch)
    grid = tab.measures.grid
    grid.item(0, 0).setText("05/01/2026")  # the value not typed yet
    tab.overview.title.setText("Discharge by 11:00")
    tab.overview.flush()  # a store change: every page reloads
    assert grid.item(0, 0).text() == "05/01/2026", "what was typed is still there"
    grid.item(0, 1).setText("42")
    assert tab.measures.measure()["data"] == [["2026-01-05", 42.0]]
    assert grid.item(1, 0).text() == "", "and a new empty row follows"


def test_removing_a_driver_and_cancelling_written_words_ask_first(tab, monkeypatch, qtbot) -> None:
    from mnhsc_desktop.ui.qi.measure_dialog import MeasureDialog
    from mnhsc_desktop.ui.qi.note_dialog import NoteDialog

    tab.show_page(tab.drivers)
    tab.drivers.add_below()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, *a: asked.append(title) or QMessageBox.StandardButton.No)  # fmt: skip
    tab.drivers.remove()
    assert asked == ["Remove this line?"] and len(stored(tab)["drivers"]) == 1
    for dialog in (MeasureDialog(tab), NoteDialog(tab, "2026-01-05", True, None)):
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, MeasureDialog):
            dialog.name.setText("% discharged before 11:00")
        else:
            dialog.box.setPlainText("The day the lift broke")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible() and asked[-1] == "Discard what you wrote?"
