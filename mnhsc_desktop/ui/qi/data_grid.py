"""A measure's values in a grid a spreadsheet user knows: a date and a value per row, typed in
the empty last row, changed in place, Delete to remove the chosen rows (after a question, and
Edit > Undo brings them back). A row that is not a date and a number says so and is not kept
until it is, so the chart never shows half a row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QTableWidget, QTableWidgetItem

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.qi.measure_rows import parse_value
from mnhsc_desktop.core.revalidation.values import parse_date

STORED = Qt.ItemDataRole.UserRole  # the row's date as stored (ISO), on the date cell


class DataGrid(QTableWidget):
    def __init__(self, page) -> None:
        super().__init__(0, 3)
        self.page = page
        self.setHorizontalHeaderLabels(("Date", "Value", "Note"))
        self.setAccessibleName("Data: a date and a value per row")
        self.setAccessibleDescription(
            "Type a date (03/02/2026) and a value in the last, empty row. Ctrl+V pastes rows "
            "copied from Excel; Delete removes the chosen rows."
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setStretchLastSection(True)
        self.itemChanged.connect(self._edited)
        # Rows typed but not kept yet (half typed, or not a date and a number): a change made
        # elsewhere must not redraw the grid over them (see MeasuresPage._show_measure).
        self.unsaved: set[int] = set()
        self.measure_id: str | None = None
        remove = QShortcut(QKeySequence.StandardKey.Delete, self,
                           context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        remove.activated.connect(self.remove_chosen)

    def show_rows(self, data: list[list[Any]], rebase: set[str] | None = None,
                  notes: list[dict] = (), measure_id: str | None = None) -> None:  # fmt: skip
        """The values, and beside each what the chart marks there: new limits, a note."""
        self.unsaved, self.measure_id = set(), measure_id
        said = {n["date"]: ("astronomical: " if n.get("astronomical") else "") + n["text"]
                for n in notes}  # fmt: skip
        self.blockSignals(True)
        self.setRowCount(len(data) + 1)
        for row, (day, value) in enumerate(data):
            date_item = QTableWidgetItem(uk_date(dt.date.fromisoformat(day), weekday=False))
            date_item.setData(STORED, day)
            self.setItem(row, 0, date_item)
            self.setItem(row, 1, QTableWidgetItem(f"{value:g}"))
            words = "; ".join(w for w in ("limits start again" if rebase and day in rebase
                                          else "", said.get(day, "")) if w)  # fmt: skip
            note = QTableWidgetItem(words)
            note.setFlags(note.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, 2, note)
        for column in (0, 1, 2):
            self.setItem(len(data), column, QTableWidgetItem(""))
        self.item(len(data), 2).setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.resizeColumnToContents(0)
        self.setColumnWidth(1, self.fontMetrics().horizontalAdvance("0000000.0") + 12)
        self.blockSignals(False)

    def chosen_date(self) -> str | None:
        item = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        return item.data(STORED) if item is not None else None

    def _say(self, text: str) -> None:
        self.page.grid_problem.setText(text)

    def _edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        date_item, value_item = self.item(row, 0), self.item(row, 1)
        if date_item is None or value_item is None:
            return
        if item.column() == 2:
            return
        date_text = date_item.text()
        half_typed = not date_text.strip() or not value_item.text().strip()
        if half_typed and date_item.data(STORED) is None:
            self._say("")  # a new row half typed: wait for the other cell
            if date_text.strip() or value_item.text().strip():
                self.unsaved.add(row)
            else:
                self.unsaved.discard(row)
            return
        try:
            day = parse_date(date_text)
            value = parse_value(value_item.text())
        except ValueError as error:
            self._say(f"Row {row + 1} is not kept yet: {error}.")
            self.unsaved.add(row)
            return
        self._say("")
        m = self.page.measure()
        if m is None:
            return
        was = date_item.data(STORED)
        data = {d: v for d, v in m.get("data", []) if d != was}
        iso = day.isoformat()
        if iso in data and iso != was:
            self._say(f"Row {row + 1}: {day:%d/%m/%Y} is already in the grid; change that row.")
            self.unsaved.add(row)
            return
        self.unsaved.discard(row)
        self.blockSignals(True)
        date_item.setData(STORED, iso)  # this row is that date now, even before a redraw
        self.blockSignals(False)
        data[iso] = value
        self.page.change_measure(m | {"data": [[d, data[d]] for d in sorted(data)]})

    def remove_chosen(self) -> None:
        m = self.page.measure()
        days = {self.item(i.row(), 0).data(STORED) for i in self.selectionModel().selectedRows()
                if self.item(i.row(), 0) is not None}  # fmt: skip
        days.discard(None)
        if m is None or not days:
            return
        answer = QMessageBox.question(
            self, "Remove these values?",
            f"Remove {len(days)} value(s) from “{m['name']}”? Edit > Undo brings them back.",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            data = [row for row in m.get("data", []) if row[0] not in days]
            self.page.change_measure(m | {"data": data},
                                     f"Removed {len(days)} value(s). Edit > Undo brings them back.")  # fmt: skip
