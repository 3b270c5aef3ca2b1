"""The learning record from the QI ladder tab: the name on it, export to PDF or CSV, print.

A mixin of LadderTab: it uses the tab's store, ladder, progress, organisation, team rows and
status signal, and gives the tab record(), export_record() and print_record().
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.ladder.ladder import Period, periods
from mnhsc_desktop.core.ladder.record import (
    PRIVACY,
    RecordDocument,
    cpd_rows,
    csv_bytes,
    record_document,
)
from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes


class RecordCommands:
    """Export and print the learning record (the Export and Print buttons, Home's link)."""

    def _name(self) -> str | None:
        """The name on the record: asked once, then kept on this PC."""
        name = self.store.get("profile", "name", "")
        if name:
            return name
        name, ok = QInputDialog.getText(
            self, "Your name", "Your name, as it should appear on your learning record:"
        )
        if not ok:
            return None
        self.store.set("profile", "name", name.strip())
        return name.strip()

    def choose_period(self) -> Period | None:
        """The current period, or (once a period has ended) the one the user picks; None if
        they cancel."""
        choices = periods(self.store)
        if len(choices) == 1:
            return choices[0]
        labels = [
            f"{uk_date(p.start, weekday=False)} to {uk_date(p.end, weekday=False)}"
            + (" (this period)" if at == 0 else "")
            for at, p in enumerate(choices)
        ]
        label, ok = QInputDialog.getItem(
            self, "Which period?", "Learning record for the period:", labels, 0, False
        )
        return choices[labels.index(label)] if ok and label in labels else None

    def privacy_ok(self, period: Period, verb: str) -> bool:
        """Look for what could identify a patient before the record leaves the app; show each
        find with where it is, and let the person go back and edit or go on knowingly."""
        from mnhsc_desktop.core.ladder.privacy import record_texts, scan_all

        rows = cpd_rows(self.ladder, self.progress, period, self._team_rows())
        hits = scan_all(record_texts(rows))
        if not hits:
            return True
        shown = "\n".join(f"• {h.kind} “{h.text}” in {h.where}" for h in hits[:10])
        more = f"\n…and {len(hits) - 10} more." if len(hits) > 10 else ""
        answer = QMessageBox.warning(
            self,
            "This record may identify a patient",
            f"{PRIVACY} These look like they could:\n\n{shown}{more}\n\nGo back to edit "
            f"them (Edit my entry…), or {verb} anyway?",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ignore,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ignore

    def record(self, period: Period | None = None) -> RecordDocument | None:
        period = period or self.choose_period()
        if period is None:
            return None
        name = self._name()
        if name is None:
            return None
        rows = cpd_rows(self.ladder, self.progress, period, self._team_rows())
        return record_document(
            name, self.ladder, self.progress, period, rows, organisation=self.organisation
        )

    def export_record(self) -> None:
        from mnhsc_desktop.ui.shell.file_choice import documents_folder

        suggested = str(documents_folder() / f"learning-record-{dt.date.today().isoformat()}.pdf")
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export learning record", suggested, "PDF document (*.pdf);;CSV for Excel (*.csv)"
        )
        if not path:
            return
        output = Path(path)
        if output.suffix.lower() not in (".pdf", ".csv"):
            output = output.with_suffix(".csv" if "csv" in chosen.lower() else ".pdf")
        period = self.choose_period()
        if period is None or not self.privacy_ok(period, "export"):
            return
        try:
            if output.suffix.lower() == ".csv":
                atomic_write_bytes(
                    output,
                    csv_bytes(cpd_rows(self.ladder, self.progress, period, self._team_rows())),
                )
            else:
                from mnhsc_desktop.ui.shell.pdf import record_to_pdf

                record = self.record(period)
                if record is None:
                    return
                record_to_pdf(record, output)
        except WriteFailed as error:
            QMessageBox.warning(self, "Learning record not exported", str(error))
            return
        self.status.emit(f"Learning record saved to {output}.")

    def print_record(self) -> None:
        from mnhsc_desktop.ui.shell.pdf import print_record

        period = self.choose_period()
        if period is None or not self.privacy_ok(period, "print"):
            return
        record = self.record(period)
        if record is not None and print_record(self, record):
            self.status.emit("Learning record sent to the printer.")
