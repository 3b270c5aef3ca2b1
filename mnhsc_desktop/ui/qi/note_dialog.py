"""A note on one point of a chart (shown as a numbered marker), or, on a run chart, the user's
call that a point is astronomical: obviously different from the rest, with the reason."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.ui.shell.form_parts import discard_ok, save_buttons, text_box


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget, day: str, run_chart: bool, current: dict | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note on this point")
        self.day, self.run_chart = day, run_chart
        layout = QVBoxLayout(self)
        when = uk_date(dt.date.fromisoformat(day), weekday=False)
        label = QLabel(f"A note on the point of {when} (leave it empty to remove the note):")
        label.setWordWrap(True)
        self.box = text_box(3)
        self.box.setAccessibleName("Note")
        self.box.setPlainText((current or {}).get("text", ""))
        label.setBuddy(self.box)
        layout.addWidget(label)
        layout.addWidget(self.box)
        self.astronomical = QCheckBox("This point is &astronomical (obviously unlike the rest)")
        self.astronomical.setChecked(bool((current or {}).get("astronomical")))
        self.astronomical.setVisible(run_chart)
        layout.addWidget(self.astronomical)
        layout.addWidget(save_buttons(self))
        self.initial = self.value()

    def value(self) -> dict[str, Any]:
        note = {"date": self.day, "text": self.box.toPlainText().strip()[:2000]}
        if self.run_chart and self.astronomical.isChecked():
            note["astronomical"] = True
        return note

    def reject(self) -> None:
        if discard_ok(self, self.value() != self.initial):
            super().reject()


def ask_note(parent: QWidget, day: str, run_chart: bool, current: dict | None = None
             ) -> dict[str, Any] | None:  # fmt: skip
    """The note as saved ({"date", "text"[, "astronomical"]}); empty text removes it; None:
    cancelled."""
    dialog = NoteDialog(parent, day, run_chart, current)
    return dialog.value() if dialog.exec() else None
