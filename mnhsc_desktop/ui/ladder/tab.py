"""The QI ladder tab: where I stand per subject and the resources at each level. Ticks count
as CPD on the Revalidation tab (the summary here is the same status)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.ladder.ladder import (
    LEVELS,
    RESOURCE_TYPES,
    WHERE_I_AM,
    LadderFile,
    LadderResource,
    Progress,
    summarise,
)
from mnhsc_desktop.core.store.store import StateChange, Store
from mnhsc_desktop.ui.ladder.commands import LadderCommands
from mnhsc_desktop.ui.ladder.model import LadderModel
from mnhsc_desktop.ui.shell.widgets import escape, follow_store, named_button

RESOURCE_ROLE = Qt.ItemDataRole.UserRole


class LadderTab(LadderCommands, QWidget):
    status = Signal(str)
    revalidation_requested = Signal(int)  # the requirement to show: 2 (CPD) or 4 (accounts)

    def __init__(
        self,
        ladder: LadderFile,
        store: Store,
        machine=None,
        culture=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.culture = culture  # team activities logged in the culture library count as CPD
        self.organisation = machine.organisation_name if machine else ""
        self.allow_links = machine.allow_external_links if machine else True
        self.ladder = ladder
        self.store = store
        self.progress = Progress(store)
        self.portfolio = None  # what counts as CPD: read on the first refresh, then kept up
        self.subject_row = 0
        self.level = "learn"
        self._build()
        self.refresh()
        self.grid.setCurrentIndex(self.model.index(0, self._column_for(0)))
        follow_store(store, self, self._on_store_change)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        note = QLabel(f"Levels are held per subject. {self.ladder.note}")
        note.setWordWrap(True)
        layout.addWidget(note)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("My progress this revalidation period")
        top.addWidget(self.summary, 1)
        self.revalidation_button = self._button(
            "My revalidation…", "Open my revalidation: CPD, reflections and the pack",
            lambda: self.revalidation_requested.emit(2),
        )  # fmt: skip
        top.addWidget(self.revalidation_button)
        layout.addLayout(top)

        splitter = QSplitter()
        self.model = LadderModel(self.ladder, self.progress, self)
        self.grid = QTableView()
        self.focus_target = self.grid  # where Ctrl+3 lands: arrows move between subjects
        self.grid.setModel(self.model)
        self.grid.setAccessibleName("QI ladder: subjects and levels")
        self.grid.setAccessibleDescription(
            "A row per subject and a column per level (Learn, Living, Leading); each cell says "
            "how many of its resources you have done, and which level you are at."
        )
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setTabKeyNavigation(False)
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.grid.selectionModel().currentChanged.connect(self._on_cell)
        splitter.addWidget(self.grid)

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        self.subject_text = QLabel()
        self.subject_text.setWordWrap(True)
        self.subject_text.setAccessibleName("Subject")
        panel_layout.addWidget(self.subject_text)
        row = QHBoxLayout()
        self.where_text = QLabel()
        self.where_text.setAccessibleName("Where I am in this subject")
        row.addWidget(self.where_text, 1)
        self.where_button = self._button(
            "Change &where I am…", "Change where I am in this subject", self.change_level
        )
        row.addWidget(self.where_button)
        panel_layout.addLayout(row)
        self.resources_label = QLabel()
        self.resources = QListWidget()
        self.resources.setAccessibleName("Resources at this level")
        self.resources.setAccessibleDescription(
            "Each starts with Next, Done or Not done. Enter records the selected one as done, with "
            "the time it took and a reflection."
        )
        self.resources.setWordWrap(True)
        self.resources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resources_label.setBuddy(self.resources)
        self.resources.currentItemChanged.connect(lambda *_: self._show_resource())
        self.resources.itemActivated.connect(lambda _item: self.mark_selected_done())
        panel_layout.addWidget(self.resources_label)
        panel_layout.addWidget(self.resources, 2)
        self.resource_text = QLabel()
        self.resource_text.setWordWrap(True)
        self.resource_text.setAccessibleName("About this resource")
        self.resource_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.resource_text)
        panel_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        panel_layout.addLayout(
            buttons
        )  # first: a button shown before it has a parent flashes up as a window
        self.done_button = self._button(
            "&Mark as done…", "Mark this resource as done", self.mark_selected_done
        )
        self.undo_button = self._button(
            "Un&do tick", "Undo the tick on this resource", self.undo_selected
        )
        self.copy_button = self._button(
            "Cop&y name", "Copy the name of this resource to find it online", self.copy_selected
        )
        for button in (self.done_button, self.undo_button, self.copy_button):
            buttons.addWidget(button)
        self.copy_button.setVisible(self.allow_links)
        buttons.addStretch(1)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setAccessibleName("History of where I have been in this subject")
        panel_layout.addWidget(self.history)
        # In a scroll area of its own: on a small or magnified screen the panel scrolls as a
        # whole instead of squeezing the subject's text until lines are cut off.
        panel_scroll = QScrollArea()
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        panel_scroll.setWidget(panel)
        splitter.addWidget(panel_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        credit = QLabel(f"<small>{escape(self.ladder.credit)}</small>")
        credit.setWordWrap(True)
        layout.addWidget(credit)

    _button = staticmethod(named_button)

    # -- showing -------------------------------------------------------------------------
    def _column_for(self, row: int) -> int:
        where = self.progress.level_of(self.ladder.subjects[row].id)
        return LEVELS.index(where) + 1 if where in LEVELS else 1

    def _on_cell(self, current, _previous) -> None:
        if not current.isValid():
            return
        self.subject_row = current.row()
        self.level = (
            LEVELS[current.column() - 1]
            if current.column()
            else LEVELS[self._column_for(current.row()) - 1]
        )
        self._show_subject()

    def refresh(self, change: StateChange | None = None) -> None:
        if change is not None and change.section == "ladder":
            self.progress = self.progress.apply(self.store, change)
        elif change is None:
            self.progress = Progress(self.store)
        self.model.set_progress(self.progress)
        from mnhsc_desktop.core.ladder.ladder import revalidation_period
        from mnhsc_desktop.core.revalidation.portfolio import Portfolio
        from mnhsc_desktop.core.revalidation.status import revalidation_status

        s = summarise(self.ladder, self.progress)
        activities = self.culture.activities if self.culture else ()
        if change is None or self.portfolio is None:
            self.portfolio = Portfolio.read(self.store, self.ladder, activities, self.progress)
        else:
            self.portfolio = self.portfolio.apply(
                self.store, change, self.ladder, activities, self.progress
            )
        r = revalidation_status(self.store, self.portfolio, revalidation_period(self.store))
        self.summary.setText(
            f"<b>Resources done:</b> {s.done} of {s.total} &nbsp; "
            f"<b>CPD:</b> {r.cpd_hours:.1f} of 35 hours "
            f"({r.participatory_hours:.1f} of 20 participatory) &nbsp; "
            f"<b>Reflective accounts:</b> {r.accounts} of 5<br>"
            f"Revalidation period: {uk_date(r.period.start, weekday=False)} to "
            f"{uk_date(r.period.end, weekday=False)} (all your CPD, not only the ladder's)"
        )
        self._show_subject()

    def _show_subject(self) -> None:
        subject = self.ladder.subjects[self.subject_row]
        level = self.ladder.level(self.level)
        self.subject_text.setText(
            f"<h2>{escape(subject.name)}</h2><p>{escape(subject.description)}</p>"
            f"<p><b>{level.name}:</b> {escape(level.summary)} <i>{escape(level.heading)}.</i></p>"
        )
        self.subject_text.setToolTip(level.definition)
        history = self.progress.history_of(subject.id)
        where = WHERE_I_AM[self.progress.level_of(subject.id)]
        since = f" since {uk_date(history[-1].date)}" if history else ""
        self.where_text.setText(f"Where I am: <b>{where}</b>{since}")
        if history:
            lines = [
                f"{uk_date(h.date)}: {WHERE_I_AM[h.level]}"
                + (f" — {escape(h.note)}" if h.note else "")
                for h in reversed(history)
            ]
            self.history.setText("<b>History</b><br>" + "<br>".join(lines))
        else:
            self.history.setText("<b>History</b><br>No changes yet.")
        self._fill_resources(subject.id)

    def _fill_resources(self, subject_id: str) -> None:
        resources = self.ladder.resources_for(subject_id, self.level)
        next_up = next((r for r in resources if r.id not in self.progress.done), None)
        texts = [self._resource_line(r, r is next_up) for r in resources]
        ids = [r.id for r in resources]
        shown = [
            self.resources.item(row).data(RESOURCE_ROLE) for row in range(self.resources.count())
        ]
        self.resources.blockSignals(True)
        if shown == ids:  # same list (a tick, an undo): change only the lines that changed
            for row, text in enumerate(texts):
                item = self.resources.item(row)
                if item.text() != text:
                    item.setText(text)
        else:
            selected = self.selected_resource()
            self.resources.clear()
            for resource, text in zip(resources, texts, strict=True):
                item = QListWidgetItem(text)
                item.setData(RESOURCE_ROLE, resource.id)
                self.resources.addItem(item)
                if selected is not None and resource.id == selected.id:
                    self.resources.setCurrentItem(item)
        level_name = self.ladder.level(self.level).name
        self.resources_label.setText(f"Re&sources at {level_name} ({len(resources)}):")
        self.resources.blockSignals(False)
        if self.resources.currentItem() is None and self.resources.count():
            self.resources.setCurrentRow(0)
        self._show_resource()

    def _resource_line(self, resource: LadderResource, is_next: bool) -> str:
        done = self.progress.done.get(resource.id)
        state = f"✓ Done {uk_date(done.date)}" if done else "→ Next" if is_next else "○ Not done"
        about = f"{RESOURCE_TYPES[resource.type]}, about {resource.minutes} min"
        # A general resource is one tick that shows in every subject: say so, or it looks odd.
        shared = self._shared_note(resource)
        return f"{state} — {resource.title} ({about}{shared})"

    def _shared_note(self, resource: LadderResource) -> str:
        count = len(self.ladder.subjects) if "all" in resource.subjects else len(resource.subjects)
        if count <= 1:
            return ""
        return (
            f"; counts in all {count} subjects"
            if "all" in resource.subjects
            else f"; counts in {count} subjects"
        )

    def focus_next_resource(self) -> None:
        """The keyboard on the resource list, at the one marked Next if there is one: Enter
        then logs it (Home's quick way to log a resource or add a reflection)."""
        for row in range(self.resources.count()):
            if self.resources.item(row).text().startswith("→ Next"):
                self.resources.setCurrentRow(row)
                break
        self.resources.setFocus()

    def select_subject(self, subject_id: str, level: str | None = None) -> None:
        row = next((i for i, s in enumerate(self.ladder.subjects) if s.id == subject_id), 0)
        column = LEVELS.index(level) + 1 if level in LEVELS else self._column_for(row)
        self.grid.setCurrentIndex(self.model.index(row, column))

    def select_resource(self, resource_id: str) -> None:
        """Show a resource in the first subject it serves, at its level, and select it."""
        resource = self.ladder.resource(resource_id)
        if resource is None:
            return
        subject = next(
            (s.id for s in self.ladder.subjects if resource.serves(s.id)),
            self.ladder.subjects[0].id,
        )
        self.select_subject(subject, resource.level)
        for row in range(self.resources.count()):
            if self.resources.item(row).data(RESOURCE_ROLE) == resource_id:
                self.resources.setCurrentRow(row)
                return

    def selected_resource(self) -> LadderResource | None:
        item = self.resources.currentItem()
        return self.ladder.resource(item.data(RESOURCE_ROLE)) if item else None

    def _show_resource(self) -> None:
        resource = self.selected_resource()
        enabled = resource is not None
        for button in (self.done_button, self.copy_button):
            button.setEnabled(enabled)
        done = self.progress.done.get(resource.id) if resource else None
        self.undo_button.setEnabled(done is not None)
        self.done_button.setText("&Edit my entry…" if done else "&Mark as done…")
        if resource is None:
            self.resource_text.setText("")
            return
        parts = [f"<b>{escape(resource.title)}</b>", f"<p>{escape(resource.description)}</p>"]
        facts = [
            RESOURCE_TYPES[resource.type],
            resource.provider or "",
            f"about {resource.minutes} minutes",
        ]
        parts.append(f"<p>{' · '.join(escape(f) for f in facts if f)}</p>")
        if resource.needs_internet:
            parts.append(
                "<p><i>Needs the internet: copy its name to find it on a computer that is online.</i></p>"
            )
        parts.append(
            f"<p><small>On the collaborative's page: “{escape(resource.page_text)}”</small></p>"
        )
        if done is not None:
            parts.append(
                f"<p>Done {uk_date(done.date)}, {done.minutes} minutes{', with others' if done.participatory else ''}.</p>"
            )
            if done.learned:
                parts.append(f"<p><b>What I learned:</b> {escape(done.learned)}</p>")
            if done.practice:
                parts.append(f"<p><b>How my practice changed:</b> {escape(done.practice)}</p>")
        self.resource_text.setText("".join(parts))

    def _on_store_change(self, change: StateChange) -> None:
        if change.section in ("ladder", "profile", "culture", "portfolio"):
            self.refresh(change)
