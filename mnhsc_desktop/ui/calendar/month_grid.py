"""A month grid people recognise: six weeks of seven days, each day with its events as short
titled entries ("+3 more" when full), today marked in words and a frame, weekends shaded and
named in the header (never colour alone). Arrows move the day, Page Up and Page Down the month,
Enter opens the day's first event; a screen reader hears each day's date and its events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from mnhsc_desktop.core.calendar.events import uk_date, uk_time
from mnhsc_desktop.core.calendar.expansion import Occurrence

DAY_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def first_shown(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first - dt.timedelta(days=first.weekday())


def entry_text(o: Occurrence) -> str:
    time = o.event.start_time
    return (
        f"{uk_time(time)} {o.event.title}"
        if time is not None and o.start == o.start
        else o.event.title
    )


class MonthGridModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.year, self.month = dt.date.today().year, dt.date.today().month
        self.today = dt.date.today()
        self.by_day: dict[dt.date, list[Occurrence]] = {}

    def set_month(self, year: int, month: int, occurrences: list[Occurrence],
                  today: dt.date) -> None:  # fmt: skip
        self.beginResetModel()
        self.year, self.month, self.today = year, month, today
        start = first_shown(year, month)
        last = start + dt.timedelta(days=41)
        self.by_day = {}
        for o in occurrences:
            if o.event.precision == "month":
                continue  # no day is given: the agenda lists it under its month
            day = max(o.start, start)
            while day <= min(o.end, last):
                self.by_day.setdefault(day, []).append(o)
                day += dt.timedelta(days=1)
        self.endResetModel()

    def day_at(self, index: _Index) -> dt.date:
        return first_shown(self.year, self.month) + dt.timedelta(
            days=index.row() * 7 + index.column()
        )

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - first_shown(self.year, self.month)).days
        return self.index(offset // 7, offset % 7) if 0 <= offset < 42 else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index)
        entries = self.by_day.get(day, [])
        if role == DAY_ROLE:
            return day
        if role == ENTRIES_ROLE:
            return entries
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):  # fmt: skip
            said = uk_date(day) + (" (today)" if day == self.today else "")
            if day.month != self.month:
                said += ", another month"
            if not entries:
                return f"{said}: no events"
            events = "; ".join(entry_text(o) for o in entries)
            return f"{said}: {len(entries)} event{'s' if len(entries) != 1 else ''}: {events}"
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return DAY_NAMES[section]
        return None


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number (and "Today"), then as many entries as fit, then "+N more"."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        palette = option.palette
        day: dt.date = index.data(DAY_ROLE)
        entries: list[Occurrence] = index.data(ENTRIES_ROLE)
        model: MonthGridModel = index.model()
        selected = bool(option.state & option.state.State_Selected)
        rect = option.rect
        painter.save()
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif day.weekday() >= 5:  # weekends: shaded, and named in the header above
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text = palette.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Text)  # fmt: skip
        if day.month != model.month and not selected:
            from mnhsc_desktop.ui.shell.theme import secondary_text

            text = secondary_text(palette)
        painter.setPen(text)
        metrics = option.fontMetrics
        line = metrics.height()
        inner = rect.adjusted(3, 1, -3, -1)
        bold = QFont(option.font)
        bold.setBold(day == model.today)
        painter.setFont(bold)
        label = f"{day.day}" + ("  Today" if day == model.today else "")
        if day.day == 1:
            label = f"1 {day:%b}" + ("  Today" if day == model.today else "")
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft, label)  # fmt: skip
        painter.setFont(option.font)
        room = max(0, (inner.height() - line) // line)
        shown = entries if len(entries) <= room else entries[: max(room - 1, 0)]
        y = inner.top() + line
        for o in shown:
            words = metrics.elidedText(entry_text(o), Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(QRect(inner.left(), y, inner.width(), line),
                             Qt.AlignmentFlag.AlignLeft, words)  # fmt: skip
            y += line
        if len(shown) < len(entries):
            painter.drawText(QRect(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft,
                             f"+{len(entries) - len(shown)} more")  # fmt: skip
        if day == model.today:  # a frame as well as the word and the bold number
            pen = painter.pen()
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


class MonthGrid(QTableView):
    day_opened = Signal(object)  # the date whose first event to open
    month_step = Signal(int)  # -1 or +1: Page Up / Page Down

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid_model = MonthGridModel(self)
        self.setModel(self.grid_model)
        self.setItemDelegate(DayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName("Month grid")
        self.setAccessibleDescription(
            "A day per cell with its events. Arrows move the day, Page Up and Page Down the "
            "month, Enter opens the day's first event."
        )
        self.activated.connect(lambda index: self.day_opened.emit(self.grid_model.day_at(index)))
        line = self.fontMetrics().height()
        self.setMinimumHeight(line * 4 * 6)

    def show_month(self, year: int, month: int, occurrences: list[Occurrence], today: dt.date,
                   chosen: dt.date | None = None) -> None:  # fmt: skip
        keep = chosen or self.chosen_day()
        self.grid_model.set_month(year, month, occurrences, today)
        if keep is None or (keep.year, keep.month) != (year, month):
            keep = today if (today.year, today.month) == (year, month) else dt.date(year, month, 1)
        self.setCurrentIndex(self.grid_model.index_of(keep))

    def chosen_day(self) -> dt.date | None:
        index = self.currentIndex()
        return self.grid_model.day_at(index) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.month_step.emit(-1 if event.key() == Qt.Key.Key_PageUp else 1)
            return
        day = self.chosen_day()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if day is not None and event.key() in steps:
            target = day + dt.timedelta(days=steps[event.key()])
            if (target.year, target.month) != (day.year, day.month):
                self.pending_day = target  # the tab moves the month, then selects it
                self.month_step.emit(1 if target > day else -1)
                return
        super().keyPressEvent(event)
