"""A project's measures: each one's data in a grid (typed, pasted from Excel, or imported from a
file, refused row by row), and its run or XmR chart beside it, with the signals in words, the
PDSA cycles and notes as markers, rebasing at a point, and the same chart as a table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.core.qi.measure_rows import RowsRead, read_rows, rows_from_text
from mnhsc_desktop.core.qi.projects import markers_of
from mnhsc_desktop.ui.qi.chart_view import ChartView, PointsTable
from mnhsc_desktop.ui.qi.data_grid import DataGrid
from mnhsc_desktop.ui.qi.overview_page import ProjectPage
from mnhsc_desktop.ui.shell.widgets import escape, named_button


class MeasuresPage(ProjectPage):
    def __init__(self, host) -> None:
        super().__init__(host)
        self.measure_id: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top)
        self.choice = QComboBox()
        self.choice.setAccessibleName("Measure")
        label = QLabel("Measure:")
        label.setBuddy(self.choice)
        top.addWidget(label)
        top.addWidget(self.choice, 1)
        self.new_button = named_button("Ne&w measure…", "New measure", self.new_measure)
        self.edit_button = named_button("Ed&it measure…", "Edit measure", self.edit_measure)
        self.delete_button = named_button("Delete measure…", "Delete measure", self.delete_measure)
        for button in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setAccessibleName("About this measure")
        layout.addWidget(self.about)

        splitter = QSplitter()
        layout.addWidget(splitter, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.grid = DataGrid(self)
        grid_label = QLabel("Data (type in the last row, or paste):")
        grid_label.setBuddy(self.grid)
        column.addWidget(grid_label)
        column.addWidget(self.grid, 1)
        self.grid_problem = QLabel()
        self.grid_problem.setWordWrap(True)
        self.grid_problem.setAccessibleName("Problem with the data")
        column.addWidget(self.grid_problem)
        self.paste_button = named_button("Paste from E&xcel", "Paste data from Excel", self.paste)
        self.import_button = named_button("Import a CSV or .xlsx…", "Import data from a file",
                                          self.import_file)  # fmt: skip
        self.note_button = named_button("Note on this point…", "Add a note on the chosen point",
                                        self.add_note)  # fmt: skip
        for button in (self.paste_button, self.import_button, self.note_button):
            column.addWidget(button)
        splitter.addWidget(left)

        right = QWidget()
        chart_column = QVBoxLayout(right)
        chart_column.setContentsMargins(0, 0, 0, 0)
        options = QHBoxLayout()
        chart_column.addLayout(options)
        self.chart_type = QComboBox()
        self.chart_type.setAccessibleName("Chart type")
        for key, words in qp.CHART_TYPES.items():
            self.chart_type.addItem(words, key)
        options.addWidget(self.chart_type)
        self.rebase_button = named_button("Re&base at the chosen point", "Rebase the limits at "
                                          "the chosen point", self.toggle_rebase)  # fmt: skip
        options.addWidget(self.rebase_button)
        self.fix_after = QSpinBox()
        self.fix_after.setRange(0, 10_000)
        self.fix_after.setSpecialValueText("all points")
        self.fix_after.setPrefix("limits from ")
        self.fix_after.setAccessibleName("Fix the limits after this many points (0: all points)")
        options.addWidget(self.fix_after)
        self.screen = QCheckBox("Screen outliers")
        self.screen.setAccessibleName("Screen out very large moving ranges")
        more = QHBoxLayout()  # a second row: the page fits a 1200-wide window at 100%
        chart_column.addLayout(more)
        more.addWidget(self.screen)
        self.as_table = QCheckBox("Show as a tab&le")
        more.addWidget(self.as_table)
        more.addStretch(1)
        from mnhsc_desktop.ui.qi.mdc_icons import SummaryIcons

        self.icons = SummaryIcons()
        chart_column.addWidget(self.icons)
        self.views = QStackedWidget()
        self.chart_view = ChartView()
        self.table = PointsTable()
        self.views.addWidget(self.chart_view)
        self.views.addWidget(self.table)
        chart_column.addWidget(self.views, 1)
        self.save_chart_button = named_button("Save chart as PNG or PDF…", "Save the chart as a "
                                              "picture or PDF", self.save_chart)  # fmt: skip
        chart_column.addWidget(self.save_chart_button)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])

        self.choice.activated.connect(lambda _i: self._show_measure(self.choice.currentData()))
        self.chart_type.activated.connect(lambda _i: self._set(chart=self.chart_type.currentData()))
        self.fix_after.editingFinished.connect(
            lambda: self._set(fix_after=self.fix_after.value() or None)
        )
        self.screen.toggled.connect(lambda on: self._set(screen=on))
        self.as_table.toggled.connect(lambda on: self.views.setCurrentIndex(int(on)))
        self.chart_view.point_chosen.connect(self._point_chosen)
        # Anywhere on the page (a text field's own paste wins inside it): the grid, a button
        # just pressed, the chart.
        paste = QShortcut(QKeySequence.StandardKey.Paste, self,
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        paste.activated.connect(self.paste)

    # -- showing -------------------------------------------------------------------------------
    def measure(self, value: dict[str, Any] | None = None) -> dict[str, Any] | None:
        value = value if value is not None else self.host.current()
        measures = (value or {}).get("measures", [])
        return next((m for m in measures if m["id"] == self.measure_id), None)

    def load(self, value: dict[str, Any]) -> None:
        self.choice.blockSignals(True)
        self.choice.clear()
        for m in value.get("measures", []):
            self.choice.addItem(f"{m['name']} ({qp.MEASURE_KINDS.get(m.get('kind'), '')})",
                                m["id"])  # fmt: skip
        ids = [m["id"] for m in value.get("measures", [])]
        if self.measure_id not in ids:
            self.measure_id = ids[0] if ids else None
        self.choice.setCurrentIndex(max(0, self.choice.findData(self.measure_id)))
        self.choice.blockSignals(False)
        self._show_measure(self.measure_id, value)

    def _show_measure(self, measure_id: str | None, value=None) -> None:
        value = value if value is not None else self.host.current()
        self.measure_id = measure_id
        m = self.measure(value)
        for widget in (self.edit_button, self.delete_button, self.grid, self.paste_button,
                       self.import_button, self.note_button, self.chart_type, self.rebase_button,
                       self.fix_after, self.screen, self.save_chart_button):  # fmt: skip
            widget.setEnabled(m is not None)
        if m is None:
            self.about.setText("No measures yet. A project usually has one outcome measure (the "
                               "aim), a few process measures and a balancing measure: New "
                               "measure adds one.")  # fmt: skip
            self.grid.show_rows([])
            self.chart_view.show_chart(None, "", "", [])
            self.table.show_chart(None)
            self.icons.show_chart(None)
            return
        target = "" if m.get("target") is None else f"; target {m['target']:g}{m.get('unit', '')}"
        self.about.setText(
            f"<b>{qp.MEASURE_KINDS.get(m.get('kind'), '')} measure.</b> "
            f"{qp.DIRECTIONS.get(m.get('direction'), '')}{target}. "
            + (escape(m.get("definition", "")) or "No operational definition yet (Edit measure).")
        )
        for widget in (self.chart_type, self.fix_after, self.screen):
            widget.blockSignals(True)
        self.chart_type.setCurrentIndex(max(0, self.chart_type.findData(m.get("chart", "run"))))
        self.fix_after.setValue(m.get("fix_after") or 0)
        self.screen.setChecked(bool(m.get("screen")))
        for widget in (self.chart_type, self.fix_after, self.screen):
            widget.blockSignals(False)
        xmr = m.get("chart") == "xmr"
        for widget in (self.rebase_button, self.fix_after, self.screen):
            widget.setVisible(xmr)
        if not (self.grid.unsaved and self.grid.measure_id == m["id"]):  # never over typing
            self.grid.show_rows(m.get("data", []), set(m.get("rebase", [])), m.get("notes", []),
                                m["id"])  # fmt: skip
        chart = qp.chart_of(m)
        kind = qp.CHART_TYPES[m.get("chart", "run")]
        self.chart_view.show_chart(chart, f"{m['name']}: {kind}", m.get("unit", ""),
                                   markers_of(value, m), m.get("target"))  # fmt: skip
        self.table.show_chart(chart)
        self.icons.show_chart(chart)

    def _point_chosen(self, index: int) -> None:
        """A click on the chart chooses that point in the grid (rebase and notes act on it)."""
        self.grid.setCurrentCell(index, 1)
        item = self.grid.item(index, 0)
        if item is not None:
            self.host.status.emit(
                f"Chosen: the point of {item.text()}. Rebase or add a note to it."
            )

    # -- changing ------------------------------------------------------------------------------
    def change_measure(self, new: dict[str, Any], said: str = "") -> None:
        value = self.host.current()
        if value is None:
            return
        measures = [new if m["id"] == new["id"] else m for m in value.get("measures", [])]
        self.host.save(value | {"measures": measures}, said)
        self._show_measure(new["id"])

    def _set(self, **settings) -> None:
        m = self.measure()
        if m is not None:
            self.change_measure(m | settings)

    def new_measure(self) -> None:
        from mnhsc_desktop.ui.qi.measure_dialog import MeasureDialog

        value = self.host.current()
        dialog = MeasureDialog(self)
        if value is None or not dialog.exec():
            return
        m = dialog.value()
        self.measure_id = m["id"]
        self.host.save(value | {"measures": [*value.get("measures", []), m]},
                       "Measure added: type or paste its data.")  # fmt: skip
        self.load(self.host.current())
        QTimer.singleShot(0, self.grid.setFocus)  # after the dialog has handed focus back

    def edit_measure(self) -> None:
        from mnhsc_desktop.ui.qi.measure_dialog import MeasureDialog

        m = self.measure()
        if m is None:
            return
        dialog = MeasureDialog(self, m)
        if dialog.exec():
            self.change_measure(dialog.value(), "Measure saved.")

    def delete_measure(self) -> None:
        value, m = self.host.current(), self.measure()
        if m is None:
            return
        answer = QMessageBox.question(
            self, "Delete this measure?",
            f"Delete “{m['name']}” and its {len(m.get('data', []))} value(s)? Edit > Undo "
            "brings it back.",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            measures = [x for x in value["measures"] if x["id"] != m["id"]]
            self.measure_id = None
            self.host.save(value | {"measures": measures}, "Measure deleted.")

    def take_rows(self, read: RowsRead, source: str, preview: bool = False) -> bool:
        """Rows read from a paste or a file: all taken, or none. A file's rows are shown first
        (`preview`); a paste asks only when it would replace values already here."""
        m = self.measure()
        if m is None:
            return False
        if not read.usable:
            QMessageBox.warning(self, f"Nothing taken from {source}", read.summary())
            return False
        merged, added, replaced = qp.merge_rows(m, read.rows)
        if len(merged["data"]) > qp.MAX_POINTS:
            QMessageBox.warning(self, "Too many values",
                                f"A measure holds up to {qp.MAX_POINTS:,} values.")  # fmt: skip
            return False
        if replaced or preview:
            first, last = read.rows[0], read.rows[-1]
            shown = "\n".join(f"{d:%d/%m/%Y}   {v:g}" for d, v in read.rows[:5])
            more = f"\n… {len(read.rows) - 5} more" if len(read.rows) > 5 else ""
            answer = QMessageBox.question(
                self, f"Take the data from {source}?",
                f"{len(read.rows)} row(s), {first[0]:%d/%m/%Y} to {last[0]:%d/%m/%Y}"
                + (" (a heading row passed over)" if read.header else "") + f":\n\n{shown}{more}"
                f"\n\n{added} new value(s)" + (f"; {replaced} date(s) already here would take "
                "the new value" if replaced else "") + ". Take them? (Edit > Undo takes the "
                "whole change back.)",
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.change_measure(merged, f"Took {added + replaced} value(s) from {source}. Edit > "
                                    "Undo takes them back.")  # fmt: skip
        return True

    def paste(self) -> None:
        text = QApplication.clipboard().text()
        self.take_rows(read_rows(rows_from_text(text)), "the clipboard")

    def import_file(self) -> None:
        from mnhsc_desktop.core.input_files import InputRefused
        from mnhsc_desktop.core.revalidation.spreadsheet import read_table
        from mnhsc_desktop.ui.shell.file_choice import choose_open_file

        path = choose_open_file(self, "Import a measure's data",
                                "Spreadsheets (*.csv *.xlsx *.txt)")  # fmt: skip
        if path is None:
            return
        try:
            rows = read_table(path)
        except InputRefused as refusal:
            QMessageBox.warning(self, "Nothing imported", f"{path.name} was not read: {refusal}.")
            return
        self.take_rows(read_rows(rows), path.name, preview=True)

    def toggle_rebase(self) -> None:
        m, day = self.measure(), self.grid.chosen_date()
        if m is None or day is None:
            self.host.status.emit("Choose the first point of the new phase in the grid first.")
            return
        rebase = set(m.get("rebase", []))
        rebase ^= {day}
        said = "Limits now start again at " if day in rebase else "Rebase removed at "
        when = uk_date(dt.date.fromisoformat(day), weekday=False)
        self.change_measure(m | {"rebase": sorted(rebase)}, f"{said}{when}.")

    def add_note(self) -> None:
        from mnhsc_desktop.ui.qi.note_dialog import ask_note

        m, day = self.measure(), self.grid.chosen_date()
        if m is None or day is None:
            self.host.status.emit("Choose a point in the grid first.")
            return
        current = next((n for n in m.get("notes", []) if n["date"] == day), None)
        note = ask_note(self, day, m.get("chart") == "run", current)
        if note is not None:
            notes = [n for n in m.get("notes", []) if n["date"] != day]
            self.change_measure(m | {"notes": sorted([*notes, note] if note["text"] else notes,
                                                     key=lambda n: n["date"])},
                                "Note saved: it shows as a marker on the chart.")  # fmt: skip

    def save_chart(self) -> None:
        from mnhsc_desktop.ui.qi.page_commands import save_chart_file

        m = self.measure()
        if m is not None and (chart := qp.chart_of(m)) is not None:
            message = save_chart_file(self, chart, self.chart_view.title, m.get("unit", ""),
                                      markers_of(self.host.current(), m), m.get("target"))  # fmt: skip
            if message:
                self.host.status.emit(message)
