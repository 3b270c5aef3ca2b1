"""The main window's menus, their keys, and the glyphs beside tab names and commands.

A mixin of MainWindow: the actions it makes call the window's own methods, so every command has
one place that does it whether it comes from a menu, a key, Home or a tab.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from mnhsc_desktop import APP_NAME
from mnhsc_desktop.ui.shell.widgets import follow_store

# (key saved in the store, tab title with mnemonic)
TABS = (
    ("home", "H&ome"),
    ("calendar", "C&alendar"),
    ("ladder", "&QI ladder"),
    ("culture", "C&ulture library"),
    ("revalidation", "&Revalidation"),
    ("qi", "QI pro&jects"),
)


class WindowMenus:
    """File, Edit, Calendar, View and Help, built once; Help > Keyboard shortcuts lists them."""

    def undo_last_change(self) -> None:
        """Edit > Undo: put back what the last change replaced (a tick, a deleted event…)."""
        label = self.store.undo_last()
        self.statusBar().showMessage(
            f"Undone: {label}." if label else "Nothing to undo in this session.", 8000
        )

    def redo_last_change(self) -> None:
        """Edit > Redo: bring back what the last undo replaced, typed words included."""
        label = self.store.redo_last()
        self.statusBar().showMessage(f"Redone: {label}." if label else "Nothing to redo.", 8000)

    def _refresh_undo(self, _change=None) -> None:
        for action, verb, label in (
            (self.undo_action, "&Undo", self.store.undo.next_label),
            (self.redo_action, "&Redo", self.store.undo.redo_label),
        ):
            action.setEnabled(label is not None)
            action.setText(f"{verb} {label}" if label else verb)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = self._action("&Import calendar…", "Ctrl+I", self._import_calendar)
        self.export_action = self._action("&Export calendar…", "Ctrl+E", self._export_calendar)
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        self.export_progress_action = self._action(
            "Export &my progress…", None, self._export_progress
        )
        self.import_progress_action = self._action(
            "Import m&y progress…", None, self._import_progress
        )
        self.import_portfolio_action = self._action(
            "Import CPD, practice hours or &feedback…", None, self._import_portfolio
        )
        self.export_pack_action = self._action(
            "Export revalidation &pack…", None, self._export_record
        )
        file_menu.addActions([self.import_portfolio_action, self.export_pack_action])
        file_menu.addSeparator()
        self.export_session_action = self._action(
            "Export session pac&k…", None, self._export_session_pack
        )
        self.import_session_action = self._action(
            "Import &session pack…", None, self._import_session_pack
        )
        file_menu.addActions([self.export_session_action, self.import_session_action])
        file_menu.addSeparator()
        self.data_folder_action = self._action("&Data folder…", None, self.show_data_folder)
        file_menu.addActions(
            [self.export_progress_action, self.import_progress_action, self.data_folder_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action("&Undo", "Ctrl+Z", self.undo_last_change)
        self.redo_action = self._action("&Redo", "Ctrl+Shift+Z", self.redo_last_change)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addActions([self.undo_action, self.redo_action])
        self._refresh_undo()
        follow_store(self.store, self, self._refresh_undo)

        calendar_menu = self.menuBar().addMenu("&Calendar")
        self.new_event_action = self._action("&New event…", "Ctrl+N", self._new_event)
        self.today_action = self._action("Go to &today", "Ctrl+T", self._today)
        calendar_menu.addActions([self.new_event_action, self.today_action])

        view_menu = self.menuBar().addMenu("&View")
        self.find_action = self._action("&Find anything…", "Ctrl+K", self.open_search)
        self.find_in_tab_action = self._action("Find in this &tab", "Ctrl+F", self.find_in_tab)
        view_menu.addActions([self.find_action, self.find_in_tab_action])
        self.high_contrast_action = QAction("High &contrast", self)
        self.high_contrast_action.setCheckable(True)
        self.high_contrast_action.setChecked(self.theme.high_contrast)
        self.high_contrast_action.setStatusTip("White and yellow on black, for low vision")
        self.high_contrast_action.toggled.connect(self.set_high_contrast)
        view_menu.addAction(self.high_contrast_action)
        view_menu.addSeparator()
        self.tab_actions = []
        for index, (_key, title) in enumerate(TABS):
            action = self._action(title, f"Ctrl+{index + 1}", lambda i=index: self.show_tab(i))
            view_menu.addAction(action)
            self.tab_actions.append(action)

        help_menu = self.menuBar().addMenu("&Help")
        self.shortcuts_action = self._action("&Keyboard shortcuts", "F1", self.show_shortcuts)
        self.about_action = self._action(f"&About {APP_NAME}", None, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.what_is_qi_action = self._action(
            "&What is Quality Improvement?", None, self.show_what_is_qi
        )
        self.about_collaborative_action = self._action(
            "About the &collaborative", None, self.show_about_collaborative
        )
        help_menu.addActions(
            [
                self.about_collaborative_action,
                self.what_is_qi_action,
                self.shortcuts_action,
                self.about_action,
            ]
        )

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts([...]), not setShortcut(...): the latter's overload check makes PySide6
            # build every Qt.* enum (~15 ms) on the start-up path.
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every action that has a shortcut: the Help list is built from these."""
        rows = []
        for action in [*self.actions(), *self.calendar_tab.actions_for_menu]:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
        return rows

    def show_shortcuts(self) -> None:
        from mnhsc_desktop.ui.shell import dialogs  # dialogs load when first used, not at start-up

        dialogs.show_shortcuts(self, self.shortcut_rows())

    def _put_glyphs(self) -> None:
        """Glyphs beside the tab names, the file commands and Home's ways on: the same picture
        for the same place wherever it appears."""
        from mnhsc_desktop.ui.shell.icons import Glyphs

        self.glyphs = Glyphs()
        palette = self.palette()
        for index, name in enumerate(
            ("home", "calendar", "ladder", "culture", "revalidation", "qi")
        ):
            self.glyphs.put(lambda icon, i=index: self.tabs.setTabIcon(i, icon), name, palette)
        board = self.dashboard
        for target, name in (
            (self.import_action, "import"),
            (self.export_action, "export"),
            (self.import_portfolio_action, "import"),
            (self.export_pack_action, "export"),
            (self.find_action, "find"),
            (board.calendar_button, "calendar"),
            (board.import_button, "import"),
            (board.ladder_button, "ladder"),
            (board.record_button, "export"),
            (board.revalidation_button, "revalidation"),
        ):
            self.glyphs.put(target.setIcon, name, palette)

    def _recolour_glyphs(self) -> None:
        # The application's palette: the window's own catches up with it a moment later.
        self.glyphs.recolour(self.theme.app.palette())  # blue on light, white on dark

    def _glyph(self, target, name: str) -> None:
        """A glyph for a button made after start-up (a tab built when first opened)."""
        self.glyphs.put(target.setIcon, name, self.palette())
