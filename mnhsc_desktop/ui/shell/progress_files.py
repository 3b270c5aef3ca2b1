"""File > Export my progress / Import my progress: a preview before anything is merged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes
from mnhsc_desktop.core.store.progress_file import (
    ProgressPlan,
    ProgressRefused,
    apply_progress_import,
    export_progress,
    plan_progress_import,
)
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.shell.file_choice import ask_save_path, documents_folder

FILTER = "MNHSC progress (*.mnhsc-progress.json *.json);;All files (*)"


def run_export(parent: QWidget, store: Store) -> str | None:
    suggested = f"my-progress-{dt.date.today().isoformat()}.mnhsc-progress.json"
    path = ask_save_path(parent, "Export my progress", suggested, FILTER, ".json")
    if path is None:
        return None
    try:
        atomic_write_bytes(path, export_progress(store))
    except WriteFailed as error:
        QMessageBox.warning(parent, "Progress not exported", str(error))
        return None
    return f"Your progress was saved to {path}. Import it on the other PC from File > Import my progress."


class ProgressPreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, plan: ProgressPlan):
        super().__init__(parent)
        self.setWindowTitle(f"Import progress from {plan.source.name}")
        layout = QVBoxLayout(self)
        for warning in plan.warnings:
            label = QLabel(f"<b>Check first:</b> {warning}")
            label.setWordWrap(True)
            layout.addWidget(label)
        summary = QLabel(f"{plan.summary()}.")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.items = QListWidget()
        self.items.setAccessibleName("What the import will do")
        for change in [*plan.added, *plan.updated, *plan.conflicts, *plan.skipped]:
            self.items.addItem(change.what)
        layout.addWidget(self.items, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        changes = len(plan.added) + len(plan.updated)
        if changes:
            buttons.addButton(
                f"&Merge {changes} change{'s' if changes != 1 else ''}",
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)


def run_import(parent: QWidget, store: Store) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, "Import my progress", str(documents_folder()), FILTER
    )
    if not path:
        return None
    try:
        plan = plan_progress_import(Path(path), store)
    except ProgressRefused as refusal:
        QMessageBox.warning(parent, "Progress not imported", str(refusal))
        return None
    if store.read_only:
        QMessageBox.warning(
            parent,
            "Progress not imported",
            "Your data is read-only (see the message at the top of the window), so nothing can be imported.",
        )
        return None
    if ProgressPreviewDialog(parent, plan).exec() != QDialog.DialogCode.Accepted:
        return "Import cancelled: nothing was changed."
    apply_progress_import(store, plan)
    return f"Progress merged from {Path(path).name}: {plan.summary()}."
