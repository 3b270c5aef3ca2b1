"""The File menu's commands: calendar files in and out, progress to and from another PC, and
where the data folder is. Each opens its dialog when first used.

A mixin of MainWindow: it uses the window's store, calendar tab and status bar.
"""

from __future__ import annotations

from pathlib import Path


class FileCommands:
    """Import and export, with what happened said in the status bar."""

    def _import_calendar(self) -> None:
        from mnhsc_desktop.ui.calendar.files import run_import

        self.show_calendar()
        message = run_import(self, self.calendar_tab.calendar, self.store)
        if message:
            self.statusBar().showMessage(message, 10000)

    def _export_calendar(self, prefer_selected: bool = False) -> None:
        from mnhsc_desktop.ui.calendar.files import ExportChoiceDialog, write_events

        self.show_calendar()
        tab = self.calendar_tab
        selected = tab.selected_event()
        everything, shown = tab.all_events(), tab.shown_events()
        if prefer_selected and selected is not None:
            chosen, suggested = [selected], "mnhsc-event.ics"
        else:
            dialog = ExportChoiceDialog(self, len(everything), len(shown), selected)
            if not dialog.exec():
                return
            choice = dialog.choice()
            chosen = {"all": everything, "shown": shown, "selected": [selected]}[choice]
            suggested = {
                "all": "mnhsc-calendar.ics",
                "shown": "mnhsc-events.ics",
                "selected": "mnhsc-event.ics",
            }[choice]
        message = write_events(self, chosen, suggested)
        if message:
            self.statusBar().showMessage(message, 10000)

    def _export_progress(self) -> None:
        from mnhsc_desktop.ui.shell.progress_files import run_export

        if message := run_export(self, self.store):
            self.statusBar().showMessage(message, 10000)

    def _import_progress(self) -> None:
        from mnhsc_desktop.ui.shell.progress_files import run_import

        if message := run_import(self, self.store):
            self.statusBar().showMessage(message, 10000)

    def show_data_folder(self) -> None:
        from mnhsc_desktop.ui.shell.data_folder_dialog import DataFolderDialog

        dialog = DataFolderDialog(self, self.store.folder, self.data_folder_fixed)
        if dialog.exec() and dialog.chosen is not None:
            self.move_data_to(dialog.chosen)

    def move_data_to(self, target: Path) -> bool:
        """Move the data (copy, check, point, keep the old file) and the single-copy lock with it."""
        from mnhsc_desktop.ui.shell.data_folder_dialog import move_window_data

        return move_window_data(self, target)

    def _export_session_pack(self) -> None:
        from mnhsc_desktop.ui.culture.pack_commands import export_pack

        activities = (
            {a.id: a for a in self.content.culture.activities} if self.content.culture else {}
        )
        planner = getattr(self.culture_tab, "planner", None) if self.culture_host.built else None
        preferred = planner.plan if planner is not None else None
        if message := export_pack(self, self.store, activities, preferred):
            self.statusBar().showMessage(message, 10000)

    def _import_session_pack(self) -> None:
        from mnhsc_desktop.ui.culture.pack_commands import import_pack

        plan_id = import_pack(self, self.store)
        if plan_id is None:
            return
        self.statusBar().showMessage("Session pack taken in: its plan is in the Culture "
                                     "library's Session plan. Edit > Undo takes it out.", 10000)  # fmt: skip
        if self.content.culture is not None:
            self.tabs.setCurrentWidget(self.culture_host)
            self.culture_tab.sides.setCurrentWidget(self.culture_tab.planner)
            self.culture_tab.planner.reload(plan_id)
