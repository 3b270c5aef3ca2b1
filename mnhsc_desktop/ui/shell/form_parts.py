"""Pieces every form dialog uses: UK-style date fields, text boxes that Tab leaves, the buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(day: dt.date | None = None, years_ahead: int | None = None) -> QDateEdit:
    """A date field showing "Mon 8 Oct 2018", with a calendar to pick from; today by default."""
    edit = QDateEdit(qdate(day or dt.date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    if years_ahead is not None:
        edit.setMaximumDate(QDate.currentDate().addYears(years_ahead))
    return edit


def text_box(lines: int | None = None) -> QPlainTextEdit:
    """Several lines of text; Tab moves on to the next field rather than typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    if lines is not None:
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def save_buttons(dialog: QDialog, save_text: str = "&Save") -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def pdf_or_print_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save as PDF or Print; the one pressed is left in `dialog.choice` ("pdf" or "print")."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    pdf = buttons.addButton("Save as &PDF…", QDialogButtonBox.ButtonRole.AcceptRole)
    paper = buttons.addButton("P&rint…", QDialogButtonBox.ButtonRole.AcceptRole)
    dialog.choice = "pdf"
    pdf.clicked.connect(lambda: setattr(dialog, "choice", "pdf"))
    paper.clicked.connect(lambda: setattr(dialog, "choice", "print"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def discard_ok(dialog: QDialog, changed: bool) -> bool:
    """Cancel or Esc after writing something asks first: words are never lost silently."""
    if not changed:
        return True
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        dialog, "Discard what you wrote?",
        "Close without saving? What you wrote or changed here will be lost.",
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label that names `buddy` for screen readers and gives it its Alt+letter."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
