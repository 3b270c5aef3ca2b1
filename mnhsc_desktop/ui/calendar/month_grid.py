"""A month grid people recognise: six weeks of seven days, each day with its events as short
titled entries ("+3 more" when full), today marked in words and a frame, weekends shaded and
named in the header (never colour alone). Arrows move the day, Page Up and Page Down the month,
Enter opens the day's first event; a screen reader hears each day's date and its events.

The same grid shows one week instead (a row of seven tall days, room for a full day's
entries): there Page Up and Page Down move the week.
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

from mnhsc_desktop.core.calendar.events import uk_date, uk_time, uk_times
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
        self.start = first_shown(self.year, self.month)
        self.weeks = 6
        self.by_day: dict[dt.date, list[Occurrence]] = {}

    def set_month(self, year: int, month: int, occurrences: list[Occurrence],
                  today: dt.date) -> None:  # fmt: skip
        self._fill(first_shown(year, month), 6, occurrences, today, (year, month))

    def set_week(self, monday: dt.date, occurrences: list[Occurrence], today: dt.date) -> None:
        """One week from `monday`; no day of it is "another month"."""
        self._fill(monday, 1, occurrences, today, None)

    def _fill(self, start: dt.date, weeks: int, occurrences: list[Occurrence], today: dt.date,
              month: tuple[int, int] | None) -> None:  # fmt: skip
        self.beginResetModel()
        self.start, self.weeks, self.today = start, weeks, today
        self.year, self.month = month if month is not None else (start.year, 0)
        last = start + dt.timedelta(days=7 * weeks - 1)
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
        return self.start + dt.timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - self.start).days
        return (
            self.index(offset // 7, offset % 7) if 0 <= offset < 7 * self.weeks else QModelIndex()
        )

    def another_month(self, day: dt.date) -> bool:
        return self.month != 0 and day.month != self.month

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.weeks

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
            if self.another_month(day):
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
        if model.another_month(day) and not selected:
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
        if day.day == 1 or (model.weeks == 1 and day == model.start):  # say the month
            label = f"{day.day} {day:%b}" + ("  Today" if day == model.today else "")
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                         Qt.AlignmentFlag.AlignLeft, label)  # fmt: skip
        painter.setFont(option.font)
        if model.weeks == 1:
            left = _paint_blocks(painter, metrics, inner, entries)
        else:
            room = max(0, (inner.height() - line) // line)
            shown = entries if len(entries) <= room else entries[: max(room - 1, 0)]
            y = inner.top() + line
            for o in shown:
                words = metrics.elidedText(entry_text(o), Qt.TextElideMode.ElideRight,
                                           inner.width())  # fmt: skip
                painter.drawText(QRect(inner.left(), y, inner.width(), line),
                                 Qt.AlignmentFlag.AlignLeft, words)  # fmt: skip
                y += line
            left = (len(entries) - len(shown), y)
        if left[0]:
            painter.drawText(QRect(inner.left(), left[1], inner.width(), line),
                             Qt.AlignmentFlag.AlignLeft, f"+{left[0]} more")  # fmt: skip
        if day == model.today:  # a frame as well as the word and the bold number
            pen = painter.pen()
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


def _paint_blocks(painter: QPainter, metrics, inner: QRect,
                  entries: list[Occurrence]) -> tuple[int, int]:  # fmt: skip
    """A week's day: each entry as its time, then its title and place wrapped in full, while
    they fit; (entries left over, where "+N more" goes)."""
    line = metrics.height()
    y = inner.top() + line + 2
    wrap = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
    for number, o in enumerate(entries):
        start = o.event.start_time
        times = uk_times(start, o.event.end_time) if start is not None else ""
        words = "\n".join(part for part in (times, o.event.title, o.event.location) if part)
        height = metrics.boundingRect(QRect(0, 0, inner.width(), 10_000), wrap, words).height()
        room = inner.bottom() - y - (line if number < len(entries) - 1 else 0)
        if height > room:
            return len(entries) - number, y
        painter.drawText(QRect(inner.left(), y, inner.width(), height), wrap, words)
        y += height + line // 2
    return 0, y


class MonthGrid(QTableView):
    day_opened = Signal(object)  # the date whose first event to open
    month_step = Signal(int)  # -1 or +1: Page Up / Page Down
    day_wanted = Signal(object)  # a day outside the week shown: the tab shows its week

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
        self._name_for("month")
        self.activated.connect(lambda index: self.day_opened.emit(self.grid_model.day_at(index)))
        line = self.fontMetrics().height()
        self.setMinimumHeight(line * 4 * 6)

    def show_month(self, year: int, month: int, occurrences: list[Occurrence], today: dt.date,
                   chosen: dt.date | None = None) -> None:  # fmt: skip
        keep = chosen or self.chosen_day()
        self.grid_model.set_month(year, month, occurrences, today)
        self._name_for("month")
        if keep is None or (keep.year, keep.month) != (year, month):
            keep = today if (today.year, today.month) == (year, month) else dt.date(year, month, 1)
        self.setCurrentIndex(self.grid_model.index_of(keep))

    def show_week(self, monday: dt.date, occurrences: list[Occurrence], today: dt.date,
                  chosen: dt.date) -> None:  # fmt: skip
        self.grid_model.set_week(monday, occurrences, today)
        self._name_for("week")
        self.setCurrentIndex(self.grid_model.index_of(chosen))

    def _name_for(self, unit: str) -> None:
        self.setAccessibleName(f"{unit.capitalize()} grid")
        self.setAccessibleDescription(
            f"A day per cell with its events. Arrows move the day, Page Up and Page Down the "
            f"{unit}, Enter opens the day's first event."
        )

    def chosen_day(self) -> dt.date | None:
        index = self.currentIndex()
        return self.grid_model.day_at(index) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        day = self.chosen_day()
        if self.grid_model.weeks == 1 and day is not None:
            steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_PageUp: -7,
                     Qt.Key.Key_PageDown: 7, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}  # fmt: skip
            if event.key() in steps:
                target = day + dt.timedelta(days=steps[event.key()])
                if self.grid_model.index_of(target).isValid():
                    self.setCurrentIndex(self.grid_model.index_of(target))
                else:
                    self.day_wanted.emit(target)
                return
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
