"""Add or edit one portfolio entry: CPD (the NMC template's fields), practice hours, feedback,
and a reflective account on the NMC form. Each says when it counts and keeps the reminder that
records must not identify patients or colleagues."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.ladder.ladder import CODE_THEMES
from mnhsc_desktop.core.revalidation.entries import (
    Account,
    CpdEntry,
    FeedbackEntry,
    HoursEntry,
    new_id,
)
from mnhsc_desktop.core.revalidation.pack import PROMPTS
from mnhsc_desktop.ui.ladder.dialogs import _privacy_note
from mnhsc_desktop.ui.shell.form_parts import (
    date_edit,
    discard_ok,
    save_buttons,
    text_box,
    to_date,
)

ORIGINS = {"ladder": "a tick on the QI ladder", "team": "a team log in the culture library"}


def _hours_box(value: float, maximum: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    box.setSuffix(" hours")
    box.setValue(value)
    return box


def _themes(current: str | None) -> QComboBox:
    box = QComboBox()
    box.addItem("Not chosen", None)
    for key, label in CODE_THEMES.items():
        box.addItem(label, key)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class _EntryDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)

    def finish(self) -> None:
        self.layout_.addWidget(_privacy_note())
        self.layout_.addWidget(save_buttons(self, "&Save"))
        self.initial = self.value()

    def reject(self) -> None:
        if discard_ok(self, self.value() != self.initial):
            super().reject()


class CpdDialog(_EntryDialog):
    def __init__(
        self, parent: QWidget | None, entry: CpdEntry | None = None, title: str = ""
    ) -> None:
        super().__init__(parent, title or ("Edit CPD" if entry else "Add CPD"))
        self.entry = entry or CpdEntry(new_id(), dt.date.today(), "", "")
        e = self.entry
        fixed = e.origin in ORIGINS
        if fixed:
            note = QLabel(f"This entry is {ORIGINS[e.origin]}: changes here change it there.")
            note.setWordWrap(True)
            self.layout_.insertWidget(0, note)
        self.date = date_edit(e.date, years_ahead=1)
        self.form.addRow("&Date:", self.date)
        self.method = QLineEdit(e.method)
        self.method.setPlaceholderText("For example: course, e-learning, reading, conference")
        self.method.setReadOnly(fixed)
        self.form.addRow("&Method:", self.method)
        self.topic = QLineEdit(e.topic)
        self.topic.setReadOnly(fixed)
        self.form.addRow("&Topic:", self.topic)
        self.relevance = text_box(3)
        self.relevance.setPlainText(e.relevance)
        self.form.addRow("How it &relates to my practice:", self.relevance)
        self.hours = _hours_box(e.hours, 24 * 31)
        self.form.addRow("&Hours:", self.hours)
        self.participatory = _hours_box(e.participatory_hours, 24 * 31)
        self.participatory.setToolTip("Time learning with others: a workshop, a team session")
        self.form.addRow("&Participatory hours:", self.participatory)
        self.code = _themes(e.code_theme)
        self.form.addRow("Part of the NMC &Code:", self.code)
        self.evidence = QLineEdit(e.evidence)
        self.evidence.setPlaceholderText("For example: certificate saved in my portfolio")
        self.form.addRow("&Evidence:", self.evidence)
        if e.origin == "team":  # a team log has no theme or evidence of its own
            self.code.setEnabled(False)
            self.evidence.setEnabled(False)
            self.participatory.setEnabled(False)
        self.finish()

    def accept(self) -> None:
        if not self.topic.text().strip():
            self.topic.setFocus()
            self.topic.setPlaceholderText("A topic is needed")
            return
        if self.participatory.value() > self.hours.value():
            self.participatory.setValue(self.hours.value())
            self.participatory.setFocus()
            return  # said by the change itself: participatory time is part of the whole
        super().accept()

    def value(self) -> CpdEntry:
        minutes = round(self.hours.value() * 60)
        participatory = round(self.participatory.value() * 60)
        if self.entry.origin == "team":
            participatory = minutes
        return replace(
            self.entry, date=to_date(self.date.date()), method=self.method.text(),
            topic=self.topic.text(), relevance=self.relevance.toPlainText(), minutes=minutes,
            participatory_minutes=participatory, code_theme=self.code.currentData(),
            evidence=self.evidence.text(),
        )  # fmt: skip


class HoursDialog(_EntryDialog):
    def __init__(self, parent: QWidget | None, entry: HoursEntry | None = None) -> None:
        super().__init__(parent, "Edit practice hours" if entry else "Add practice hours")
        today = dt.date.today()
        self.entry = entry or HoursEntry(new_id(), today, today, 0)
        e = self.entry
        self.start = date_edit(e.start, years_ahead=0)
        self.form.addRow("&From:", self.start)
        self.end = date_edit(e.end, years_ahead=0)
        self.form.addRow("&To:", self.end)
        self.hours = _hours_box(e.hours, 24 * 366 * 3)
        self.form.addRow("&Hours:", self.hours)
        self.organisation = QLineEdit(e.organisation)
        self.form.addRow("&Organisation:", self.organisation)
        self.scope = QLineEdit(e.scope)
        self.scope.setPlaceholderText("For example: direct clinical care, management, education")
        self.form.addRow("&Scope of practice:", self.scope)
        self.setting = QLineEdit(e.setting)
        self.setting.setPlaceholderText("For example: labour ward, community, neonatal unit")
        self.form.addRow("&Work setting:", self.setting)
        self.description = text_box(3)
        self.description.setPlainText(e.description)
        self.form.addRow("What the work &was:", self.description)
        self.finish()

    def accept(self) -> None:
        if self.end.date() < self.start.date():
            self.end.setDate(self.start.date())
            self.end.setFocus()
            return
        super().accept()

    def value(self) -> HoursEntry:
        return replace(
            self.entry, start=to_date(self.start.date()), end=to_date(self.end.date()),
            hours=round(self.hours.value(), 2), organisation=self.organisation.text(),
            scope=self.scope.text(), setting=self.setting.text(),
            description=self.description.toPlainText(),
        )  # fmt: skip


class FeedbackDialog(_EntryDialog):
    def __init__(self, parent: QWidget | None, entry: FeedbackEntry | None = None) -> None:
        super().__init__(parent, "Edit feedback" if entry else "Add feedback")
        self.entry = entry or FeedbackEntry(new_id(), dt.date.today(), "")
        e = self.entry
        self.date = date_edit(e.date, years_ahead=0)
        self.form.addRow("&Date:", self.date)
        self.source = QLineEdit(e.source)
        self.source.setPlaceholderText("For example: a woman in my care, a colleague, an audit")
        self.form.addRow("&Source:", self.source)
        self.feedback = text_box(3)
        self.feedback.setPlainText(e.feedback)
        self.form.addRow("What it &said:", self.feedback)
        self.used = text_box(3)
        self.used.setPlainText(e.used)
        self.form.addRow("How I &used it:", self.used)
        self.finish()

    def accept(self) -> None:
        if not self.source.text().strip():
            self.source.setFocus()
            self.source.setPlaceholderText("Who gave the feedback is needed")
            return
        super().accept()

    def value(self) -> FeedbackEntry:
        return replace(
            self.entry, date=to_date(self.date.date()), source=self.source.text(),
            feedback=self.feedback.toPlainText(), used=self.used.toPlainText(),
        )  # fmt: skip


class AccountDialog(_EntryDialog):
    """The NMC reflective accounts form: four prompts, and the Code theme the user picks."""

    def __init__(
        self, parent: QWidget | None, entry: Account | None, links: list[tuple[str, str]]
    ) -> None:
        super().__init__(
            parent, "Edit reflective account" if entry else "Write a reflective account"
        )
        self.entry = entry or Account(new_id(), dt.date.today())
        e = self.entry
        self.date = date_edit(e.date, years_ahead=0)
        self.form.addRow("&Date:", self.date)
        self.link = QComboBox()
        self.link.addItem("An event or experience in my practice", "")
        for key, title in links:
            self.link.addItem(title, key)
        self.link.setCurrentIndex(max(self.link.findData(e.link), 0))
        self.link.setEnabled(e.origin == "own")
        self.form.addRow("&Reflects on:", self.link)
        self.boxes = []
        for number, (prompt, text) in enumerate(
            zip(PROMPTS[:3], (e.nature, e.learned, e.changed), strict=True), start=1
        ):
            box = text_box(4)
            box.setPlainText(text)
            label = QLabel(f"&{number}. {prompt}")
            label.setWordWrap(True)
            label.setBuddy(box)
            box.setAccessibleName(prompt)
            self.form.addRow(label)
            self.form.addRow(box)
            self.boxes.append(box)
        self.code = _themes(e.code_theme)
        self.code.setAccessibleName(PROMPTS[3])
        theme_label = QLabel(f"&4. {PROMPTS[3]}")
        theme_label.setBuddy(self.code)
        self.form.addRow(theme_label, self.code)
        self.relevance = text_box(2)
        self.relevance.setPlainText(e.relevance)
        self.relevance.setPlaceholderText("Optional: how it relates to that part of the Code")
        self.relevance.setAccessibleName("How it relates to the Code, in my words")
        self.relevance.setEnabled(e.origin == "own")  # a tick keeps only the four prompts
        self.form.addRow(self.relevance)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName("Does this count as a reflective account")
        self.layout_.addWidget(self.counts)
        for box in self.boxes:
            box.textChanged.connect(self._show_counts)
        self.code.currentIndexChanged.connect(self._show_counts)
        self.link.currentIndexChanged.connect(self._fill_nature)
        self._show_counts()
        self.finish()

    def _fill_nature(self, _index: int) -> None:
        """Start the first prompt from what is reflected on, if it is still empty."""
        nature = self.boxes[0]
        if not nature.toPlainText().strip() and self.link.currentData():
            nature.setPlainText(self.link.currentText())

    def _show_counts(self, *_args) -> None:
        if self.value().complete:
            self.counts.setText("✓ This counts as one of your 5 reflective accounts.")
        else:
            self.counts.setText(
                "Answer all four prompts (and choose the part of the Code) for this to count "
                "as one of your 5 reflective accounts. It is kept either way."
            )

    def value(self) -> Account:
        nature, learned, changed = (box.toPlainText() for box in self.boxes)
        return replace(
            self.entry, date=to_date(self.date.date()), nature=nature, learned=learned,
            changed=changed, code_theme=self.code.currentData(),
            relevance=self.relevance.toPlainText(), link=self.link.currentData() or "",
        )  # fmt: skip
