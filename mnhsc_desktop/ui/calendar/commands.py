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

    def edit_selected(self) -> None:
        from mnhsc_desktop.ui.calendar.event_dialog import EventDialog

        event = self.selected_event()
        if event is None:
            return
        if event.origin == "shipped":
            self.status.emit(
                "Events from the collaborative's calendar cannot be edited; you can hide them."
            )
            return
        dialog = EventDialog(self, event)
        if dialog.exec():
            changed = dialog.result_event()
            if changed != event:
                edit_event(self.store, changed)
                self.status.emit(f"Saved “{changed.title}”.")
                self.select_event(changed.key)

    def delete_selected(self) -> None:
        event = self.selected_event()
        if event is None or event.origin == "shipped":
            return
        answer = QMessageBox.question(
            self,
            "Delete event",
            f"Delete “{event.title}”"
            + (" and all its repeats" if event.repeats else "")
            + "? Edit > Undo (Ctrl+Z) brings it back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            delete_events(self.store, [event.key])
            self.status.emit(f"Deleted “{event.title}”. Ctrl+Z brings it back.")

    def _hide(self, event: Event | None, hidden: bool) -> None:
        if event is None:
            return
        set_hidden(self.store, event.key, hidden)
        self.status.emit(f"“{event.title}” is {'hidden' if hidden else 'shown again'}.")
