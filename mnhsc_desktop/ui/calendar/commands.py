"""What can be done to events from the Calendar tab: keys, the agenda's context menu, and adding,
editing, deleting and hiding events.

A mixin of CalendarTab: it uses the tab's store, calendar, table, month view, selection and
status signal. Every change goes through core and the store; the tab redraws when told.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from mnhsc_desktop.core.calendar.calendar import delete_events, edit_event, save_events, set_hidden
from mnhsc_desktop.core.calendar.events import Event


class EventCommands:
    """The tab's actions (listed in Help > Keyboard shortcuts) and what they do."""

    def _build_actions(self) -> None:
        """Keys for the tab (listed in Help > Keyboard shortcuts) and the agenda's context menu."""
        self.actions_for_menu: list[QAction] = []

        def add(
            widget: QWidget, text: str, keys: str | None, slot, context: Qt.ShortcutContext
        ) -> QAction:
            action = QAction(text, widget)
            if keys:
                action.setShortcuts([QKeySequence(keys)])
                action.setShortcutContext(context)
            action.triggered.connect(lambda _checked=False: slot())
            widget.addAction(action)
            if keys:
                self.actions_for_menu.append(action)
            return action

        tab_wide = Qt.ShortcutContext.WidgetWithChildrenShortcut
        on_table = (
            Qt.ShortcutContext.WidgetShortcut
        )  # Enter and Delete mean something else in the search box
        # Ctrl+F is the window's (Find in this tab), which calls focus_search here.
        add(self, "Previous month", "Alt+PgUp", lambda: self._step_month(-1), tab_wide)
        add(self, "Next month", "Alt+PgDown", lambda: self._step_month(1), tab_wide)
        self.edit_action = add(self.table, "&Edit…", "Return", self.edit_selected, on_table)
        self.delete_action = add(self.table, "&Delete", "Delete", self.delete_selected, on_table)
        self.export_one_action = add(
            self.table, "E&xport this event…", None, lambda: self.export_requested.emit(), on_table
        )
        self.hide_action = add(self.table, "&Hide", None, self._toggle_hidden_selected, on_table)
        self.edit_action.setText("Edit selected event")
        self.delete_action.setText("Delete selected event")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, position) -> None:
        menu = self.context_menu_for_selection()
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(position))

    def context_menu_for_selection(self):
        from PySide6.QtWidgets import QMenu

        event = self.selected_event()
        if event is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.export_one_action)
        if event.origin == "shipped":
            hidden = event.key in self.calendar.hidden
            self.hide_action.setText("Show a&gain" if hidden else "&Hide from my calendar")
            menu.addAction(self.hide_action)
        else:
            menu.addActions([self.edit_action, self.delete_action])
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _toggle_hidden_selected(self) -> None:
        event = self.selected_event()
        if event is not None and event.origin == "shipped":
            self._hide(event, event.key not in self.calendar.hidden)

    def new_event(self) -> None:
        from mnhsc_desktop.ui.calendar.event_dialog import EventDialog

        day = self.month_view.selectedDate()
        dialog = EventDialog(self, day=dt.date(day.year(), day.month(), day.day()))
        if dialog.exec():
            event = dialog.result_event()
            save_events(self.store, [event])
            self.status.emit(f"Added “{event.title}”.")
            self.select_event(event.key)

    def _series_and_day(self):
        """The selected event as stored (a repeat's series, not its shifted occurrence) and the
        day of the occurrence chosen."""
        occurrence = self.selected_occurrence()
        if occurrence is None:
            return None, None
        return self.calendar.by_key.get(occurrence.event.key, occurrence.event), occurrence

    def edit_selected(self) -> None:
        from mnhsc_desktop.core.calendar import series as s
        from mnhsc_desktop.ui.calendar.event_dialog import EventDialog

        event, occurrence = self._series_and_day()
        if event is None:
            return
        if event.origin == "shipped":
            self.status.emit(
                "Events from the collaborative's calendar cannot be edited; you can hide them."
            )
            return
        scope = ask_scope(self, "Change", event) if event.repeats else "all"
        if scope is None:
            return
        shown = event
        if scope != "all":  # the dialog starts from the occurrence chosen
            o = occurrence.event
            shown = event.with_changes(start=occurrence.start, end=occurrence.end,
                                       start_time=o.start_time, end_time=o.end_time)  # fmt: skip
            if scope == "this":
                shown = shown.with_changes(repeat=None, rule="")
        dialog = EventDialog(self, shown)
        if not dialog.exec():
            return
        changed = dialog.result_event()
        if changed == shown:
            return
        if scope == "all":
            edit_event(self.store, changed)
        elif scope == "this":
            save_events(self.store, [s.one_occurrence(event, occurrence.start, changed)])
        else:
            save_events(self.store, [s.ended_before(event, occurrence.start),
                                     s.from_day(event, occurrence.start, changed)])  # fmt: skip
        self.status.emit(f"Saved “{changed.title}”. Ctrl+Z puts back what it was.")
        self.select_event(changed.key if scope == "all" else changed.uid)

    def delete_selected(self) -> None:
        from mnhsc_desktop.core.calendar import series as s

        event, occurrence = self._series_and_day()
        if event is None or event.origin == "shipped":
            return
        if event.repeats:
            scope = ask_scope(self, "Delete", event)
            if scope is None:
                return
            if scope == "this":
                save_events(self.store, [s.without(event, occurrence.start)])
            elif scope == "following" and occurrence.start > event.start:
                save_events(self.store, [s.ended_before(event, occurrence.start)])
            else:
                changes = [e.key for e in self.calendar.own if e.uid == event.uid]
                delete_events(self.store, changes or [event.key])
            self.status.emit("Deleted. Ctrl+Z brings it back.")
            return
        answer = QMessageBox.question(
            self, "Delete event",
            f"Delete “{event.title}”? Edit > Undo (Ctrl+Z) brings it back.",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            delete_events(self.store, [event.key])
            self.status.emit(f"Deleted “{event.title}”. Ctrl+Z brings it back.")

    def _hide(self, event: Event | None, hidden: bool) -> None:
        if event is None:
            return
        set_hidden(self.store, event.key, hidden)
        self.status.emit(f"“{event.title}” is {'hidden' if hidden else 'shown again'}.")


def ask_scope(parent: QWidget, verb: str, event: Event) -> str | None:
    """ "this", "following" or "all" occurrences of a repeating event; None when cancelled."""
    box = QMessageBox(parent)
    box.setWindowTitle(f"{verb} a repeating event")
    box.setText(f"“{event.title}” repeats. {verb} only the occurrence you chose, that one and "
                "the following ones, or every occurrence? Edit > Undo (Ctrl+Z) puts it back.")  # fmt: skip
    this = box.addButton("Only &this one", QMessageBox.ButtonRole.AcceptRole)
    following = box.addButton("This and &following", QMessageBox.ButtonRole.AcceptRole)
    every = box.addButton("&All of them", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(this)
    box.exec()
    return {this: "this", following: "following", every: "all"}.get(box.clickedButton())
