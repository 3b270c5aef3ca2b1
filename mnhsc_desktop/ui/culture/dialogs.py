"""Dialogs of the culture library: log an activity done with the team, and print Kudos cards."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.culture.culture import Activity, LogEntry
from mnhsc_desktop.core.culture.kudos import KudosCard
from mnhsc_desktop.ui.shell.form_parts import (
    date_edit,
    pdf_or_print_buttons,
    save_buttons,
    text_box,
    to_date,
)


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
        self.date = date_edit()
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
        self.note = text_box(4)
        self.note.setPlaceholderText("Optional: what came out of it")
        form.addRow("&Note:", self.note)
        layout.addLayout(form)
        reminder = QLabel(
            "Reminder: do not write anything that identifies a patient or a colleague."
        )
        reminder.setWordWrap(True)
        layout.addWidget(reminder)
        layout.addWidget(save_buttons(self))

    def entry(self) -> LogEntry:
        day = self.date.date()
        return LogEntry(
            self.activity.id,
            to_date(day),
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
        self.what = text_box(3)
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
        layout.addWidget(pdf_or_print_buttons(self))

    def cards_wanted(self) -> list[KudosCard]:
        card = KudosCard(
            self.to.text().strip(), self.sender.text().strip(), self.what.toPlainText().strip()
        )
        return [card] * self.cards.value()


class ExcellenceDialog(QDialog):
    """A Learning from Excellence report: what happened, who, why it was excellent."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle("Learning from Excellence")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Fill in what you can, or leave it blank to print a form to complete by hand."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.date = date_edit()
        form.addRow("&Date:", self.date)
        self.who = QLineEdit()
        self.who.setPlaceholderText("The person or team (first names or roles)")
        form.addRow("&Who:", self.who)
        self.what = text_box()
        form.addRow("What &happened:", self.what)
        self.why = text_box()
        form.addRow("Why it was &excellent:", self.why)
        layout.addLayout(form)
        reminder = QLabel("Reminder: do not write anything that identifies a patient.")
        reminder.setWordWrap(True)
        layout.addWidget(reminder)
        layout.addWidget(pdf_or_print_buttons(self))

    def html(self) -> str:
        from mnhsc_desktop.core.calendar.events import uk_date
        from mnhsc_desktop.ui.shell.widgets import escape

        day = self.date.date()
        when = uk_date(to_date(day))

        def box(title: str, text: str, lines: int) -> str:
            body = escape(text).replace("\n", "<br>") if text.strip() else "<br>" * lines
            return f'<h3>{title}</h3><table border="1" cellpadding="8" width="100%"><tr><td>{body}</td></tr></table>'

        return (
            "<h1>Learning from Excellence</h1>"
            "<p>Telling someone what went well, and why, so that we can learn from it and do it again.</p>"
            f"<p><b>Date:</b> {when}</p>"
            + box("Who", self.who.text(), 2)
            + box("What happened", self.what.toPlainText(), 8)
            + box("Why it was excellent", self.why.toPlainText(), 8)
            + "<p><i>This form must not identify patients.</i></p>"
        )
