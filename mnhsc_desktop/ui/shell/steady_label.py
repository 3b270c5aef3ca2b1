"""A line of text that changes often without making its window lay itself out again. A module
of its own: only the calendar tab, loaded on first use, needs it, and defining the class takes
PySide6 about 5 ms, which the first window need not wait for."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyLabel(QWidget):
    """One line of text that changes often (a count of rows, the month shown) without making the
    window lay itself out again.

    A QLabel asks its window for a new layout whenever its text changes; in the calendar that
    relayout repainted the whole window on every other keystroke of the agenda's search (about
    5 ms of CPU of a 16 ms frame). Here the label sits in a holder without a layout, which
    keeps one size (room for `widest`) and ignores the label's requests."""

    def __init__(self, accessible_name: str, widest: str) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.label.setAccessibleName(accessible_name)
        self._widest = widest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.label.setToolTip(text)  # the whole of it, should a narrow window cut it short

    def sizeHint(self) -> QSize:
        metrics = self.label.fontMetrics()
        margin = 2 * self.label.margin() + 2
        return QSize(metrics.horizontalAdvance(self._widest) + margin, metrics.height() + margin)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # a larger system font: room for it
            self.updateGeometry()
        super().changeEvent(event)
