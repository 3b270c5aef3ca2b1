"""One log of the portfolio (practice hours, CPD, feedback or reflective accounts) as a table
with Add, Edit, Delete and, where a spreadsheet can feed it, Import. The table reads the
entries through a model, so thousands of rows cost nothing until they are on screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.ui.shell.widgets import named_button

Column = tuple[str, Callable[[Any], str]]
_Index = QModelIndex | QPersistentModelIndex


class EntryModel(QAbstractTableModel):
    def __init__(self, columns: list[Column]) -> None:
        super().__init__()
        self.columns = columns
        self.entries: list[Any] = []

    def set_entries(self, entries: list[Any]) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))  # newest first: what was just added is on top
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.columns[index.column()][1](self.entries[index.row()])
            return (
                text if role == Qt.ItemDataRole.DisplayRole else (text if len(text) > 40 else None)
            )
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None


def day(value) -> str:
    return uk_date(value, weekday=False)


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class LogPage(QWidget):
    """A heading, what counts, the table, and its buttons. Emits what the user asked for; the
    tab does it (so every change goes through one place, and Edit > Undo can put it back)."""

    add_requested = Signal()
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    import_requested = Signal()

    def __init__(self, title: str, explanation: str, columns: list[Column], noun: str,
                 can_import: bool = False, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.noun = noun
        self.sized = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(f"<h2>{title}</h2>")
        self.heading.setAccessibleName(title)
        layout.addWidget(self.heading)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.model = EntryModel(columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(60)  # widths from the first rows: fast at thousands
        self.table.doubleClicked.connect(lambda _index: self._edit())
        self.table.activated.connect(lambda _index: self._edit())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            "Nothing in this period yet. Add one"
            + (", or import the spreadsheet you kept." if can_import else ".")
        )
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(f"No {noun} in this period")
        layout.addWidget(self.empty)
        self.stretch = QWidget()  # holds the buttons down while the table is hidden
        layout.addWidget(self.stretch, 1)
        buttons = QHBoxLayout()
        self.add_button = named_button(f"Ne&w {noun}…", f"Add {noun}", self.add_requested.emit)
        self.edit_button = named_button("Edi&t…", f"Edit the selected {noun}", self._edit)
        self.delete_button = named_button("De&lete…", f"Delete the selected {noun}", self._delete)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        self.import_button = None
        if can_import:
            self.import_button = named_button(
                "&Import from a spreadsheet…", f"Import {noun} from a CSV or Excel file",
                self.import_requested.emit,
            )  # fmt: skip
            buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()

    def set_entries(self, entries: list[Any]) -> None:
        selected = self.selected()
        key = getattr(selected, "id", None)
        self.model.set_entries(entries)
        self.table.setVisible(bool(entries))  # an empty table shows nothing, focus included
        self.empty.setVisible(not entries)
        self.stretch.setVisible(not entries)
        if self.model.entries:
            ids = [e.id for e in self.model.entries]
            row = ids.index(key) if key in ids else 0
            self.table.selectRow(row)
        if entries and not self.sized and self.isVisible():
            self._size_columns()
        self._enable()

    def _size_columns(self) -> None:
        """Once, from the rows first seen: later changes keep the widths the user set."""
        self.sized = True
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))

    def showEvent(self, event) -> None:
        if self.model.entries and not self.sized:
            self._size_columns()  # a page's columns are sized when it is first seen
        super().showEvent(event)

    def selected(self) -> Any:
        index = self.table.currentIndex()
        return self.model.entries[index.row()] if index.isValid() else None

    def _enable(self) -> None:
        entry = self.selected()
        self.edit_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None)

    def _edit(self) -> None:
        if (entry := self.selected()) is not None:
            self.edit_requested.emit(entry)

    def _delete(self) -> None:
        if (entry := self.selected()) is not None:
            self.delete_requested.emit(entry)
