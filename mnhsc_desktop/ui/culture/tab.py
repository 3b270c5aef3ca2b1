"""The Culture library tab: every activity, searchable and filterable, favourites, and the team log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.culture.culture import (
    NEEDS,
    SCORE_DOMAINS,
    TAGS,
    TYPES,
    WHO,
    Activity,
    CultureFile,
    CultureFilter,
    add_log_entry,
    favourites,
    log_entries,
    remove_log_entry,
    search,
    set_favourite,
)
from mnhsc_desktop.core.store.store import StateChange, Store
from mnhsc_desktop.ui.culture.activity_model import ACTIVITY_ROLE, ActivityModel, describe
from mnhsc_desktop.ui.shell.widgets import escape, follow_store, named_button, search_box


class CultureTab(QWidget):
    status = Signal(str)
    kudos_requested = Signal()

    def __init__(self, culture: CultureFile, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.culture = culture
        self.store = store
        self._build()
        self.refresh()
        if self.model.rows:
            self.list.setCurrentIndex(self.model.index(0, 0))
        follow_store(store, self, self._on_store_change)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.culture.introduction[0])
        intro.setWordWrap(True)
        intro.setToolTip("\n\n".join(self.culture.introduction))
        intro.setAccessibleName("What safety culture means")
        layout.addWidget(intro)
        filters = QHBoxLayout()
        label = QLabel("&Search:")
        self.search = search_box("Search activities", "Title, purpose or prompts")
        self.focus_target = self.search  # where Ctrl+4 lands: type to find an activity
        label.setBuddy(self.search)
        filters.addWidget(label)
        filters.addWidget(self.search, 2)
        self.favourites_only = QCheckBox("Favour&ites")
        self.favourites_only.setAccessibleName("Show favourites only")
        filters.addWidget(self.favourites_only)
        layout.addLayout(filters)
        filters = QHBoxLayout()  # a second row, so the tab fits a small or magnified screen
        self.type = self._combo(filters, "T&ype:", "Any type", TYPES)
        self.who = self._combo(filters, "&Who:", "Anyone", WHO)
        minutes_label = QLabel("Up to:")
        self.max_minutes = QSpinBox()
        self.max_minutes.setRange(0, 600)
        self.max_minutes.setSingleStep(5)
        self.max_minutes.setSpecialValueText("any length")
        self.max_minutes.setSuffix(" min")
        self.max_minutes.setAccessibleName("Longest activity, in minutes")
        minutes_label.setBuddy(self.max_minutes)
        filters.addWidget(minutes_label)
        filters.addWidget(self.max_minutes)
        filters.addStretch(1)
        layout.addLayout(filters)
        filters = QHBoxLayout()
        self.tag = self._combo(filters, "&Topic:", "Any topic", TAGS)
        self.domain = self._combo(filters, "SCORE:", "Any SCORE domain", SCORE_DOMAINS)
        filters.addStretch(1)
        layout.addLayout(filters)

        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = ActivityModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName("Activities")
        self.list.setAccessibleDescription(
            "Activities that match the filters above; the selected one is described beside "
            "the list. Drag one onto the Session plan tab's list, or add it there with its button."
        )
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        left_layout.addWidget(self.list, 1)
        self.count = QLabel()
        self.count.setAccessibleName("Number of activities shown")
        left_layout.addWidget(self.count)
        splitter.addWidget(left)

        self.sides = QTabWidget()
        self.sides.setAccessibleName("Activity and session plan")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("About this activity")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        right_layout.addWidget(scroll, 1)
        from mnhsc_desktop.ui.culture.attachments_panel import AttachmentsPanel

        self.attachments = AttachmentsPanel(self.store)
        self.attachments.status.connect(self.status.emit)
        right_layout.addWidget(self.attachments)
        buttons = QGridLayout()  # wraps onto rows: fits a narrow or magnified window
        self.favourite_button = self._button(
            "Add to &my favourites", "Add this activity to my favourites", self.toggle_favourite
        )
        self.log_button = self._button(
            "&Log: done with my team…", "Log that I did this activity with my team", self.log_done
        )
        self.undo_log_button = self._button(
            "Remove last lo&g entry",
            "Remove the last log entry for this activity",
            self.remove_last_entry,
        )
        self.kudos_button = self._button(
            "Print &Kudos cards…", "Print Kudos cards", lambda: self.kudos_requested.emit()
        )
        self.excellence_button = self._button(
            "Learning from E&xcellence form…",
            "Fill in and print a Learning from Excellence form",
            self.excellence_form,
        )
        for number, button in enumerate(
            (
                self.favourite_button,
                self.log_button,
                self.undo_log_button,
                self.kudos_button,
                self.excellence_button,
            )
        ):
            buttons.addWidget(button, number // 2, number % 2)
        right_layout.addLayout(buttons)
        self.sides.addTab(right, "A&bout the activity")
        from mnhsc_desktop.ui.culture.planner import PlannerPanel

        self.planner = PlannerPanel(self.store, self.culture.activities, self.selected)
        self.planner.status.connect(self.status.emit)
        self.planner.run_requested.connect(self.run_plan)
        self.planner.handout_requested.connect(self.handout)
        self.sides.addTab(self.planner, "Sessio&n plan")
        from mnhsc_desktop.ui.culture.pulse_page import PulsePage

        self.pulse = PulsePage(
            self.store, lambda: self.planner.plan.name if self.planner.plan else ""
        )
        self.pulse.status.connect(self.status.emit)
        self.sides.addTab(self.pulse, "Team pulse")
        splitter.addWidget(self.sides)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.refresh)
        for combo in (self.type, self.who, self.tag, self.domain):
            combo.currentIndexChanged.connect(self.refresh)
        self.max_minutes.valueChanged.connect(self.refresh)
        self.favourites_only.toggled.connect(self.refresh)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show())

    def _combo(
        self, row: QHBoxLayout, label_text: str, everything: str, choices: dict[str, str]
    ) -> QComboBox:
        label = QLabel(label_text)
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.addItem(everything, None)
        for key, text in choices.items():
            combo.addItem(text, key)
        combo.setAccessibleName(label_text.replace("&", "").rstrip(":"))
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        return combo

    _button = staticmethod(named_button)

    # -- showing -------------------------------------------------------------------------
    def current_filter(self) -> CultureFilter:
        return CultureFilter(
            text=self.search.text(),
            type=self.type.currentData(),
            who=self.who.currentData(),
            max_minutes=self.max_minutes.value() or None,
            tag=self.tag.currentData(),
            domain=self.domain.currentData(),
            favourites_only=self.favourites_only.isChecked(),
        )

    def refresh(self) -> None:
        selected = self.selected()
        marked = favourites(self.store)
        rows = search(self.culture.activities, self.current_filter(), marked)
        self.model.set_rows(rows, marked)
        count = len(rows)
        self.count.setText(
            f"{count} activit{'ies' if count != 1 else 'y'}"
            if count
            else "No activities match; clear a filter."
        )
        if selected is not None and selected in rows:
            self.list.setCurrentIndex(self.model.index(rows.index(selected), 0))
        elif rows:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._show()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select(self, activity_id: str) -> None:
        """Show one activity, clearing filters that hide it."""
        if not any(a.id == activity_id for a in self.model.rows):
            self.search.clear()
            for combo in (self.type, self.who, self.tag, self.domain):
                combo.setCurrentIndex(0)
            self.max_minutes.setValue(0)
            self.favourites_only.setChecked(False)
        for row, activity in enumerate(self.model.rows):
            if activity.id == activity_id:
                self.list.setCurrentIndex(self.model.index(row, 0))
                return

    def selected(self) -> Activity | None:
        index = self.list.currentIndex()
        return self.model.data(index, ACTIVITY_ROLE) if index.isValid() else None

    def _show(self) -> None:
        activity = self.selected()
        for button in (self.favourite_button, self.log_button):
            button.setEnabled(activity is not None)
        if activity is None:
            self.detail.setText("<p>Choose an activity to see what it involves.</p>")
            self.undo_log_button.setEnabled(False)
            return
        self.attachments.show_activity(activity.id)
        is_favourite = activity.id in favourites(self.store)
        self.favourite_button.setText(
            "Remove from &my favourites" if is_favourite else "Add to &my favourites"
        )
        entries = log_entries(self.store, activity.id)
        self.undo_log_button.setEnabled(bool(entries))
        parts = [
            f"<h2>{escape(activity.title)}</h2>",
            f"<p><i>{escape(activity.intent)}</i></p>",
            f"<p>{escape(describe(activity))}</p>",
        ]
        parts.append(
            "<p><b>Topics:</b> " + escape(", ".join(TAGS[t] for t in activity.tags)) + "<br>"
        )
        parts.append(
            "<b>SCORE domains:</b> "
            + escape(", ".join(SCORE_DOMAINS[d] for d in activity.score))
            + "</p>"
        )
        needs = ", ".join(NEEDS[n] for n in activity.needs) or "nothing but the people"
        parts.append(f"<p><b>Needs:</b> {escape(needs)}</p>")
        if activity.prompts:
            items = "".join(f"<li>{escape(p)}</li>" for p in activity.prompts)
            parts.append(f"<p><b>To talk about:</b></p><ul>{items}</ul>")
        if activity.notes:
            parts.append(f"<p><b>For the facilitator:</b> {escape(activity.notes)}</p>")
        if activity.resources:
            parts.append(
                "<p><b>Resources</b> (on the internet): "
                + escape("; ".join(activity.resources))
                + "</p>"
            )
        parts.append(
            f"<p><small>On the collaborative's page: “{escape(activity.page_text)}”</small></p>"
        )
        if entries:
            done = "".join(
                f"<li>{uk_date(e.date)}: {e.people} people, {e.minutes} min"
                + (f" — {escape(e.note)}" if e.note else "")
                + "</li>"
                for e in entries
            )
            parts.append(
                f"<p><b>Done with my team</b> (counted as participatory CPD):</p><ul>{done}</ul>"
            )
        self.detail.setText("".join(parts))

    def _on_store_change(self, change: StateChange) -> None:
        if change.section == "culture":
            self.refresh()

    # -- changes ---------------------------------------------------------------------------
    def toggle_favourite(self) -> None:
        activity = self.selected()
        if activity is not None:
            on = activity.id not in favourites(self.store)
            set_favourite(self.store, activity.id, on)
            self.status.emit(
                f"{'Added to' if on else 'Removed from'} favourites: {activity.title}."
            )

    def log_done(self) -> None:
        from mnhsc_desktop.ui.culture.dialogs import LogDialog

        activity = self.selected()
        if activity is None:
            return
        dialog = LogDialog(self, activity)
        if dialog.exec():
            add_log_entry(self.store, dialog.entry())
            self.status.emit(
                f"Logged: {activity.title}. It counts as participatory CPD in your learning record."
            )

    def remove_last_entry(self) -> None:
        activity = self.selected()
        entries = log_entries(self.store, activity.id) if activity else []
        if not entries:
            return
        latest = entries[0]
        answer = QMessageBox.question(
            self,
            "Remove log entry",
            f"Remove the entry of {uk_date(latest.date)} for “{activity.title}”? Edit > Undo "
            "(Ctrl+Z) brings it back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            remove_log_entry(self.store, latest)
            self.status.emit("Log entry removed. Ctrl+Z brings it back.")

    # -- sessions ------------------------------------------------------------------------------
    def run_plan(self, plan) -> None:
        """Full screen for the room; with a second screen, the facilitator's presenter view
        there, after asking which screen the room sees (remembered for these screens)."""
        from PySide6.QtWidgets import QInputDialog

        from mnhsc_desktop.core.culture.screens import choose, setup_key
        from mnhsc_desktop.ui.culture.presenter import Session, system_screens

        infos = [info for info, _screen in system_screens()]
        audience = None
        if len(infos) > 1:
            suggested, _presenter = choose(
                infos, self.store.get("window", f"projector/{setup_key(infos)}")
            )
            words = [info.words() for info in infos]
            names = [info.name for info in infos]
            chosen, ok = QInputDialog.getItem(
                self, "Which screen does the room see?",
                "Show the session full screen on (your presenter view goes on the other):",
                words, names.index(suggested), False,
            )  # fmt: skip
            if not ok:
                return
            audience = names[words.index(chosen)]
        self.session = Session(plan, {a.id: a for a in self.culture.activities}, self.store)
        self.session.start(audience)

    def handout(self, plan, how: str) -> None:
        from mnhsc_desktop.core.culture.plans import handout_html
        from mnhsc_desktop.ui.shell.pdf import print_or_save_html

        html = handout_html(plan, {a.id: a for a in self.culture.activities})
        if message := print_or_save_html(self, html, how, "Handout", f"{plan.name}.pdf", plan.name):
            self.status.emit(message)

    def excellence_form(self) -> None:
        from mnhsc_desktop.ui.culture.dialogs import ExcellenceDialog

        dialog = ExcellenceDialog(self)
        if dialog.exec():
            self.print_form(dialog.html(), dialog.choice)

    def print_form(self, html: str, how: str) -> None:
        from mnhsc_desktop.ui.shell.pdf import print_or_save_html

        title = "Learning from Excellence"
        if message := print_or_save_html(
            self, html, how, "Form", "learning-from-excellence.pdf", title
        ):
            self.status.emit(message)
