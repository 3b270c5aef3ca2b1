"""The one-off requirements as short forms: the reflective discussion, health and character,
indemnity, and the confirmation. What is typed is saved as it is typed (a moment after the
last key), so nothing waits on a Save button to be kept; Edit > Undo steps back through it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.revalidation.entries import save_sheet, sheet
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.ladder.dialogs import _privacy_note
from mnhsc_desktop.ui.shell.form_parts import date_edit, text_box, to_date


class OptionalDate(QWidget):
    """A date that may not be known yet: a box to tick, then the date (today to start with)."""

    changed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.given = QCheckBox("Done on")
        self.given.setAccessibleName(f"{name}: done")
        self.date = date_edit(dt.date.today(), years_ahead=2)
        self.date.setAccessibleName(name)
        self.date.setEnabled(False)
        row.addWidget(self.given)
        row.addWidget(self.date, 1)
        self.setFocusProxy(self.given)
        self.given.toggled.connect(self.date.setEnabled)
        self.given.toggled.connect(lambda _on: self.changed.emit())
        self.date.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> str:
        return to_date(self.date.date()).isoformat() if self.given.isChecked() else ""

    def set_value(self, text: str) -> None:
        self.blockSignals(True)
        try:
            day = dt.date.fromisoformat(text or "")
        except ValueError:
            day = None
        self.given.setChecked(day is not None)
        if day is not None:
            self.date.setDate(QDate(day.year, day.month, day.day))
        self.blockSignals(False)


# name -> (title, explanation, [(field, label, kind)]) with kind "text", "long", "date", "check"
FORMS: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "discussion": (
        "5. Reflective discussion",
        "Discuss your five written reflective accounts with another NMC registrant and keep "
        "their details. The pack prints the NMC's form with these filled in, ready to sign.",
        [("partner", "Name of the re&gistrant:", "text"), ("pin", "Their NMC P&IN:", "text"),
         ("email", "Emai&l:", "text"), ("address", "Professional address:", "long"),
         ("date", "Da&te of the discussion:", "date"),
         ("notes", "&What we discussed:", "long")],
    ),
    "health_and_character": (
        "6. Health and character",
        "When you apply on MyNMC you declare that you are capable of safe and effective "
        "practice and disclose any cautions or convictions. Nothing sensitive is kept here: "
        "only that you are ready to declare.",
        [("done", "&I have read the guidance and am ready to declare my health and character",
          "check")],
    ),
    "indemnity": (
        "7. Professional indemnity arrangement",
        "You must have an appropriate indemnity arrangement: through your employer, a "
        "professional body, or your own.",
        [("done", "I have an appropriate &indemnity arrangement", "check"),
         ("provider", "&Through (for example my employer):", "text")],
    ),
    "confirmation": (
        "8. Confirmation",
        "In the final 12 months before your revalidation date, show your confirmer (usually "
        "your line manager) that you have met the requirements. The pack prints the form.",
        [("name", "Confirmer's na&me:", "text"), ("role", "Jo&b title or role:", "text"),
         ("pin", "NMC P&IN (if they have one):", "text"), ("email", "Emai&l:", "text"),
         ("address", "Professional address:", "long"),
         ("date", "Da&te of the confirmation:", "date")],
    ),
}  # fmt: skip


class SheetPage(QWidget):
    saved = Signal(str)

    def __init__(self, store: Store, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.name = name
        title, explanation, fields = FORMS[name]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(f"<h2>{title[3:]}</h2>")
        heading.setAccessibleName(title[3:])
        layout.addWidget(heading)
        text = QLabel(explanation)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        layout.addLayout(form)
        self.widgets: dict[str, QWidget] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(700)
        self.timer.timeout.connect(self.save)
        for field, label, kind in fields:
            widget = self._make(kind, label)
            self.widgets[field] = widget
            if kind == "check":
                form.addRow(widget)
            else:
                form.addRow(label, widget)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Warning")
        self.warning.hide()
        layout.addWidget(self.warning)
        if any(kind in ("text", "long") for _f, _l, kind in fields):
            layout.addWidget(_privacy_note())
        layout.addStretch(1)
        self.load()

    def _make(self, kind: str, label: str) -> QWidget:
        name = label.replace("&", "").rstrip(":")
        if kind == "check":
            box = QCheckBox(label)
            box.setAccessibleName(name)
            box.toggled.connect(lambda _on: self.save())
            return box
        if kind == "date":
            edit = OptionalDate(name)
            edit.changed.connect(self.timer.start)
            return edit
        if kind == "long":
            box = text_box(3)
            box.textChanged.connect(self.timer.start)
            box.setAccessibleName(name)
            return box
        line = QLineEdit()
        line.textEdited.connect(lambda _t: self.timer.start())
        line.editingFinished.connect(self.save)
        line.setAccessibleName(name)
        return line

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, widget in self.widgets.items():
            if isinstance(widget, QCheckBox):
                out[field] = widget.isChecked()
            elif isinstance(widget, OptionalDate):
                out[field] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                out[field] = widget.toPlainText()
            else:
                out[field] = widget.text()
        return out

    def load(self) -> None:
        """Show what is stored (after an undo, or another PC's change), not over the user's
        typing: a pending save goes first."""
        if self.timer.isActive():
            return
        stored = sheet(self.store, self.name)
        for field, widget in self.widgets.items():
            value = stored.get(field)
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, OptionalDate):
                widget.set_value(value or "")
            elif isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != (value or ""):
                    widget.setPlainText(value or "")
            elif widget.text() != (value or ""):
                widget.setText(value or "")
            widget.blockSignals(False)

    def save(self) -> None:
        self.timer.stop()
        stored = sheet(self.store, self.name)
        values = self.values()
        if {k: stored.get(k) for k in values} != values:
            save_sheet(self.store, self.name, values)
            self.saved.emit(self.name)

    def set_warning(self, text: str) -> None:
        self.warning.setText(f"<b>Warning:</b> {text}" if text else "")
        self.warning.setVisible(bool(text))
