"""Dialogs of the culture library: log an activity done with the team, and print Kudos cards."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.culture import Activity, LogEntry
from mnhsc_desktop.core.kudos import KudosCard


class LogDialog(QDialog):
    def __init__(self, parent: QWidget | None, activity: Activity):
        super().__init__(parent)
        self.activity = activity
        self.setWindowTitle("Done with my team")
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{activity.title}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        today = dt.date.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        form.addRow("&Date:", self.date)
        self.people = QSpinBox()
        self.people.setRange(1, 500)
        self.people.setValue(1 if activity.who == ("pair",) else 5)
        form.addRow("How many &took part:", self.people)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 1000)
        self.minutes.setSuffix(" minutes")
        self.minutes.setValue(activity.minutes)
        form.addRow("&Time:", self.minutes)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.note.setPlaceholderText("Optional: what came out of it")
        form.addRow("&Note:", self.note)
        layout.addLayout(form)
        reminder = QLabel(
            "Reminder: do not write anything that identifies a patient or a colleague."
        )
        reminder.setWordWrap(True)
        layout.addWidget(reminder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def entry(self) -> LogEntry:
        day = self.date.date()
        return LogEntry(
            self.activity.id,
            dt.date(day.year(), day.month(), day.day()),
            self.people.value(),
            self.minutes.value(),
            self.note.toPlainText(),
        )


class KudosDialog(QDialog):
    """Blank or filled-in cards, 4 or 8 to a page."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle("Print Kudos cards")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Thank-you cards for colleagues. Leave the names blank to write them by hand."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.to = QLineEdit()
        form.addRow("&To:", self.to)
        self.sender = QLineEdit()
        form.addRow("&From:", self.sender)
        self.what = QPlainTextEdit()
        self.what.setTabChangesFocus(True)
        self.what.setFixedHeight(self.what.fontMetrics().lineSpacing() * 3 + 12)
        form.addRow("What they &did:", self.what)
        self.cards = QSpinBox()
        self.cards.setRange(1, 200)
        self.cards.setValue(8)
        form.addRow("&Number of cards:", self.cards)
        layout.addLayout(form)
        self.per_page = QButtonGroup(self)
        for number, text in ((4, "&4 to a page"), (8, "&8 to a page")):
            button = QRadioButton(text)
            button.setAccessibleName(text.replace("&", ""))
            self.per_page.addButton(button, number)
            layout.addWidget(button)
        self.per_page.button(8).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pdf_button = buttons.addButton("Save as &PDF…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton("P&rint…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.choice = "pdf"
        self.pdf_button.clicked.connect(lambda: setattr(self, "choice", "pdf"))
        self.print_button.clicked.connect(lambda: setattr(self, "choice", "print"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def cards_wanted(self) -> list[KudosCard]:
        card = KudosCard(
            self.to.text().strip(), self.sender.text().strip(), self.what.toPlainText().strip()
        )
        return [card] * self.cards.value()
