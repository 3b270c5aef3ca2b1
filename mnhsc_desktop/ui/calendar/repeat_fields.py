"""The parts of a repeat Outlook and Thunderbird offer beyond "every N weeks": weekly on several
days, and monthly on a date or on the nth (or last) weekday, worked out from the start date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NTH = ("1st", "2nd", "3rd", "4th", "5th")


class WeekdayBoxes(QWidget):
    """Seven boxes; the start's own weekday is always among the days (as in Outlook)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes = []
        for short, long in zip(_SHORT, _LONG, strict=True):
            box = QCheckBox(short)
            box.setAccessibleName(f"Repeat on {long}")
            row.addWidget(box)
            self.boxes.append(box)
        row.addStretch(1)
        self.setFocusProxy(self.boxes[0])

    def set_start(self, day: dt.date) -> None:
        for at, box in enumerate(self.boxes):
            if at == day.weekday():
                box.setChecked(True)

    def value(self, start: dt.date) -> str:
        """BYDAY, or "" when only the start's weekday is ticked (a plain weekly repeat)."""
        days = [WEEKDAYS[at] for at, box in enumerate(self.boxes) if box.isChecked()]
        return "" if days in ([], [WEEKDAYS[start.weekday()]]) else ",".join(days)

    def set_value(self, byday: str) -> None:
        chosen = {part.strip().upper()[-2:] for part in byday.split(",") if part.strip()}
        for code, box in zip(WEEKDAYS, self.boxes, strict=True):
            box.setChecked(code in chosen)


def monthly_choices(day: dt.date) -> list[tuple[str, str]]:
    """("on day 12", ""), ("on the 2nd Thursday", "2TH"), and ("on the last Thursday",
    "-1TH") when the date is in its month's last seven days."""
    nth = (day.day - 1) // 7
    code = WEEKDAYS[day.weekday()]
    choices = [(f"on day {day.day}", "")]
    if nth < 4:
        choices.append((f"on the {_NTH[nth]} {_LONG[day.weekday()]}", f"{nth + 1}{code}"))
    if (day + dt.timedelta(days=7)).month != day.month:
        choices.append((f"on the last {_LONG[day.weekday()]}", f"-1{code}"))
    return choices


def fill_monthly(combo: QComboBox, day: dt.date, wanted: str | None = None) -> None:
    """Offer the choices for this start date, keeping the kind of choice made (date, nth, last)."""
    kind = wanted if wanted is not None else (combo.currentData() or "")
    combo.blockSignals(True)
    combo.clear()
    for label, byday in monthly_choices(day):
        combo.addItem(label, byday)
    codes = [combo.itemData(i) or "" for i in range(combo.count())]
    same = 0
    if kind:  # a weekday choice stays one: the last, or else the nth, or the other way round
        weekday = [i for i, code in enumerate(codes) if code]
        alike = [i for i in weekday if codes[i][:1] == kind[:1] or (codes[i][0].isdigit()
                                                                   and kind[0].isdigit())]  # fmt: skip
        same = (alike or weekday or [0])[0]
    combo.setCurrentIndex(same)
    combo.blockSignals(False)
