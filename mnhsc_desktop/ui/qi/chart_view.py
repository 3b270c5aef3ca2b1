"""A measure's chart on screen (the same paint routine as the PDF and the PNG), and the same
chart as a table of numbers and signals, which is what a screen reader reads."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.qi.words import RULE_WORDS, TYPE_WORDS, chart_sentences
from mnhsc_desktop.ui.qi.chart_paint import paint_chart


class ChartView(QWidget):
    """Paper-white whatever the theme, as it prints: the chart's colours are chosen for white.
    A click chooses the point under it (`point_chosen`, its index), to rebase or note it."""

    point_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.plot: QRectF | None = None
        self.chart, self.title, self.unit, self.markers, self.target = None, "", "", [], None
        self.empty_text = (
            "No data yet: type dates and values in the grid, or paste them from Excel."
        )
        self.setMinimumSize(420, 300)
        self.setAccessibleName("Chart")
        self.setAccessibleDescription("The signals are listed in words beneath the chart; "
                                      "Show as a table lists every point.")  # fmt: skip

    def show_chart(self, chart, title: str, unit: str, markers: list, target=None) -> None:
        self.chart, self.title, self.unit, self.markers = chart, title, unit, markers
        self.target = target
        self.sentences = chart_sentences(chart, markers) if chart is not None else []
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.chart is None:
            painter.drawText(
                QRectF(self.rect()).adjusted(12, 12, -12, -12),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
        else:
            self.plot = paint_chart(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self.chart,
                        self.title, self.unit, self.markers, max_lines=6, target=self.target,
                        sentences=self.sentences)  # fmt: skip  # fmt: skip
        painter.end()

    def mousePressEvent(self, event) -> None:
        if self.chart is None or self.plot is None or not self.chart.points:
            return
        x = event.position().x() - self.plot.left()
        if 0 <= x <= self.plot.width():
            count = len(self.chart.points)
            self.point_chosen.emit(min(count - 1, int(x / (self.plot.width() / count))))


HEADERS = ("Date", "Value", "Centre", "Lower limit", "Upper limit", "Signals", "Reading")


def _number(value) -> str:
    return "" if value is None else f"{value:.4g}"


class PointsTable(QTableWidget):
    """Every point of the chart with its centre line, limits and signals in words."""

    def __init__(self) -> None:
        super().__init__(0, len(HEADERS))
        self.setHorizontalHeaderLabels(HEADERS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Chart as a table")
        self.setAccessibleDescription("One row per point: date, value, centre line, limits and "
                                      "the signals it is part of.")  # fmt: skip
        self.verticalHeader().hide()

    def show_chart(self, chart) -> None:
        points = chart.points if chart is not None else []
        run = hasattr(chart, "runs")  # a run chart: signals have no better or worse side
        self.setRowCount(len(points))
        for row, p in enumerate(points):
            cells = (
                uk_date(p.x, weekday=False), _number(p.value), _number(p.centre),
                _number(p.lower), _number(p.upper),
                "; ".join(RULE_WORDS.get(r, r) for r in p.rules) or "none",
                ("part of a signal" if p.rules else "no signal") if run
                else TYPE_WORDS.get(p.point_type, p.point_type),
            )  # fmt: skip
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeColumnsToContents()
