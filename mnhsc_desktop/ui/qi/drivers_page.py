"""The driver diagram, edited as an outline with the keyboard and drawn beside it.

Keys (also on the buttons, and described to screen readers): Insert adds a line below, Ctrl+Insert
a line under the chosen one, F2 renames, Ctrl+Right and Ctrl+Left indent and outdent, Ctrl+Up
and Ctrl+Down move, Delete removes (Edit > Undo brings it back).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.qi import drivers
from mnhsc_desktop.ui.qi.diagram_paint import paint_diagram
from mnhsc_desktop.ui.qi.overview_page import ProjectPage
from mnhsc_desktop.ui.shell.widgets import named_button, paragraph

INDEX = Qt.ItemDataRole.UserRole


class DiagramView(QWidget):
    """The drawn diagram (the outline beside it is what a screen reader reads)."""

    def __init__(self) -> None:
        super().__init__()
        self.aim, self.lines = "", []
        self.setAccessibleName("Driver diagram, drawn")
        self.setMinimumSize(560, 240)

    def show_diagram(self, aim: str, lines: list) -> None:
        self.aim, self.lines = aim, lines
        rows = max(1, drivers.layout(aim, lines)[0].height)
        self.setMinimumHeight(int(self.fontMetrics().height() * (2 + rows * 3)))
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().windowText().color()
        paint_diagram(painter, QRectF(self.rect()).adjusted(6, 6, -6, -6), self.aim, self.lines,
                      ink)  # fmt: skip
        painter.end()


class DriversPage(ProjectPage):
    def __init__(self, host) -> None:
        super().__init__(host)
        self.lines: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            "What drives the aim (primary drivers), what drives those (secondary drivers), and "
            "the change ideas to test. Insert adds a line, Ctrl+Insert a line under it, F2 "
            "renames, Ctrl+arrows indent, outdent and move, Delete removes."))  # fmt: skip
        splitter = QSplitter()
        layout.addWidget(splitter, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Driver diagram outline")
        self.tree.setAccessibleDescription(
            "Insert adds a line below, Ctrl+Insert a line under it, F2 renames, Ctrl+Right and "
            "Ctrl+Left indent and outdent, Ctrl+Up and Ctrl+Down move, Delete removes."
        )
        label = QLabel("Out&line:")
        label.setBuddy(self.tree)
        column.addWidget(label)
        column.addWidget(self.tree, 1)
        buttons = QGridLayout()
        self.buttons = {}
        for at, (name, text, keys, slot) in enumerate(
            (
                ("below", "Add &below", "Insert", self.add_below),
                ("child", "Add under &it", "Ctrl+Insert", self.add_child),
                ("rename", "Rename", "F2", self.rename),
                ("remove", "Remove", "Delete", self.remove),
                ("indent", "Indent", "Ctrl+Right", lambda: self._apply(drivers.indent)),
                ("outdent", "Outdent", "Ctrl+Left", lambda: self._apply(drivers.outdent)),
                ("up", "Move up", "Ctrl+Up", lambda: self._move(-1)),
                ("down", "Move down", "Ctrl+Down", lambda: self._move(1)),
            )
        ):
            button = named_button(text, f"{text.replace('&', '')} ({keys})", slot)
            button.setToolTip(keys)
            buttons.addWidget(button, at // 4, at % 4)
            self.buttons[name] = button
            shortcut = QShortcut(
                QKeySequence(keys), self.tree, context=Qt.ShortcutContext.WidgetShortcut
            )
            shortcut.activated.connect(slot)
        column.addLayout(buttons)
        splitter.addWidget(left)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Driver diagram picture")
        self.diagram = DiagramView()
        scroll.setWidget(self.diagram)
        splitter.addWidget(scroll)
        splitter.setSizes([360, 640])
        self.tree.itemChanged.connect(lambda item, _c: self._renamed(item.data(0, INDEX),
                                                                     item.text(0)))  # fmt: skip
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())

    # -- showing -------------------------------------------------------------------------------
    def load(self, value: dict[str, Any]) -> None:
        """Rebuild the outline only when it changed elsewhere (an undo, another PC): rebuilding
        it during an edit of its own would pull an open editor from under Qt's feet."""
        lines = value.get("drivers", [])
        if lines != self.lines or self.tree.topLevelItemCount() == 0:
            focus = self._at()
            self.lines = lines
            self._fill(focus)
        self.diagram.show_diagram(value.get("aim", ""), self.lines)

    def _fill(self, focus: int | None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        parents: list[Any] = [self.tree]
        chosen = None
        for at, line in enumerate(self.lines):
            del parents[line["depth"] :]
            item = QTreeWidgetItem(parents[-1])
            item.setText(0, line["text"])
            item.setData(0, INDEX, at)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                         f"{drivers.LEVELS[line['depth']]}: {line['text']}")  # fmt: skip
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            parents.append(item)
            if at == focus:
                chosen = item
        self.tree.expandAll()
        if chosen is None and self.lines:
            chosen = self.tree.topLevelItem(0)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        self._enable()

    def _at(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, INDEX) if item is not None else None

    def _enable(self) -> None:
        has = self._at() is not None
        for name, button in self.buttons.items():
            button.setEnabled(has or name == "below")

    # -- changing ------------------------------------------------------------------------------
    def _keep(self, lines: list, focus: int | None, said: str = "", edit: bool = False) -> None:
        value = self.host.current()
        if value is None:
            return
        self.lines = lines
        self._fill(focus)
        self.host.save(value | {"drivers": lines}, said)
        self.diagram.show_diagram(value.get("aim", ""), lines)
        if edit and self.tree.currentItem() is not None:
            self.tree.setFocus()
            self.tree.editItem(self.tree.currentItem(), 0)

    def add_below(self) -> None:
        lines, at = drivers.add_below(self.lines, self._at(), "New line")
        self._keep(lines, at, f"{drivers.LEVELS[lines[at]['depth']]} added: type its words.", True)

    def add_child(self) -> None:
        at = self._at()
        result = drivers.add_child(self.lines, at, "New line") if at is not None else None
        if result is None:
            self.host.status.emit("A change idea is the last level: nothing goes under it.")
            return
        lines, at = result
        self._keep(lines, at, f"{drivers.LEVELS[lines[at]['depth']]} added: type its words.", True)

    def rename(self) -> None:
        if self.tree.currentItem() is not None:
            self.tree.editItem(self.tree.currentItem(), 0)

    def remove(self) -> None:
        at = self._at()
        if at is None:
            return
        lines, focus = drivers.remove(self.lines, at)
        gone = len(self.lines) - len(lines)
        under = f" and the {gone - 1} line(s) under it" if gone > 1 else ""
        answer = QMessageBox.question(
            self, "Remove this line?",
            f"Remove “{self.lines[at]['text'][:80]}”{under}? Edit > Undo brings it back.",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._keep(lines, focus, f"Removed {gone} line(s). Edit > Undo brings them back.")

    def _apply(self, operation) -> None:
        at = self._at()
        result = operation(self.lines, at) if at is not None else None
        if result is None:
            self.host.status.emit(
                "Not possible here: a line can be at most one level deeper than the line above "
                "it, and a change idea is the deepest level."
            )
            return
        self._keep(*result)
        self.tree.setFocus()

    def _move(self, step: int) -> None:
        at = self._at()
        result = drivers.move(self.lines, at, step) if at is not None else None
        if result is None:
            self.host.status.emit("It is already the " + ("first" if step < 0 else "last")
                                  + " at its level under its driver.")  # fmt: skip
            return
        self._keep(*result)
        self.tree.setFocus()

    def _renamed(self, at: int | None, text: str) -> None:
        words = text.strip()[:2000]
        if at is None or at >= len(self.lines) or words == self.lines[at]["text"]:
            return
        if not words:  # an empty name: put the old one back (Delete removes a line)
            QTimer.singleShot(0, lambda: self._fill(at))
            return
        lines = [dict(line) for line in self.lines]
        lines[at]["text"] = words
        self.lines = lines  # the tree shows it already: only the store and the picture change
        value = self.host.current()
        if value is not None:
            self.host.save(value | {"drivers": lines})
            self.diagram.show_diagram(value.get("aim", ""), lines)
