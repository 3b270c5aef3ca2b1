"""The main window: six tabs, menus, status bar, and remembered size and tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop import APP_NAME
from mnhsc_desktop.core.content.content import Content
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.home.tab import HomeTab
from mnhsc_desktop.ui.shell.autosave import AutoSaver
from mnhsc_desktop.ui.shell.file_commands import FileCommands
from mnhsc_desktop.ui.shell.widgets import LazyTab, NoticeBanner, follow_store
from mnhsc_desktop.ui.shell.window_menus import TABS, WindowMenus

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QIcon

    from mnhsc_desktop.core.machine_config import MachineConfig


class MainWindow(WindowMenus, FileCommands, QMainWindow):
    """Holds the tabs; everything it remembers goes through the store's "window" section."""

    closed = Signal()

    def __init__(
        self,
        content: Content,
        store: Store,
        icon: QIcon,
        machine: MachineConfig | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        if machine is None:
            from mnhsc_desktop.core.machine_config import MachineConfig

            machine = MachineConfig()
        self.machine = machine
        self.content = content
        self.store = store
        self._search_index = None
        follow_store(store, self, self._forget_search_index)
        self.guard = None  # set by the app: the single-copy lock, which follows the data folder
        self.data_folder_fixed = False  # True when --data-dir or MNHSC_DATA_DIR chose the folder
        self.autosaver = AutoSaver(store, self)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon)
        self.setObjectName("mainWindow")

        central = QWidget()
        self.banner_area = QVBoxLayout(central)
        self.banner_area.setContentsMargins(6, 6, 6, 0)
        from mnhsc_desktop.ui.shell.theme import theme_for

        self.theme = theme_for(QApplication.instance())
        self.theme.apply(self.store.get("window", "high_contrast", False) is True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sections")
        self.tabs.setDocumentMode(True)
        from mnhsc_desktop.ui.home.dashboard import Dashboard

        self.dashboard = Dashboard(content, store)
        self.home_tab = HomeTab(content.about, self.dashboard)
        self.dashboard.calendar_requested.connect(self.show_calendar)
        self.dashboard.event_requested.connect(self.show_event)
        self.dashboard.import_requested.connect(self._import_calendar)
        self.dashboard.ladder_requested.connect(self._log_a_resource)
        self.dashboard.record_requested.connect(self._export_record)
        self.dashboard.revalidation_requested.connect(self.show_revalidation)
        self.dashboard.first_filled.connect(self._show_suggestion)
        self.tabs.addTab(self.home_tab, TABS[0][1])
        self.calendar_host = LazyTab(self._make_calendar_tab)
        self.tabs.addTab(self.calendar_host, TABS[1][1])
        self.ladder_host = LazyTab(self._make_ladder_tab)
        self.tabs.addTab(self.ladder_host, TABS[2][1])
        self.culture_host = LazyTab(self._make_culture_tab)
        self.tabs.addTab(self.culture_host, TABS[3][1])
        self.revalidation_host = LazyTab(self._make_revalidation_tab)
        self.tabs.addTab(self.revalidation_host, TABS[4][1])
        self.qi_host = LazyTab(self._make_qi_tab)
        self.tabs.addTab(self.qi_host, TABS[5][1])
        self.banner_area.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.save_status = QLabel("Changes are saved automatically")
        self.save_status.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self.save_status)
        self.autosaver.status_changed.connect(self._show_save_status)
        self.home_tab.activity_requested.connect(self.show_activity)
        self.home_tab.about_requested.connect(self.show_about_collaborative)
        self.home_tab.what_is_qi_requested.connect(self.show_what_is_qi)
        self.about_page = None  # made when first asked for

        self._build_menus()
        self._put_glyphs()
        self.theme.changed.connect(self._recolour_glyphs)
        for more in self.menuBar().findChildren(QWidget, "qt_menubar_ext_button"):
            more.setAccessibleName("More menus")
        self._restore_window_state()
        self.tabs.currentChanged.connect(self._remember_tab)
        self._show_start_notices()

    def find_in_tab(self) -> None:
        """The tab's own search box where it has one (calendar, culture), else Find anything."""
        page = self.tabs.currentWidget()
        content = page.content() if isinstance(page, LazyTab) else page
        if hasattr(content, "focus_search"):
            content.focus_search()
        else:
            self.open_search()

    def show_tab(self, index: int) -> None:
        """Go to a tab with keyboard focus in it (its search box or its main view), so a
        keyboard user can start typing or moving at once."""
        from PySide6.QtCore import Qt  # not on the start-up path (see widgets.rich_text)

        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        content = page.content() if isinstance(page, LazyTab) else page
        getattr(content, "focus_target", content).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_high_contrast(self, on: bool) -> None:
        """Switch at once, and remember it for next time on this user's data."""
        self.theme.apply(on)
        self.store.set("window", "high_contrast", on)

    def show_what_is_qi(self) -> None:
        from mnhsc_desktop.ui.shell import dialogs

        if self.content.ladder is None:
            self.statusBar().showMessage("The QI ladder's content could not be loaded.", 8000)
            return
        from mnhsc_desktop.core.ladder.qi_page import what_is_qi_html

        html = what_is_qi_html(self.content.ladder)
        dialogs.what_is_qi_dialog(
            self, html, lambda: self.tabs.setCurrentWidget(self.ladder_host)
        ).exec()

    def show_about_collaborative(self) -> None:
        """The collaborative's own page, beside the window (not modal: read while working)."""
        if self.content.about is None:
            self.statusBar().showMessage(
                "The collaborative's description could not be loaded.", 8000
            )
            return
        if self.about_page is None:
            from mnhsc_desktop.ui.home.about_page import AboutCollaborativePage

            self.about_page = AboutCollaborativePage(
                self.content.about, self.machine.allow_external_links, self
            )
            self.about_page.copied.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.about_page.show()
        self.about_page.raise_()
        self.about_page.activateWindow()

    def show_about(self) -> None:
        from mnhsc_desktop.ui.shell import dialogs

        dialogs.show_about(self, self.content, self.store.folder, self.machine)

    def _show_suggestion(self) -> None:
        self.home_tab.show_suggestion(self._suggestion())
        if self.home_tab.suggestion is not None:
            self._glyph(self.home_tab.suggestion_button, "culture")

    def _suggestion(self):
        """This week's culture activity for Home: one the user has not done lately."""
        if self.content.culture is None:
            return None
        from mnhsc_desktop.core.culture.culture import suggestion

        return suggestion(self.content.culture.activities, self.store)

    def _forget_search_index(self, change) -> None:
        if change.section in ("calendar", "qi"):
            self._search_index = None

    def search_index(self):
        """Built when first searched, and again after the user's own events change."""
        if self._search_index is None:
            from mnhsc_desktop.core.search import build_index

            self._search_index = build_index(self.content, self.store)
        return self._search_index

    def open_search(self) -> None:
        from mnhsc_desktop.ui.shell.search_dialog import SearchDialog

        dialog = SearchDialog(self, self.search_index())
        dialog.chosen.connect(self.open_item)
        dialog.exec()

    def open_item(self, entry) -> None:
        """Show a search result in its tab, with keyboard focus on it, so the next key acts on it."""
        if entry.kind == "event":
            self.show_event(entry.key)
        elif entry.kind in ("subject", "resource"):
            self.tabs.setCurrentWidget(self.ladder_host)
            if entry.kind == "subject":
                self.ladder_tab.select_subject(entry.key)
                self.ladder_tab.grid.setFocus()
            else:
                self.ladder_tab.select_resource(entry.key)
                self.ladder_tab.resources.setFocus()
        elif entry.kind == "activity":
            self.show_activity(entry.key)
        elif entry.kind == "project":
            self.tabs.setCurrentWidget(self.qi_host)
            self.qi_tab.select(entry.key)
            self.qi_tab.list.setFocus()

    def _make_calendar_tab(self):
        from mnhsc_desktop.ui.calendar.tab import CalendarTab

        tab = CalendarTab(self.content.calendar, self.store)
        tab.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        tab.import_requested.connect(self._import_calendar)
        tab.export_requested.connect(lambda: self._export_calendar(prefer_selected=True))
        return tab

    def _make_ladder_tab(self):
        from mnhsc_desktop.ui.ladder.tab import LadderTab

        if self.content.ladder is None:
            from mnhsc_desktop.ui.shell.placeholder_tab import PlaceholderTab

            return PlaceholderTab(
                "QI ladder",
                "The QI ladder's content could not be loaded; the message at the top of the window says why.",
            )
        tab = LadderTab(self.content.ladder, self.store, self.machine, self.content.culture)
        tab.revalidation_requested.connect(self.show_revalidation)
        self._glyph(tab.revalidation_button, "revalidation")
        tab.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return tab

    def _make_culture_tab(self):
        from mnhsc_desktop.ui.culture.tab import CultureTab

        if self.content.culture is None:
            from mnhsc_desktop.ui.shell.placeholder_tab import PlaceholderTab

            return PlaceholderTab(
                "Culture library",
                "The culture library's content could not be loaded; the message at the top of the window says why.",
            )
        tab = CultureTab(self.content.culture, self.store)
        tab.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        tab.kudos_requested.connect(self.print_kudos)
        self._glyph(tab.kudos_button, "print")
        return tab

    def _make_revalidation_tab(self):
        from mnhsc_desktop.ui.revalidation.tab import RevalidationTab

        tab = RevalidationTab(self.store, self.content.ladder, self.content.culture, self.machine)
        tab.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._glyph(tab.export_button, "export")
        self._glyph(tab.print_button, "print")
        return tab

    def _make_qi_tab(self):
        from mnhsc_desktop.ui.qi.tab import QiTab

        tab = QiTab(self.store, self.content.ladder)
        tab.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._glyph(tab.page_button, "print")
        return tab

    @property
    def qi_tab(self):
        return self.qi_host.content()

    @property
    def revalidation_tab(self):
        return self.revalidation_host.content()

    def show_revalidation(self, requirement: int = 0) -> None:
        self.tabs.setCurrentWidget(self.revalidation_host)
        if requirement:
            self.revalidation_tab.show_requirement(requirement)
        self.revalidation_tab.requirements.setFocus()

    def _import_portfolio(self) -> None:
        self.tabs.setCurrentWidget(self.revalidation_host)
        self.revalidation_tab.import_spreadsheet()

    @property
    def culture_tab(self):
        return self.culture_host.content()

    def show_activity(self, activity_id: str) -> None:
        self.tabs.setCurrentWidget(self.culture_host)
        self.culture_tab.select(activity_id)
        self.culture_tab.list.setFocus()

    def print_kudos(self) -> None:
        from mnhsc_desktop.ui.culture.kudos_pdf import save_or_print_kudos

        if message := save_or_print_kudos(self):
            self.statusBar().showMessage(message, 10000)

    @property
    def ladder_tab(self):
        return self.ladder_host.content()

    @property
    def calendar_tab(self):
        return self.calendar_host.content()

    def show_calendar(self) -> None:
        self.tabs.setCurrentWidget(self.calendar_host)

    def show_event(self, key: str) -> None:
        """The event selected in the calendar, with the keyboard on the agenda."""
        self.show_calendar()
        self.calendar_tab.select_event(key)
        self.calendar_tab.table.setFocus()

    def _log_a_resource(self) -> None:
        self.tabs.setCurrentWidget(self.ladder_host)
        if hasattr(self.ladder_tab, "focus_next_resource"):  # not the placeholder
            self.ladder_tab.focus_next_resource()

    def _export_record(self) -> None:
        self.tabs.setCurrentWidget(self.revalidation_host)
        self.revalidation_tab.export_pack()

    def _new_event(self) -> None:
        self.show_calendar()
        self.calendar_tab.new_event()

    def _today(self) -> None:
        self.show_calendar()
        self.calendar_tab.go_to_today()

    # -- state ---------------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        geometry = self.store.get("window", "geometry")
        restored = False
        if isinstance(geometry, str):
            restored = self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if not restored:
            available = self.screen().availableGeometry()
            self.resize(
                min(1100, available.width() * 9 // 10), min(760, available.height() * 9 // 10)
            )
        last_tab = self.store.get("window", "last_tab")
        keys = [key for key, _title in TABS]
        if last_tab in keys:
            self.tabs.setCurrentIndex(keys.index(last_tab))

    def _remember_tab(self, index: int) -> None:
        self.store.set("window", "last_tab", TABS[index][0])

    def _show_save_status(self, text: str) -> None:
        self.save_status.setText(text)

    def _show_start_notices(self) -> None:
        for notice in self.store.notices:
            self.add_banner("About your saved data", [notice.message])
        if self.store.read_only:
            self._show_save_status("Read-only: changes are not being saved")
        if self.machine.problems:
            self.add_banner(
                "The settings your IT team made could not all be used", list(self.machine.problems)
            )
        if self.content.errors:
            lines = [str(error) for error in self.content.errors[:6]]
            if len(self.content.errors) > 6:
                lines.append(f"…and {len(self.content.errors) - 6} more.")
            lines.append(f"Content folder: {self.content.folder}")
            self.add_banner("Some content could not be loaded", lines)

    def add_banner(self, title: str, lines: list[str]) -> NoticeBanner:
        banner = NoticeBanner(title, lines)
        self.banner_area.insertWidget(self.banner_area.count() - 1, banner)
        return banner

    def bring_to_front(self) -> None:
        """Called when the user launches the app again: show this window instead of a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        from PySide6.QtCore import Qt  # not on the start-up path (see widgets.rich_text)

        self.setWindowState(
            self.windowState() & ~Qt.WindowState.WindowMinimized | Qt.WindowState.WindowActive
        )

    def remember_geometry(self) -> None:
        self.store.set(
            "window", "geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_geometry()
        if self.revalidation_host.built:
            self.revalidation_tab.flush()  # a form's words typed a moment ago
        if self.qi_host.built:
            self.qi_tab.flush()
        while (error := self.autosaver.save_now()) is not None:
            from mnhsc_desktop.ui.shell import dialogs

            choice = dialogs.ask_after_failed_save(self, error)
            if choice == "retry":
                continue
            if choice == "cancel":
                event.ignore()
                return
            break  # the user chose to quit without saving, knowingly
        event.accept()
        self.closed.emit()
