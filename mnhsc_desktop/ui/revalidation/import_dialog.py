"""File > Import CPD, practice hours or feedback: choose the file, see each row's fate (new,
already there, refused with its row number and why), then import, or not. Nothing changes
before the Import button; one Edit > Undo takes the whole import back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.input_files import InputRefused
from mnhsc_desktop.core.revalidation.portfolio import Portfolio
from mnhsc_desktop.core.revalidation.spreadsheet import (
    KINDS,
    ImportPlan,
    Rows,
    guess_kind,
    plan_import,
    read_table,
)

FATES = {"new": "New", "duplicate": "Already there", "refused": "Refused"}
SHOWN_ROWS = 2000  # the preview lists this many; the summary counts them all


def describe(entry, period=None) -> str:
    """A row as the user will see it in her log, and whether it counts in the period on view."""
    if hasattr(entry, "organisation"):
        what = f"{entry.start:%d/%m/%Y} to {entry.end:%d/%m/%Y}: {entry.hours:g} hours"
        what += f", {entry.organisation}" if entry.organisation else ""
    elif hasattr(entry, "topic"):
        what = f"{entry.date:%d/%m/%Y} {entry.topic}: {entry.minutes / 60:g} h"
        if entry.participatory_minutes:
            what += f" ({entry.participatory_minutes / 60:g} participatory)"
    else:
        what = f"{entry.date:%d/%m/%Y} from {entry.source}"
    if period is not None and entry.date not in period:
        what += " (outside this period: kept, counted in its own)"
    return what


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, path: Path, portfolio: Portfolio,
                 kind: str | None = None, period=None) -> None:  # fmt: skip
        super().__init__(parent)
        try:
            self.rows: Rows | None = read_table(path)  # read once, whatever kind is chosen
            self.refusal = ""
            kind = guess_kind(self.rows, kind)
        except InputRefused as refusal:
            self.rows, self.refusal = None, refusal.reason
        self.path = path
        self.portfolio = portfolio
        self.period = period
        self.plan: ImportPlan | None = None
        self.setWindowTitle(f"Import {path.name}")
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label[0].upper() + label[1:], key)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        form.addRow("This file &holds:", self.kind)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the import will do")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Row", "What happens", "Entry or reason"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Each row of the file and what happens to it")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self.replan())
        self.replan()

    def replan(self) -> None:
        kind = self.kind.currentData()
        try:
            self.plan = plan_import(self.path, kind, self.portfolio)
        except InputRefused as refusal:
            self.plan = None
            self.summary.setText(
                f"This file cannot be imported as {KINDS[kind]}: {refusal.reason}."
            )
            self.table.setRowCount(0)
            self.import_button.setEnabled(False)
            return
        plan = self.plan
        unused = f" Columns not used: {', '.join(plan.ignored)}." if plan.ignored else ""
        self.summary.setText(f"{plan.summary()}.{unused} Nothing changes until you press Import.")
        rows = plan.rows[:SHOWN_ROWS]
        self.table.setRowCount(len(rows))
        for at, row in enumerate(rows):
            detail = row.reason if row.fate == "refused" else describe(row.entry, self.period)
            if row.fate == "duplicate":
                detail = f"{describe(row.entry)} ({row.reason})"
            for column, text in enumerate((str(row.row), FATES[row.fate], detail)):
                self.table.setItem(at, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.import_button.setEnabled(bool(plan.new_entries))
