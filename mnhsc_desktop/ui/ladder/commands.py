"""What can be done from the QI ladder tab: tick a resource (with a reflection), untick it
(keeping the words), copy its name, and say where I am in a subject.

A mixin of LadderTab: it uses the tab's store, ladder, progress, grid and status signal. Every
change goes through core and the store, so Edit > Undo can put it back.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from mnhsc_desktop.core.ladder.ladder import (
    WHERE_I_AM,
    mark_done,
    set_level,
    undo_done,
)


class LadderCommands:
    """The tab's buttons and keys, and what they do."""

    def mark_selected_done(self) -> None:
        from mnhsc_desktop.ui.ladder.dialogs import DoneDialog

        resource = self.selected_resource()
        if resource is None:
            return
        dialog = DoneDialog(self, resource, self.progress.last_written(resource.id))
        if dialog.exec():
            mark_done(self.store, dialog.completion())
            self.status.emit(f"Done: {resource.title}.")

    def undo_selected(self) -> None:
        resource = self.selected_resource()
        if resource is None or resource.id not in self.progress.done:
            return
        done = self.progress.done[resource.id]
        if done.has_words:
            answer = QMessageBox.question(
                self,
                "Remove the tick?",
                f"Remove the tick from “{resource.title}”? What you wrote is kept: it comes "
                "back when you tick it again, and Edit > Undo (Ctrl+Z) puts the tick back.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        undo_done(self.store, resource.id)
        self.status.emit(f"Tick removed: {resource.title}. Ctrl+Z puts it back.")

    def copy_selected(self) -> None:
        resource = self.selected_resource()
        if resource is not None:
            QGuiApplication.clipboard().setText(resource.title)
            self.status.emit(
                f"Copied “{resource.title}”. Search for it on a computer with the internet."
            )

    def change_level(self) -> None:
        from mnhsc_desktop.ui.ladder.dialogs import LevelDialog

        subject = self.ladder.subjects[self.subject_row]
        dialog = LevelDialog(self, subject.name, self.progress.level_of(subject.id))
        if dialog.exec():
            level, date, note = dialog.values()
            set_level(self.store, subject.id, level, date, note)
            self.grid.selectionModel().setCurrentIndex(
                self.model.index(self.subject_row, self._column_for(self.subject_row)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
            self.status.emit(f"{subject.name}: {WHERE_I_AM[level]}.")
