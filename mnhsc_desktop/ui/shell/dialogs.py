"""Small dialogs: About, Keyboard shortcuts, and the question after a failed save."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop import APP_NAME, __version__


def show_about(parent: QWidget, content, data_dir: Path, machine) -> None:
    """Version, and where content, data and settings come from: what IT asks on the phone."""
    import datetime as dt

    from mnhsc_desktop.core.content.content import CONTENT_SCHEMA_VERSION

    files = (
        [p for p in Path(content.folder).glob("*.yaml")] if Path(content.folder).is_dir() else []
    )
    dated = max((p.stat().st_mtime for p in files), default=None)
    when = f", files dated {dt.date.fromtimestamp(dated):%d %b %Y}" if dated else ""
    organisation = f"<p>For {machine.organisation_name}</p>" if machine.organisation_name else ""
    settings = f"<br>IT settings: {machine.path}" if machine.path else ""
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<h3>{APP_NAME} {__version__}</h3>{organisation}"
        "<p>An offline companion for the Maternal and Neonatal Health Safety Collaborative: "
        "the programme calendar, the 3Ls Quality Improvement ladder and the safety culture "
        "library.</p>"
        "<p>It works without the internet and never connects to it. Items that live on the "
        "internet are marked as such.</p>"
        f"<p>Your data: {data_dir}<br>Content: {content.folder} (content format {CONTENT_SCHEMA_VERSION}{when}){settings}</p>",
    )


def shortcuts_dialog(parent: QWidget, rows: list[tuple[str, str]]) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    layout = QVBoxLayout(dialog)
    table = QTableWidget(len(rows), 2)
    table.setAccessibleName("Keyboard shortcuts")
    table.setHorizontalHeaderLabels(["Action", "Keys"])
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (what, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(what))
        table.setItem(row, 1, QTableWidgetItem(keys))
    layout.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(460, 360)
    return dialog


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> None:
    shortcuts_dialog(parent, rows).exec()


SaveChoice = Literal["retry", "quit", "cancel"]


def ask_after_failed_save(parent: QWidget, error: str) -> SaveChoice:
    """Quitting with unsaved changes is the user's informed choice, never a silent loss."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Your changes are not saved")
    box.setText("Your latest changes could not be saved.")
    box.setInformativeText(f"{error}\n\nIf you quit now, those changes will be lost.")
    retry = box.addButton("&Try again", QMessageBox.ButtonRole.AcceptRole)
    quit_anyway = box.addButton("&Quit without saving", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return "retry"
    if clicked is quit_anyway:
        return "quit"
    return "cancel"


def what_is_qi_dialog(parent: QWidget, html: str, open_ladder) -> QDialog:
    """Read-only, scrollable, and one step from the ladder it explains."""
    from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser

    dialog = QDialog(parent)
    dialog.setWindowTitle("What is Quality Improvement?")
    dialog.resize(720, 560)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser()
    text.setAccessibleName("What is Quality Improvement?")
    text.setOpenLinks(False)  # nothing here leaves the app
    text.setHtml(html)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    ladder_button = buttons.addButton("Open the QI &ladder", QDialogButtonBox.ButtonRole.AcceptRole)
    ladder_button.setAccessibleName("Open the QI ladder")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    dialog.accepted.connect(open_ladder)
    layout.addWidget(buttons)
    return dialog
