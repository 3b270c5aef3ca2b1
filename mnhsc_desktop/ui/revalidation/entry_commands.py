"""What the Revalidation tab's buttons do: add, edit and delete entries (asking before any
words go, each undoable with Edit > Undo), import a spreadsheet, and set or roll on the date.

A mixin of RevalidationTab: it uses the tab's store, portfolio, ladder, culture and status
signal. Every change goes through core and the store, in one step each.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.ladder.ladder import revalidation_period, start_next_period, undo_done
from mnhsc_desktop.core.revalidation.entries import add_entries, delete_entry, save_entry
from mnhsc_desktop.core.revalidation.portfolio import delete_account, save_account, save_cpd

NOUNS = {"cpd": "CPD entry", "hours": "practice hours entry", "feedback": "piece of feedback",
         "account": "reflective account"}  # fmt: skip


class EntryCommands:
    def _dialog(self, kind: str, entry=None):
        from mnhsc_desktop.ui.revalidation import entry_dialogs as d

        if kind == "account":
            return d.AccountDialog(self, entry, self._link_choices())
        return {"cpd": d.CpdDialog, "hours": d.HoursDialog, "feedback": d.FeedbackDialog}[kind](
            self, entry
        )

    def _link_choices(self) -> list[tuple[str, str]]:
        """What an account can reflect on: the period's CPD and feedback, newest first."""
        inside = self.portfolio.in_period(self.current.period)
        choices = [(f"feedback/{e.id}", f"Feedback from {e.source} ({uk_date(e.date, weekday=False)})")
                   for e in reversed(inside.feedback)]  # fmt: skip
        for e in reversed(inside.cpd):
            if e.origin == "team":
                continue
            key = f"ladder/{e.ref}" if e.origin == "ladder" else f"cpd/{e.id}"
            choices.append((key, f"CPD: {e.topic} ({uk_date(e.date, weekday=False)})"))
        return choices[:500]

    def _save(self, kind: str, entry) -> None:
        if kind == "cpd":
            save_cpd(self.store, entry)
        elif kind == "account":
            save_account(self.store, entry)
        else:
            save_entry(self.store, entry)

    def add_entry(self, kind: str) -> None:
        dialog = self._dialog(kind)
        if dialog.exec():
            self._save(kind, dialog.value())
            self.status.emit(f"Added a {NOUNS[kind]}. Ctrl+Z takes it away again.")

    def edit_entry(self, kind: str, entry) -> None:
        dialog = self._dialog(kind, entry)
        if dialog.exec():
            self._save(kind, dialog.value())
            self.status.emit(f"Saved the {NOUNS[kind]}. Ctrl+Z puts back what it said.")

    def delete_entry(self, kind: str, entry) -> None:
        origin = getattr(entry, "origin", "own")
        title = getattr(entry, "topic", "") or getattr(entry, "source", "") or getattr(
            entry, "nature", "")  # fmt: skip
        named = f"“{title[:60]}”" if title else f"this {NOUNS[kind]}"
        if kind == "cpd" and origin == "ladder":
            question = (f"{named} is a tick on the QI ladder. Remove the tick? What you wrote "
                        "on it is kept, and comes back when you tick it again.")  # fmt: skip
        elif kind == "cpd" and origin == "team":
            question = f"{named} is a team log in the culture library. Remove that log entry?"
        elif kind == "account" and origin == "ladder":
            question = (f"Delete the reflection written on {named}? The tick itself stays on "
                        "the QI ladder.")  # fmt: skip
        else:
            question = f"Delete {named}, and everything written in it?"
        answer = QMessageBox.question(self, f"Delete the {NOUNS[kind]}?",
                                      f"{question} Edit > Undo (Ctrl+Z) brings it back.")  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        if kind == "cpd" and origin == "ladder":
            undo_done(self.store, entry.ref)
        elif kind == "cpd" and origin == "team":
            from mnhsc_desktop.core.culture.culture import log_entries, remove_log_entry

            match = [e for e in log_entries(self.store, entry.ref)
                     if e.changed_at == entry.changed_at]  # fmt: skip
            if match:
                remove_log_entry(self.store, match[0])
        elif kind == "account":
            delete_account(self.store, entry)
        else:
            delete_entry(self.store, entry)
        self.status.emit("Deleted. Ctrl+Z brings it back.")

    def import_spreadsheet(self, kind: str | None = None) -> None:
        from mnhsc_desktop.ui.revalidation.import_dialog import ImportDialog
        from mnhsc_desktop.ui.shell.file_choice import documents_folder

        path, _ = QFileDialog.getOpenFileName(
            self, "Import CPD, practice hours or feedback", str(documents_folder()),
            "Spreadsheets (*.csv *.xlsx);;All files (*)",
        )  # fmt: skip
        if not path:
            return
        chosen = Path(path)
        dialog = ImportDialog(self, chosen, self.portfolio, kind, self.current.period)
        if not dialog.exec() or dialog.plan is None:
            return
        new = dialog.plan.new_entries
        add_entries(self.store, new)
        self.show_requirement({"hours": 1, "cpd": 2, "feedback": 3}[dialog.plan.kind])
        self.status.emit(f"Imported {len(new)} row{'s' if len(new) != 1 else ''} from "
                         f"{chosen.name}. Ctrl+Z takes the whole import back.")  # fmt: skip

    def start_next(self) -> None:
        period = start_next_period(self.store)
        if period is not None:
            self.status.emit(
                f"Your period now runs {uk_date(period.start, weekday=False)} to "
                f"{uk_date(period.end, weekday=False)}. Ctrl+Z undoes this."
            )

    def change_period(self) -> None:
        from mnhsc_desktop.ui.ladder.dialogs import PeriodDialog

        dialog = PeriodDialog(self, revalidation_period(self.store).end)
        if dialog.exec():
            self.store.set("profile", "revalidation_due", dialog.value().isoformat())
