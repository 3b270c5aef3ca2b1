"""The QI projects tab: the user's projects down the side, and the chosen one's aim and team,
driver diagram, PDSA cycles, and measures with their charts, each on its own page.

Every page edits the project through `save`, one store change per edit, so Edit > Undo steps
back through the project and another PC's change (or an undo) shows at once on every page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.shell.widgets import (
    follow_store,
    heading,
    named_button,
    paragraph,
    side_column,
)

KEY_ROLE = Qt.ItemDataRole.UserRole


class QiTab(QWidget):
    status = Signal(str)

    def __init__(self, store: Store, ladder=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ladder = ladder
        self.key: str | None = None
        splitter, column = side_column(QHBoxLayout(self))
        self.list = QListWidget()
        self.list.setWordWrap(True)  # long titles wrap instead of hiding behind a scroll bar
        self.list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.list.setAccessibleName("Your QI projects")
        self.list.setAccessibleDescription(
            "Up and Down choose a project; its pages are on the right."
        )
        label = QLabel("Projec&ts:")
        label.setBuddy(self.list)
        column.addWidget(label)
        column.addWidget(self.list, 1)
        self.new_button = named_button("&New project…", "New QI project", self.new_project)
        self.delete_button = named_button("Delete project…", "Delete QI project", self.delete)
        self.page_button = named_button(
            "Project on a pa&ge…", "Project on a page: PDF or print", self.print_page
        )
        self.share_button = named_button("Share as a file…", "Share the project as a file",
                                         self.share)  # fmt: skip
        self.import_button = named_button("Import a shared project…", "Import a shared QI project",
                                          self.import_shared)  # fmt: skip
        for button in (self.new_button, self.page_button, self.share_button, self.import_button,
                       self.delete_button):  # fmt: skip
            column.addWidget(button)

        self.stack = QStackedWidget()
        self.empty = QWidget()
        empty_column = QVBoxLayout(self.empty)
        empty_column.addWidget(heading("QI projects"))
        empty_column.addWidget(
            paragraph(
                "Run your own improvement project here, offline: a measurable aim, the team, a "
                "driver diagram, PDSA cycles, and measures plotted as run and SPC charts whose "
                "signals are explained in words. Start with New project."
            )
        )
        empty_column.addStretch(1)
        self.stack.addWidget(self.empty)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("Project pages")
        self.stack.addWidget(self.pages)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 860])
        self._build_pages()

        self.list.currentItemChanged.connect(self._chosen)
        follow_store(store, self, self._store_changed)
        self.refresh()

    def _build_pages(self) -> None:
        from mnhsc_desktop.ui.qi.drivers_page import DriversPage
        from mnhsc_desktop.ui.qi.measures_page import MeasuresPage
        from mnhsc_desktop.ui.qi.overview_page import OverviewPage
        from mnhsc_desktop.ui.qi.pdsa_page import PdsaPage

        self.overview = OverviewPage(self)
        self.drivers = DriversPage(self)
        self.cycles = PdsaPage(self)
        self.measures = MeasuresPage(self)
        for page, title in (
            (self.overview, "Ai&m and team"),
            (self.drivers, "&Driver diagram"),
            (self.cycles, "&PDSA cycles"),
            (self.measures, "Mea&sures and charts"),
        ):
            # In a scroll area: on a small screen (or at 200%) a page scrolls instead of
            # pushing the window off the screen.
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.pages.addTab(scroll, title)

    def show_page(self, page: QWidget) -> None:
        """Bring one of the project's pages forward (each sits in its own scroll area)."""
        for index in range(self.pages.count()):
            if self.pages.widget(index).widget() is page:
                self.pages.setCurrentIndex(index)

    @property
    def focus_target(self) -> QWidget:
        """Where the keyboard goes on arriving: the list, or New project while it is empty."""
        return self.list if self.list.count() else self.new_button

    @property
    def all_pages(self) -> list:
        return [self.overview, self.drivers, self.cycles, self.measures]

    # -- the project in hand ---------------------------------------------------------------
    def current(self) -> dict[str, Any] | None:
        return qp.project(self.store, self.key) if self.key else None

    def save(self, value: dict[str, Any], said: str = "") -> None:
        """Keep an edit of the current project (one undoable change)."""
        if self.key is None:
            return
        try:
            qp.save_project(self.store, self.key, value)
        except ValueError as error:  # a value the store refuses: say so, keep nothing half-done
            self.status.emit(f"That change could not be kept: {error}.")
            return
        if said:
            self.status.emit(said)

    def flush(self) -> None:
        """Keep words typed a moment ago (before closing, or before another project shows)."""
        for page in self.all_pages:
            page.flush()

    def refresh(self) -> None:
        """The list as stored, keeping the chosen project chosen (or the first one)."""
        self.list.blockSignals(True)
        self.list.clear()
        keep = None
        for key, value in qp.projects(self.store):
            status = qp.STATUSES.get(value.get("status", ""), "")
            item = QListWidgetItem(f"{value['title']}\n{status}")
            item.setData(KEY_ROLE, key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{value['title']}, {status}")
            self.list.addItem(item)
            if key == self.key:
                keep = item
        if keep is None and self.list.count():
            keep = self.list.item(0)
        self.list.setCurrentItem(keep)
        self.list.blockSignals(False)
        # An empty list has nothing to choose or show focus on: Tab passes it by.
        focus = Qt.FocusPolicy.StrongFocus if self.list.count() else Qt.FocusPolicy.NoFocus
        self.list.setFocusPolicy(focus)
        self._show(keep.data(KEY_ROLE) if keep is not None else None)

    def _chosen(self, item, _previous=None) -> None:
        self.flush()
        self._show(item.data(KEY_ROLE) if item is not None else None)

    def _show(self, key: str | None) -> None:
        self.key = key
        value = self.current()
        self.stack.setCurrentWidget(self.pages if value is not None else self.empty)
        for button in (self.delete_button, self.page_button, self.share_button):
            button.setEnabled(value is not None)
        for page in self.all_pages:
            page.show_project(value)

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KEY_ROLE) == key:
                self.list.setCurrentRow(row)
                return

    def _store_changed(self, change) -> None:
        if change.section != "qi":
            return
        titles = [(k, v.get("title"), v.get("status")) for k, v in qp.projects(self.store)]
        shown = [
            (self.list.item(r).data(KEY_ROLE), *self.list.item(r).text().split("\n"))
            for r in range(self.list.count())
        ]
        if [(k, t, qp.STATUSES.get(s, "")) for k, t, s in titles] != [tuple(s) for s in shown]:
            self.refresh()
            return
        value = self.current()
        for page in self.all_pages:
            page.reload(value)

    # -- commands --------------------------------------------------------------------------
    def new_project(self) -> None:
        title, ok = QInputDialog.getText(
            self, "New QI project", "What is the project called? (You can change it later.)"
        )
        if not ok:
            return
        self.flush()
        key = qp.add_project(self.store, title)
        self.key = key
        self.refresh()
        self.show_page(self.overview)
        self.overview.aim.setFocus()
        self.status.emit("Project added. Write its aim: what, how much, by when.")

    def delete(self) -> None:
        value = self.current()
        if value is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete this project?",
            f"Delete “{value['title']}” with its driver diagram, {len(value.get('cycles', []))} "
            f"PDSA cycle(s) and {len(value.get('measures', []))} measure(s)? Edit > Undo brings "
            "it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        qp.delete_project(self.store, self.key)
        self.key = None
        self.status.emit(f"Deleted “{value['title']}”. Edit > Undo brings it back.")

    def print_page(self) -> None:
        from mnhsc_desktop.ui.qi.page_commands import save_or_print_page

        self.flush()
        value = self.current()
        if value is not None and (message := save_or_print_page(self, value)):
            self.status.emit(message)

    def share(self) -> None:
        from mnhsc_desktop.ui.qi.share_commands import share_project

        self.flush()
        value = self.current()
        if value is not None and (message := share_project(self, self.key, value)):
            self.status.emit(message)

    def import_shared(self) -> None:
        from mnhsc_desktop.ui.qi.share_commands import import_project

        self.flush()
        key = import_project(self, self.store)
        if key is not None:
            self.key = key
            self.refresh()
            self.status.emit("Project imported. Edit > Undo takes it away again.")
