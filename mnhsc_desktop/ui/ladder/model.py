"""The ladder grid: subjects down, Learn / Living / Leading across, in words as well as shading."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from mnhsc_desktop.core.ladder.ladder import LEVELS, LadderFile, Progress

HEADERS = ("Subject", "Learn", "Living", "Leading")
Index = QModelIndex | QPersistentModelIndex


class LadderModel(QAbstractTableModel):
    def __init__(self, ladder: LadderFile, progress: Progress, parent=None) -> None:
        super().__init__(parent)
        self.ladder = ladder
        self.progress = progress
        self._count()

    def set_progress(self, progress: Progress) -> None:
        self.progress = progress
        self._count()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(HEADERS) - 1))

    def _count(self) -> None:
        """Done and total per (subject, level), in one pass: cells are painted often."""
        subjects = [s.id for s in self.ladder.subjects]
        self.counts: dict[tuple[str, str], list[int]] = {
            (s, level): [0, 0] for s in subjects for level in LEVELS
        }
        for resource in self.ladder.resources:
            for subject in subjects if "all" in resource.subjects else resource.subjects:
                cell = self.counts.get((subject, resource.level))
                if cell is not None:
                    cell[1] += 1
                    cell[0] += resource.id in self.progress.done

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ladder.subjects)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def cell_text(self, row: int, column: int) -> str:
        subject = self.ladder.subjects[row]
        if column == 0:
            return subject.name
        level = LEVELS[column - 1]
        done, total = self.counts[(subject.id, level)]
        where = self.progress.level_of(subject.id)
        counts = f"{done} of {total} done"
        if where == level:
            return f"● You are here\n{counts}"
        if where in LEVELS and LEVELS.index(where) > LEVELS.index(level):
            return f"✓ Passed\n{counts}"
        return counts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.cell_text(row, column)
            if role == Qt.ItemDataRole.AccessibleTextRole and column:
                return f"{self.ladder.subjects[row].name}, {HEADERS[column]}: {text.replace(chr(10), ', ')}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self.ladder.subjects[row].description
        here = column and self.progress.level_of(self.ladder.subjects[row].id) == LEVELS[column - 1]
        if role == Qt.ItemDataRole.FontRole and here:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and here:
            # The words "You are here" carry the meaning; the shading only helps the eye find it.
            return QApplication.palette().color(QPalette.ColorRole.AlternateBase)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
