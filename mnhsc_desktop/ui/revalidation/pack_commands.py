"""The revalidation pack from the window: choose the period, check for what could identify a
patient, then save as PDF, print, or save one log as CSV.

A mixin of the Revalidation tab: it uses the tab's store, ladder, culture, organisation and
status signal. The counts in the pack come from the same status function as the window's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.document import Document
from mnhsc_desktop.core.ladder.ladder import Period, periods
from mnhsc_desktop.core.revalidation.entries import SHEETS, sheet
from mnhsc_desktop.core.revalidation.pack import PRIVACY, log_csv, pack_document
from mnhsc_desktop.core.revalidation.status import status_now
from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes

CSV_KINDS = {"cpd": "CPD log", "hours": "Practice hours log", "feedback": "Feedback log"}


class PackCommands:
    """Export and print the pack (the tab's buttons, Home's link, File menu)."""

    def activities(self) -> tuple:
        return self.culture.activities if self.culture is not None else ()

    def _name(self) -> str | None:
        """The name on the pack: asked once, then kept on this PC."""
        name = self.store.get("profile", "name", "")
        if name:
            return name
        name, ok = QInputDialog.getText(
            self, "Your name", "Your name, as it should appear on your revalidation pack:"
        )
        if not ok:
            return None
        self.store.set("profile", "name", name.strip())
        return name.strip()

    def choose_period(self) -> Period | None:
        """The period on view, or (once a period has ended) the one the user picks; None if
        they cancel."""
        choices = periods(self.store)
        if len(choices) == 1:
            return choices[0]
        labels = [
            f"{uk_date(p.start, weekday=False)} to {uk_date(p.end, weekday=False)}"
            + (" (this period)" if at == 0 else "")
            for at, p in enumerate(choices)
        ]
        shown = getattr(self, "viewed_period", None)
        current = choices.index(shown) if shown in choices else 0
        label, ok = QInputDialog.getItem(
            self, "Which period?", "Revalidation pack for the period:", labels, current, False
        )
        return choices[labels.index(label)] if ok and label in labels else None

    def privacy_ok(self, period: Period, verb: str) -> bool:
        """Look for what could identify a patient before anything leaves the app; show each
        find with where it is, and let the person go back and edit or go on knowingly."""
        from mnhsc_desktop.core.revalidation.privacy import portfolio_texts, scan_all

        portfolio, _status = status_now(self.store, self.ladder, self.activities(), period)
        sheets = {name: sheet(self.store, name) for name in SHEETS}
        hits = scan_all(portfolio_texts(portfolio.in_period(period), sheets))
        if not hits:
            return True
        shown = "\n".join(f"• {h.kind} “{h.text}” in {h.where}" for h in hits[:10])
        more = f"\n…and {len(hits) - 10} more." if len(hits) > 10 else ""
        answer = QMessageBox.warning(
            self,
            "This record may identify a patient",
            f"{PRIVACY} These look like they could:\n\n{shown}{more}\n\nGo back to edit "
            f"them, or {verb} anyway?",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ignore,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ignore

    def pack(self, period: Period) -> Document | None:
        if self._name() is None:
            return None
        portfolio, status = status_now(self.store, self.ladder, self.activities(), period)
        return pack_document(self.store, portfolio, status, self.organisation, self.ladder)

    def export_pack(self) -> None:
        from mnhsc_desktop.ui.shell.file_choice import documents_folder

        suggested = str(documents_folder() / f"revalidation-pack-{dt.date.today().isoformat()}.pdf")
        filters = ["PDF document (*.pdf)", *(f"{t} for Excel (*.csv)" for t in CSV_KINDS.values())]
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export revalidation pack", suggested, ";;".join(filters)
        )
        if not path:
            return
        output = Path(path)
        kind = next((k for k, t in CSV_KINDS.items() if chosen.startswith(t)), None)
        if output.suffix.lower() == ".csv" and kind is None:
            kind = "cpd"
        if output.suffix.lower() not in (".pdf", ".csv"):
            output = output.with_suffix(".csv" if kind else ".pdf")
        period = self.choose_period()
        if period is None or not self.privacy_ok(period, "export"):
            return
        try:
            if output.suffix.lower() == ".csv":
                portfolio, _ = status_now(self.store, self.ladder, self.activities(), period)
                atomic_write_bytes(output, log_csv(kind or "cpd", portfolio.in_period(period)))
            else:
                from mnhsc_desktop.ui.shell.pdf import document_to_pdf

                document = self.pack(period)
                if document is None:
                    return
                document_to_pdf(document, output)
        except WriteFailed as error:
            QMessageBox.warning(self, "Revalidation pack not exported", str(error))
            return
        self.status.emit(f"Saved to {output}.")

    def print_pack(self) -> None:
        from mnhsc_desktop.ui.shell.pdf import print_document

        period = self.choose_period()
        if period is None or not self.privacy_ok(period, "print"):
            return
        document = self.pack(period)
        if document is not None and print_document(self, document):
            self.status.emit("Revalidation pack sent to the printer.")
