"""Ctrl+K: one box to find anything, results grouped by kind; arrows to choose, Enter to open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.search import SearchIndex, SearchItem, grouped
from mnhsc_desktop.ui.shell.widgets import search_box

ITEM_ROLE = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    chosen = Signal(object)  # a SearchItem

    def __init__(self, parent: QWidget | None, index: SearchIndex) -> None:
        super().__init__(parent)
        self.index = index
        self.setWindowTitle("Find anything")
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        label = QLabel("&Find events, QI subjects and resources, and culture activities:")
        self.box = search_box("Find anything")
        label.setBuddy(self.box)
        layout.addWidget(label)
        layout.addWidget(self.box)
        self.results = QListWidget()
        self.results.setAccessibleName("Results")
        self.results.setAccessibleDescription(
            "Grouped by kind: events, QI subjects and resources, culture activities. Up and Down "
            "move, Enter opens the chosen one in its tab."
        )
        layout.addWidget(self.results, 1)
        self.summary = QLabel("Type to search. ↓ to the results, Enter to open, Esc to close.")
        self.summary.setAccessibleName("Search results summary")
        layout.addWidget(self.summary)
        self.box.textChanged.connect(self.search)
        self.box.installEventFilter(self)
        self.results.itemActivated.connect(self._open)

    def search(self, text: str) -> None:
        found = self.index.find(text)
        self.results.clear()
        first = None
        for label, entries in grouped(found):
            header = QListWidgetItem(label.upper())
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a choice
            # Drawn as body text: as a disabled item it would be grey at about 1.9:1.
            header.setForeground(self.results.palette().text())
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.results.addItem(header)
            for entry in entries:
                line = QListWidgetItem(f"   {entry.title} — {entry.detail}")
                line.setData(ITEM_ROLE, entry)
                self.results.addItem(line)
                first = first or line
        if first is not None:
            self.results.setCurrentItem(first)
        count = len(found)
        self.summary.setText(
            f"{count} found" if count else ("Nothing found." if text.strip() else "Type to search.")
        )

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.box
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open(self.results.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _step(self, step: int) -> None:
        row = self.results.currentRow()
        for _ in range(self.results.count()):
            row += step
            if not 0 <= row < self.results.count():
                return
            if self.results.item(row).data(ITEM_ROLE) is not None:
                self.results.setCurrentRow(row)
                return

    def _open(self, line: QListWidgetItem | None) -> None:
        entry: SearchItem | None = line.data(ITEM_ROLE) if line is not None else None
        if entry is not None:
            self.accept()
            self.chosen.emit(entry)
