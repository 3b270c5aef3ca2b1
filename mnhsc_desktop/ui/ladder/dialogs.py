"""Dialogs of the QI ladder: mark a resource done (with a reflection), set where I am, the period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.ladder.ladder import CODE_THEMES, WHERE_I_AM, Completion, LadderResource
from mnhsc_desktop.core.revalidation.pack import PRIVACY
from mnhsc_desktop.ui.shell.form_parts import date_edit, save_buttons, text_box, to_date


def _ladder_date(day: dt.date) -> QDateEdit:
    """Dates on the ladder may be up to a year ahead (a course booked), no further."""
    return date_edit(day, years_ahead=1)


def _privacy_note() -> QLabel:
    note = QLabel(f"Reminder: {PRIVACY.lower().replace('this record', 'what you write here')}")
    note.setWordWrap(True)
    note.setAccessibleName("Privacy reminder")
    return note


class DoneDialog(QDialog):
    """Tick a resource: when, how long, with others, and an optional reflection for the NMC."""

    def __init__(
        self, parent: QWidget | None, resource: LadderResource, previous: Completion | None = None
    ):
        super().__init__(parent)
        self.resource = resource
        self.setWindowTitle("Mark as done")
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{resource.title}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        layout.addLayout(form)
        self.date = _ladder_date(previous.date if previous else dt.date.today())
        form.addRow("&Date:", self.date)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 6000)
        self.minutes.setSuffix(" minutes")
        self.minutes.setValue(previous.minutes if previous else resource.minutes)
        form.addRow("&Time spent:", self.minutes)
        self.participatory = QCheckBox("&With others (participatory CPD)")
        self.participatory.setAccessibleName("With others (participatory CPD)")
        self.participatory.setChecked(
            previous.participatory if previous else resource.participatory
        )
        form.addRow("", self.participatory)
        self.learned = text_box(3)
        self.learned.setPlaceholderText("Optional")
        form.addRow("What did I &learn?", self.learned)
        self.practice = text_box(3)
        self.practice.setPlaceholderText("Optional")
        form.addRow("How did my &practice change?", self.practice)
        self.code = QComboBox()
        self.code.addItem("Not chosen", None)
        for key, label in CODE_THEMES.items():
            self.code.addItem(label, key)
        form.addRow("Part of the NMC &Code:", self.code)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText("For example: certificate saved in my portfolio")
        form.addRow("&Evidence:", self.evidence)
        if previous:
            self.learned.setPlainText(previous.learned)
            self.practice.setPlainText(previous.practice)
            self.code.setCurrentIndex(max(self.code.findData(previous.code_theme), 0))
            self.evidence.setText(previous.evidence)
        self.account = QLabel()
        self.account.setWordWrap(True)
        self.account.setAccessibleName("Does this count as a reflective account")
        layout.addWidget(self.account)
        for signal in (self.learned.textChanged, self.practice.textChanged):
            signal.connect(self._show_account)
        self.code.currentIndexChanged.connect(self._show_account)
        self._show_account()
        layout.addWidget(_privacy_note())
        layout.addWidget(save_buttons(self, "&Save"))

    def _show_account(self, *_args) -> None:
        """Say, as the user writes, whether this will count as one of the five accounts."""
        if self.completion().has_reflection:
            self.account.setText("✓ This counts as one of your 5 reflective accounts.")
        else:
            self.account.setText(
                "To count as one of your 5 reflective accounts (NMC form), answer what you "
                "learned and how your practice changed, and choose the part of the Code."
            )

    def completion(self) -> Completion:
        return Completion(
            resource_id=self.resource.id,
            date=to_date(self.date.date()),
            minutes=self.minutes.value(),
            participatory=self.participatory.isChecked(),
            learned=self.learned.toPlainText(),
            practice=self.practice.toPlainText(),
            code_theme=self.code.currentData(),
            evidence=self.evidence.text(),
        )


class LevelDialog(QDialog):
    """Where I am in one subject, from when, and what shows it."""

    def __init__(self, parent: QWidget | None, subject_name: str, current: str):
        super().__init__(parent)
        self.setWindowTitle(f"Where I am: {subject_name}")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.level = QComboBox()
        for key, label in WHERE_I_AM.items():
            self.level.addItem(label, key)
        self.level.setCurrentIndex(max(self.level.findData(current), 0))
        form.addRow("&Where I am:", self.level)
        self.date = _ladder_date(dt.date.today())
        form.addRow("&Since:", self.date)
        self.note = text_box(3)
        self.note.setPlaceholderText("Optional: what shows it, for example a PDSA log you led")
        form.addRow("E&vidence:", self.note)
        layout.addWidget(_privacy_note())
        layout.addWidget(save_buttons(self, "&Save"))

    def values(self) -> tuple[str, dt.date, str]:
        return self.level.currentData(), to_date(self.date.date()), self.note.toPlainText()


class PeriodDialog(QDialog):
    """The revalidation due date; the period is the three years up to it."""

    def __init__(self, parent: QWidget | None, due: dt.date):
        super().__init__(parent)
        self.setWindowTitle("Revalidation period")
        layout = QVBoxLayout(self)
        text = QLabel(
            "NMC revalidation is every three years. Your CPD hours and reflections are counted for the three years up to your revalidation date."
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.due = _ladder_date(due)
        self.due.setMaximumDate(QDate.currentDate().addYears(4))
        form.addRow("My revalidation is &due on:", self.due)
        layout.addLayout(form)
        layout.addWidget(save_buttons(self, "&Save"))

    def value(self) -> dt.date:
        return to_date(self.due.date())
