"""A session's details: date, start time, venue, facilitator, audience and how long the room is
booked, so the handout says real clock times and the planner shows the plan against the room."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.culture.plans import Plan
from mnhsc_desktop.ui.shell.form_parts import date_edit, save_buttons, to_date


class SessionDetailsDialog(QDialog):
    def __init__(self, parent: QWidget | None, plan: Plan) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Session details: {plan.name}")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.day = date_edit(plan.day or dt.date.today(), years_ahead=2)
        form.addRow("&Date:", self.day)
        timing = QWidget()
        row = QHBoxLayout(timing)
        row.setContentsMargins(0, 0, 0, 0)
        self.timed = QCheckBox("Starts &at")
        self.timed.setAccessibleName("The session has a start time")
        self.start = QTimeEdit(QTime(plan.start.hour, plan.start.minute) if plan.start
                               else QTime(14, 0))  # fmt: skip
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName("Start time")
        self.timed.setChecked(plan.start is not None)
        self.start.setEnabled(plan.start is not None)
        self.timed.toggled.connect(self.start.setEnabled)
        row.addWidget(self.timed)
        row.addWidget(self.start, 1)
        form.addRow("Start time:", timing)
        self.venue = QLineEdit(plan.venue)
        self.venue.setPlaceholderText("For example: Seminar room 2, Maternity block")
        form.addRow("&Venue:", self.venue)
        self.facilitator = QLineEdit(plan.facilitator)
        form.addRow("&Facilitator:", self.facilitator)
        self.audience = QLineEdit(plan.audience)
        self.audience.setPlaceholderText("For example: postnatal ward team")
        form.addRow("Au&dience:", self.audience)
        self.booked = QSpinBox()
        self.booked.setRange(0, 24 * 60)
        self.booked.setSuffix(" minutes")
        self.booked.setSpecialValueText("Not booked")
        self.booked.setValue(plan.booked_minutes or 0)
        form.addRow("Room &booked for:", self.booked)
        layout.addWidget(save_buttons(self, "&Save"))

    def value(self) -> Plan:
        start = self.start.time()
        return replace(
            self.plan, day=to_date(self.day.date()),
            start=dt.time(start.hour(), start.minute()) if self.timed.isChecked() else None,
            venue=self.venue.text().strip(), facilitator=self.facilitator.text().strip(),
            audience=self.audience.text().strip(), booked_minutes=self.booked.value() or None,
        )  # fmt: skip
