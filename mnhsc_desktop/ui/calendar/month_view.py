"""The month view: a calendar whose days show how many events they hold (a number, not a colour)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QCalendarWidget, QWidget


class MonthView(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setAccessibleName("Month view")
        self.setAccessibleDescription(
            "Days with events show how many in the corner; the agenda lists them in words."
        )
        self.counts: dict[dt.date, int] = {}
        self._style_weekends()
        line = self.fontMetrics().height()
        self.setMinimumSize(line * 18, line * 15)  # cells tall enough for the day and its count
        # Qt's own parts of the calendar come unnamed; a screen reader needs to say what they do.
        for name, spoken in (
            ("qt_calendar_prevmonth", "Previous month"),
            ("qt_calendar_nextmonth", "Next month"),
            ("qt_calendar_monthbutton", "Choose month"),
            ("qt_calendar_yearbutton", "Choose year"),
            ("qt_calendar_yearedit", "Year"),
            ("qt_calendar_calendarview", "Days of the month"),
        ):
            child = self.findChild(QWidget, name)
            if child is not None:
                child.setAccessibleName(spoken)

    def _style_weekends(self) -> None:
        """Weekends stay red, as calendars have them, in a red that reads at 4.5:1 on this
        palette (Qt's own pure red is 4.0:1 on white)."""
        from PySide6.QtGui import QColor, QTextCharFormat

        from mnhsc_desktop.core.contrast import readable

        base = self.palette().color(QPalette.ColorRole.Base)
        red = QColor(*readable((255, 0, 0), (base.red(), base.green(), base.blue())))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            weekend = QTextCharFormat()
            weekend.setForeground(red)
            self.setWeekdayTextFormat(day, weekend)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light, dark or high contrast
            self._style_weekends()

    def set_counts(self, counts: dict[dt.date, int]) -> None:
        if counts != self.counts:  # a keystroke in the search often leaves the month's marks be
            self.counts = counts
            self.updateCells()

    def shown_month(self) -> tuple[dt.date, dt.date]:
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, following - dt.timedelta(days=1)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        count = self.counts.get(dt.date(date.year(), date.month(), date.day()))
        if not count:
            return
        painter.save()
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.75, 6.0))
        font.setBold(True)
        painter.setFont(font)
        size = painter.fontMetrics().height()
        badge = QRect(rect.right() - size - 2, rect.bottom() - size - 1, size, size)
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawEllipse(badge)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count) if count < 10 else "9+")
        painter.restore()
