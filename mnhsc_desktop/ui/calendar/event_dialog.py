"""Add or edit one of your own events, including a weekly or monthly repeat."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.calendar import new_uid
from mnhsc_desktop.core.calendar.events import KINDS, Event, Repeat
from mnhsc_desktop.ui.shell.form_parts import date_edit, qdate, text_box, to_date

REPEATS = (
    ("Does not repeat", None), ("Every day", "daily"), ("Every week", "weekly"),
    ("Every month", "monthly"), ("Every year", "yearly"),
)  # fmt: skip
ENDS = ("After a number of times", "On a date")
PRIVACY = "Do not write anything that identifies a patient or a colleague."


def _qtime(moment: dt.time) -> QTime:
    return QTime(moment.hour, moment.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class EventDialog(QDialog):
    """`event` is None for a new event; the result is read with `result_event()`."""

    def __init__(
        self, parent: QWidget | None, event: Event | None = None, day: dt.date | None = None
    ):
        super().__init__(parent)
        self.original = event
        self.setWindowTitle("Edit event" if event else "New event")
        start_day = day or dt.date.today()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.title = QLineEdit()
        self.title.setPlaceholderText("For example: Trust QI huddle")
        form.addRow("&Title:", self.title)
        self.kind = QComboBox()
        for kind, label in KINDS.items():
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(self.kind.findData("workshop"))
        form.addRow("&Kind:", self.kind)
        self.all_day = QCheckBox("&All day")
        self.all_day.setAccessibleName("All day")
        form.addRow("", self.all_day)
        self.start_date = date_edit(start_day)
        self.start_time = QTimeEdit(QTime(9, 0))
        self.start_time.setDisplayFormat("HH:mm")
        form.addRow("&Starts:", self._pair(self.start_date, self.start_time, "Start"))
        self.end_date = date_edit(start_day)
        self.end_time = QTimeEdit(QTime(10, 0))
        self.end_time.setDisplayFormat("HH:mm")
        form.addRow("E&nds:", self._pair(self.end_date, self.end_time, "End"))
        self.location = QLineEdit()
        form.addRow("&Location:", self.location)
        self.notes = text_box(5)
        self.notes.setPlaceholderText(PRIVACY)
        form.addRow("N&otes:", self.notes)

        self.repeat = QComboBox()
        for label, freq in REPEATS:
            self.repeat.addItem(label, freq)
        form.addRow("&Repeat:", self.repeat)
        self.interval = QSpinBox()
        self.interval.setRange(1, 12)
        self.interval.setPrefix("every ")
        form.addRow("Re&peat interval:", self.interval)
        from mnhsc_desktop.ui.calendar.repeat_fields import WeekdayBoxes, fill_monthly

        self.weekdays = WeekdayBoxes()
        self.weekdays.set_start(start_day)
        form.addRow("On these weekda&ys:", self.weekdays)
        self.monthly = QComboBox()
        self.monthly.setAccessibleName("Each month on")
        fill_monthly(self.monthly, start_day)
        form.addRow("Each &month:", self.monthly)
        self.ends = QComboBox()
        self.ends.addItems(ENDS)
        form.addRow("Repeat &ends:", self.ends)
        self.count = QSpinBox()
        self.count.setRange(1, 500)
        self.count.setValue(6)
        self.count.setSuffix(" times")
        form.addRow("Number of &times:", self.count)
        self.until = date_edit(start_day + dt.timedelta(days=90))
        form.addRow("Last &date:", self.until)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What needs fixing")
        layout.addWidget(self.problem)
        self.note = QLabel()  # a warning that does not stop the save (a long event)
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Worth checking")
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if event is not None:
            self._load(event)
        for signal in (
            self.title.textChanged, self.all_day.toggled, self.start_date.dateChanged,
            self.end_date.dateChanged, self.start_time.timeChanged, self.end_time.timeChanged,
            self.repeat.currentIndexChanged, self.ends.currentIndexChanged, self.until.dateChanged,
            self.interval.valueChanged,
        ):  # fmt: skip
            signal.connect(self._update)
        # Moving the start carries the end (and a repeat's last date) with it, as Outlook and
        # Thunderbird do: the length of the event stays what it was.
        self._start = (self.start_date.date(), self.start_time.time())
        self.start_date.dateChanged.connect(self._move_with_start)
        self.start_time.timeChanged.connect(self._move_with_start)
        self._update()

    @staticmethod
    def _pair(date_edit: QDateEdit, time_edit: QTimeEdit, what: str) -> QWidget:
        date_edit.setAccessibleName(f"{what} date")
        time_edit.setAccessibleName(f"{what} time")
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(date_edit, 1)
        row.addWidget(time_edit)
        return box

    def _load(self, event: Event) -> None:
        self.title.setText(event.title)
        index = self.kind.findData(event.kind)
        self.kind.setCurrentIndex(index if index >= 0 else self.kind.findData("other"))
        self.all_day.setChecked(event.start_time is None)
        self.start_date.setDate(qdate(event.start))
        self.end_date.setDate(qdate(event.end))
        if event.start_time is not None:
            self.start_time.setTime(_qtime(event.start_time))
        if event.end_time is not None:
            self.end_time.setTime(_qtime(event.end_time))
        self.location.setText(event.location)
        self.notes.setPlainText("\n\n".join(event.notes))
        if event.rule:  # an imported series: its calendar's rule is kept as it was written
            from mnhsc_desktop.core.calendar.repeat_words import describe_repeat

            said = describe_repeat(event)
            for control in (self.repeat, self.interval, self.ends, self.count, self.until,
                            self.weekdays, self.monthly):  # fmt: skip
                control.setEnabled(False)
                control.setToolTip(
                    f"{said}. This rule came with the imported calendar and is kept."
                )
            self.repeat.setItemText(0, said[:60] + ("…" if len(said) > 60 else ""))
        if event.repeat is not None:
            from mnhsc_desktop.ui.calendar.repeat_fields import fill_monthly

            self.repeat.setCurrentIndex(self.repeat.findData(event.repeat.freq))
            if event.repeat.freq == "weekly" and event.repeat.byday:
                self.weekdays.set_value(event.repeat.byday)
            if event.repeat.freq == "monthly":
                fill_monthly(self.monthly, event.start, event.repeat.byday)
            self.interval.setValue(event.repeat.interval)
            if event.repeat.until is not None:
                self.ends.setCurrentIndex(1)
                self.until.setDate(qdate(event.repeat.until))
            elif event.repeat.count is not None:
                self.count.setValue(event.repeat.count)

    def _move_with_start(self, *_args) -> None:
        old_date, old_time = self._start
        new_date, new_time = self.start_date.date(), self.start_time.time()
        self._start = (new_date, new_time)
        days = old_date.daysTo(new_date)
        seconds = old_time.secsTo(new_time)
        if days:
            self.end_date.setDate(self.end_date.date().addDays(days))
            self.until.setDate(self.until.date().addDays(days))
            from mnhsc_desktop.ui.calendar.repeat_fields import fill_monthly

            fill_monthly(self.monthly, to_date(new_date))  # "the 2nd Tuesday" of the new date
            self.weekdays.set_start(to_date(new_date))
        if seconds and not self.all_day.isChecked():
            end = QDateTime(self.end_date.date(), self.end_time.time()).addSecs(seconds)
            self.end_date.setDate(end.date())
            self.end_time.setTime(end.time())

    def _update(self) -> None:
        timed = not self.all_day.isChecked()
        self.start_time.setEnabled(timed)
        self.end_time.setEnabled(timed)
        repeating = self.repeat.currentData() is not None
        for widget in (self.interval, self.ends):
            widget.setEnabled(repeating)
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}
        freq = self.repeat.currentData()
        self.interval.setSuffix(f" {unit[freq]}{'s' if self.interval.value() != 1 else ''}"
                                if freq else "")  # fmt: skip
        self.weekdays.setEnabled(self.repeat.currentData() == "weekly")
        self.monthly.setEnabled(self.repeat.currentData() == "monthly")
        self.count.setEnabled(repeating and self.ends.currentIndex() == 0)
        self.until.setEnabled(repeating and self.ends.currentIndex() == 1)
        problem = self.problem_text()
        self.problem.setText(problem)
        self.note.setText("" if problem else self._length_warning())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def _length_warning(self) -> str:
        """Longer than a day is allowed (a conference), but usually a slip of the end date."""
        if self.all_day.isChecked():
            days = self.start_date.date().daysTo(self.end_date.date()) + 1
            long = days > 1
        else:
            start = QDateTime(self.start_date.date(), self.start_time.time())
            seconds = start.secsTo(QDateTime(self.end_date.date(), self.end_time.time()))
            long, days = seconds > 24 * 3600, -(-seconds // (24 * 3600))
        return (
            f"This event lasts more than a day ({days} days): check the end date." if long else ""
        )

    def problem_text(self) -> str:
        """Why the event cannot be saved yet, in words; empty when it can."""
        if not self.title.text().strip():
            return "Give the event a title."
        start, end = to_date(self.start_date.date()), to_date(self.end_date.date())
        if end < start:
            return "The end date is before the start date."
        if (
            not self.all_day.isChecked()
            and end == start
            and self.end_time.time() <= self.start_time.time()
        ):
            return "The end time is not after the start time."
        if (
            self.repeat.currentData()
            and self.ends.currentIndex() == 1
            and to_date(self.until.date()) < start
        ):
            return "The repeat's last date is before the event starts."
        return ""

    def result_event(self) -> Event:
        timed = not self.all_day.isChecked()
        repeat = None
        if freq := self.repeat.currentData():
            start = to_date(self.start_date.date())
            byday = {"weekly": self.weekdays.value(start),
                     "monthly": self.monthly.currentData() or ""}.get(freq, "")  # fmt: skip
            if self.ends.currentIndex() == 0:
                repeat = Repeat(freq, self.interval.value(), count=self.count.value(), byday=byday)
            else:
                repeat = Repeat(freq, self.interval.value(), until=to_date(self.until.date()),
                                byday=byday)  # fmt: skip
        notes = tuple(
            part.strip() for part in self.notes.toPlainText().split("\n\n") if part.strip()
        )
        values = {
            "title": self.title.text().strip(),
            "kind": self.kind.currentData(),
            "start": to_date(self.start_date.date()),
            "end": to_date(self.end_date.date()),
            "start_time": _time(self.start_time.time()) if timed else None,
            "end_time": _time(self.end_time.time()) if timed else None,
            "location": self.location.text().strip(),
            "notes": notes,
            "repeat": repeat,
        }
        if self.original is not None and self.original.rule:
            values.pop("repeat")  # the imported rule stays; its zone's start follows the edit
            if self.original.zone_start is not None and values["start_time"] is not None:
                from mnhsc_desktop.core.calendar.recurrence import LONDON, zone_of

                moment = dt.datetime.combine(values["start"], values["start_time"], LONDON)
                zone = zone_of(self.original.zone, self.original.zone_ical)
                values["zone_start"] = moment.astimezone(zone).replace(tzinfo=None)
        if self.original is not None:
            return self.original.with_changes(**values)
        return Event(uid=new_uid(), origin="local", **values)
