"""The revalidation timeline: today against the final 12 months (when the confirmation must
be), the day the application window opens (60 days before) and the revalidation date itself.
Painted with the palette; every mark has its words beside it, never colour alone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.revalidation.status import Status


class Timeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: Status | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Revalidation timeline")

    def set_status(self, status: Status) -> None:
        self.status = status
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        s = self.status
        if s is None:
            return ""
        return (
            f"Today, {uk_date(s.today, weekday=False)}. Final 12 months (confirmation) from "
            f"{uk_date(s.final_year_starts, weekday=False)}. Application window opens "
            f"{uk_date(s.window_opens, weekday=False)}. Revalidation date "
            f"{uk_date(s.period.end, weekday=False)}."
        )

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(400, line * 4 + 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        if self.status is None:
            return
        s = self.status
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.height()
        margin = 8.0
        width = self.width() - 2 * margin
        first = s.period.start
        span = max(1, (s.period.end - first).days)

        def x_of(day: dt.date) -> float:
            offset = min(max((day - first).days, 0), span)
            return margin + width * offset / span

        bar_top = line + 6.0
        bar = QRectF(margin, bar_top, width, line * 0.8)
        painter.setPen(QPen(text, 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(bar)
        final = QRectF(x_of(s.final_year_starts), bar_top, x_of(s.period.end) - x_of(
            s.final_year_starts), bar.height())  # fmt: skip
        painter.setBrush(QBrush(palette.color(QPalette.ColorRole.Highlight),
                                Qt.BrushStyle.BDiagPattern))  # fmt: skip
        painter.drawRect(final)
        window = QRectF(x_of(s.window_opens), bar_top, x_of(s.period.end) - x_of(s.window_opens),
                        bar.height())  # fmt: skip
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRect(window)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # words under the bar: where the period starts, the final year, the window, the date
        below = bar_top + bar.height() + 4
        labels = [
            (margin, Qt.AlignmentFlag.AlignLeft, f"Period from {uk_date(first, weekday=False)}"),
            (final.left(), Qt.AlignmentFlag.AlignLeft, "Final 12 months: confirmation"),
            (self.width() - margin, Qt.AlignmentFlag.AlignRight,
             f"Window opens {uk_date(s.window_opens, weekday=False)} · "
             f"Revalidation {uk_date(s.period.end, weekday=False)}"),
        ]  # fmt: skip
        painter.setPen(text)
        rows = [below, below + line]
        taken: list[tuple[float, float, int]] = []
        for x, align, words in labels:
            w = metrics.horizontalAdvance(words) + 6
            left = x if align == Qt.AlignmentFlag.AlignLeft else x - w
            left = max(0.0, min(left, self.width() - w))
            row = next((r for r in range(2) if all(not (left < b and a < left + w)
                        for a, b, rr in taken if rr == r)), 1)  # fmt: skip
            taken.append((left, left + w, row))
            painter.drawText(QRectF(left, rows[row], w, line), Qt.AlignmentFlag.AlignLeft, words)
        # today: a marker above the bar, with its word
        today_x = x_of(s.today)
        marker = QPolygonF([QPointF(today_x - 5, bar_top - 7), QPointF(today_x + 5, bar_top - 7),
                            QPointF(today_x, bar_top)])  # fmt: skip
        painter.setBrush(text)
        painter.drawPolygon(marker)
        painter.drawLine(QPointF(today_x, bar_top), QPointF(today_x, bar_top + bar.height()))
        words = f"Today ({s.days_to_revalidation} days to go)" if s.days_to_revalidation >= 0 \
            else "Today: the date has passed"  # fmt: skip
        w = metrics.horizontalAdvance(words) + 6
        left = max(0.0, min(today_x - w / 2, self.width() - w))
        painter.drawText(QRectF(left, 0, w, line), Qt.AlignmentFlag.AlignLeft, words)
        painter.end()
