"""Calendar files from the window: choose what to export, and preview an import before it happens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.events import Event, describe_when
from mnhsc_desktop.core.calendar.ics.exporter import export_calendar
from mnhsc_desktop.core.calendar.ics.import_plan import ImportPlan, apply_import
from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.shell.file_choice import ask_save_path

ICS_FILTER = "Calendar files (*.ics *.ical *.icalendar *.ifb);;All files (*)"


class ExportChoiceDialog(QDialog):
    """All events, the events the agenda shows now, or the selected one."""

    def __init__(self, parent: QWidget | None, everything: int, shown: int, selected: Event | None):
        super().__init__(parent)
        self.setWindowTitle("Export calendar")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Which events should go in the calendar file? Outlook, Thunderbird and Google Calendar can import it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        choices = [
            ("all", f"&All events ({everything})", everything > 0),
            ("shown", f"&Events shown now ({shown})", shown > 0),
            (
                "selected",
                f"The &selected event: {selected.title}"
                if selected
                else "The selected event (none selected)",
                selected is not None,
            ),
        ]
        for number, (key, text, enabled) in enumerate(choices):
            button = QRadioButton(text)
            button.setObjectName(key)
            button.setEnabled(enabled)
            self.group.addButton(button, number)
            layout.addWidget(button)
        preferred = 2 if selected is not None and shown == 0 else (1 if shown else 0)
        self.group.button(preferred).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            "Choose file and e&xport…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> str:
        return self.group.checkedButton().objectName()


def write_events(parent: QWidget, events: list[Event], suggested: str) -> str | None:
    """Ask where, write the file; returns a status message, or None when cancelled."""
    path = ask_save_path(parent, "Export calendar", suggested, ICS_FILTER, ".ics")
    if path is None:
        return None
    from mnhsc_desktop.ui.calendar.background import run_in_background

    how, data = run_in_background(parent, f"Writing {len(events):,} events…",
                                  lambda: export_calendar(events))  # fmt: skip
    if how == "cancelled":
        return "Export cancelled: no file was written."
    if how == "failed":
        QMessageBox.warning(parent, "Calendar not exported", f"It could not be made: {data}")
        return "The calendar was not exported."
    try:
        atomic_write_bytes(path, data)
    except WriteFailed as error:
        QMessageBox.warning(parent, "Calendar not exported", str(error))
        return "The calendar was not exported."
    return f"Exported {len(events)} event{'s' if len(events) != 1 else ''} to {path}."


class ImportPreviewDialog(QDialog):
    """What an import will do, before it does it."""

    def __init__(self, parent: QWidget | None, plan: ImportPlan):
        super().__init__(parent)
        self.setWindowTitle(f"Import {plan.source.name}")
        layout = QVBoxLayout(self)
        summary = QLabel(f"<b>{plan.source.name}</b>: {plan.summary()}.")
        summary.setWordWrap(True)
        summary.setAccessibleName(f"{plan.source.name}: {plan.summary()}")
        layout.addWidget(summary)
        for note in plan.notes:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.items = QListWidget()
        self.items.setAccessibleName("What the import will do")
        for event in plan.new:
            self.items.addItem(f"New: {event.title} — {describe_when(event)}")
        for event in plan.updated:
            self.items.addItem(f"Updated: {event.title} — {describe_when(event)}")
        for skipped in plan.skipped:
            self.items.addItem(f"Skipped: {skipped}")
        if plan.unchanged:
            self.items.addItem(
                f"Unchanged: {len(plan.unchanged)} event{'s' if len(plan.unchanged) != 1 else ''} you already have"
            )
        layout.addWidget(self.items, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = None
        if plan.changes:
            self.import_button = buttons.addButton(
                f"&Import {plan.changes} event{'s' if plan.changes != 1 else ''}",
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
        else:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Close")
            layout.insertWidget(
                1, QLabel("Nothing to import: you already have everything in this file.")
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)


def run_import(parent: QWidget, calendar: Calendar, store: Store) -> str | None:
    """Choose a file, preview it, import on confirmation; returns a status message."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    path, _filter = QFileDialog.getOpenFileName(parent, "Import calendar", folder, ICS_FILTER)
    if not path:
        return None
    from mnhsc_desktop.ui.calendar.background import plan_in_background

    plan = plan_in_background(parent, Path(path), calendar)
    if plan is None:
        return "Import cancelled: nothing was changed."
    if isinstance(plan, str):
        QMessageBox.warning(parent, "Calendar not imported", f"{plan}\n\nNothing was changed.")
        return "Nothing was imported."
    if store.read_only:
        QMessageBox.warning(
            parent,
            "Calendar not imported",
            "Your data is read-only (see the message at the top of the window), so nothing can be imported.",
        )
        return None
    dialog = ImportPreviewDialog(parent, plan)
    if dialog.exec() != QDialog.DialogCode.Accepted or not plan.changes:
        return "Import cancelled: nothing was changed." if plan.changes else None
    apply_import(store, plan)
    return f"Imported {plan.source.name}: {len(plan.new)} new, {len(plan.updated)} updated."
