"""The Revalidation tab: the eight NMC requirements with their status on one screen, the
timeline, and the portfolio behind each requirement (logs and forms), for the period on view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.ladder.ladder import LadderFile, date_passed, periods
from mnhsc_desktop.core.revalidation.entries import save_sheet, sheet
from mnhsc_desktop.core.revalidation.portfolio import Portfolio
from mnhsc_desktop.core.revalidation.status import SERVICE, revalidation_status
from mnhsc_desktop.core.store.store import StateChange, Store
from mnhsc_desktop.ui.revalidation.entry_commands import EntryCommands
from mnhsc_desktop.ui.revalidation.log_page import LogPage, day, one_line
from mnhsc_desktop.ui.revalidation.pack_commands import PackCommands
from mnhsc_desktop.ui.revalidation.sheets import SheetPage
from mnhsc_desktop.ui.revalidation.timeline import Timeline
from mnhsc_desktop.ui.shell.widgets import NoticeRow, follow_store, named_button

SECTIONS_FOLLOWED = ("portfolio", "ladder", "culture", "profile")


def _hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class RevalidationTab(EntryCommands, PackCommands, QWidget):
    status = Signal(str)

    def __init__(self, store: Store, ladder: LadderFile | None, culture=None, machine=None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.ladder = ladder
        self.culture = culture
        self.organisation = machine.organisation_name if machine else ""
        self.viewed_period = None  # None: the current period
        self.portfolio: Portfolio | None = None
        self._build()
        self.refresh()
        self.requirements.setCurrentRow(0)
        follow_store(store, self, self._on_store_change)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Revalidation date and period")
        top.addWidget(self.header, 1)
        self.period_button = named_button("Revalidation &date…", "Change my revalidation date",
                                          self.change_period)  # fmt: skip
        self.export_button = named_button("E&xport pack…",
                                          "Export my revalidation pack as PDF, or a log as CSV",
                                          self.export_pack)  # fmt: skip
        self.print_button = named_button("Pri&nt pack…", "Print my revalidation pack",
                                         self.print_pack)  # fmt: skip
        for button in (self.period_button, self.export_button, self.print_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.period_notice = NoticeRow(
            "&Start the next period", "Start the next revalidation period", self.start_next
        )
        layout.addWidget(self.period_notice)
        self.date_notice = NoticeRow(
            "&Set my revalidation date…", "Set my revalidation date", self.change_period
        )
        self.date_notice.text.setText(
            "Your revalidation date is not set yet, so everything is counted for the three years "
            "up to today. Set it once (it is on MyNMC), and the timeline and counts follow it."
        )
        layout.addWidget(self.date_notice)
        viewing = QHBoxLayout()
        self.period_label = QLabel("Viewing the &period:")
        self.period_choice = QComboBox()
        self.period_choice.setAccessibleName("Revalidation period on view")
        self.period_label.setBuddy(self.period_choice)
        self.period_choice.activated.connect(self._choose_viewed_period)
        viewing.addWidget(self.period_label)
        viewing.addWidget(self.period_choice)
        viewing.addStretch(1)
        layout.addLayout(viewing)
        self.timeline = Timeline()
        layout.addWidget(self.timeline)

        splitter = QSplitter()
        self.requirements = QListWidget()
        self.requirements.setAccessibleName("The eight NMC requirements")
        self.requirements.setWordWrap(True)
        self.requirements.setSpacing(3)
        self.requirements.currentRowChanged.connect(self._show_page)
        self.focus_target = self.requirements  # where Ctrl+5 lands
        splitter.addWidget(self.requirements)
        self.pages = QStackedWidget()
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 720])
        layout.addWidget(splitter, 1)
        self._build_pages()
        self.setTabOrder(self.requirements, self.pages)

    def _build_pages(self) -> None:
        hours_page = QWidget()
        hours_layout = QVBoxLayout(hours_page)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        self.hours = LogPage(
            "1. Practice hours",
            "Each stretch of work: 450 hours over the three years (900 if you renew as both "
            "a nurse and a midwife). A stretch counts in the period its last day falls in.",
            [("From", lambda e: day(e.start)), ("To", lambda e: day(e.end)),
             ("Hours", lambda e: _hours(e.hours)), ("Organisation", lambda e: e.organisation),
             ("Work setting", lambda e: e.setting), ("Scope", lambda e: e.scope),
             ("What the work was", lambda e: one_line(e.description))],
            "practice hours", can_import=True,
        )  # fmt: skip
        hours_layout.addWidget(self.hours, 1)
        own = QHBoxLayout()
        self.dual = QCheckBox("I renew as both a nurse and a &midwife (900 hours)")
        self.dual.setAccessibleName("I renew as both a nurse and a midwife (900 hours)")
        self.dual.toggled.connect(self._save_settings)
        self.pin = QLineEdit()
        self.pin.setAccessibleName("My NMC PIN")
        self.pin.setPlaceholderText("For the pack's forms")
        self.pin.editingFinished.connect(self._save_settings)
        pin_label = QLabel("M&y NMC PIN:")
        pin_label.setBuddy(self.pin)
        for widget in (self.dual, pin_label, self.pin):
            own.addWidget(widget)
        own.addStretch(1)
        hours_layout.addLayout(own)
        self.cpd = LogPage(
            "2. Continuing professional development",
            "35 hours, at least 20 of them participatory (learning with others). Ticks on the "
            "QI ladder and team logs in the culture library are here too: editing them here "
            "edits them there.",
            [("Date", lambda e: day(e.date)), ("Topic", lambda e: one_line(e.topic, 60)),
             ("Hours", lambda e: _hours(e.hours)),
             ("Participatory", lambda e: _hours(e.participatory_hours)),
             ("Kept in", lambda e: {"ladder": "QI ladder", "team": "Team log"}.get(e.origin,
                                                                                    "Portfolio")),
             ("Method", lambda e: one_line(e.method, 40)),
             ("Code theme", lambda e: e.code_theme_name)],
            "CPD", can_import=True,
        )  # fmt: skip
        self.feedback = LogPage(
            "3. Practice-related feedback",
            "Five pieces of feedback about your practice: from women and families, colleagues, "
            "audits or appraisals, and what you did with each.",
            [("Date", lambda e: day(e.date)), ("Source", lambda e: e.source),
             ("What it said", lambda e: one_line(e.feedback)),
             ("How I used it", lambda e: one_line(e.used))],
            "feedback", can_import=True,
        )  # fmt: skip
        self.accounts = LogPage(
            "4. Written reflective accounts",
            "Five accounts on the NMC form, each on a piece of CPD, feedback or an event in "
            "your practice. One counts when all four prompts are answered.",
            [("Date", lambda e: day(e.date)), ("Nature", lambda e: one_line(e.nature, 60)),
             ("Code theme", lambda e: e.code_theme_name),
             ("Counts", lambda e: "Yes" if e.complete else "Not yet: a prompt is unanswered")],
            "reflective account",
        )  # fmt: skip
        self.accounts.add_button.setText("&Write a reflective account…")
        self.logs = {"hours": self.hours, "cpd": self.cpd, "feedback": self.feedback,
                     "account": self.accounts}  # fmt: skip
        for kind, page in self.logs.items():
            page.add_requested.connect(lambda k=kind: self.add_entry(k))
            page.edit_requested.connect(lambda entry, k=kind: self.edit_entry(k, entry))
            page.delete_requested.connect(lambda entry, k=kind: self.delete_entry(k, entry))
            page.import_requested.connect(lambda k=kind: self.import_spreadsheet(k))
        self.sheets = {name: SheetPage(self.store, name) for name in
                       ("discussion", "health_and_character", "indemnity", "confirmation")}  # fmt: skip
        for page in (hours_page, self.cpd, self.feedback, self.accounts, *self.sheets.values()):
            self.pages.addWidget(page)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self, change: StateChange | None = None) -> None:
        choices = periods(self.store)
        if self.viewed_period not in choices:
            self.viewed_period = None
        period = self.viewed_period or choices[0]
        if change is None or self.portfolio is None:
            self.portfolio = Portfolio.read(self.store, self.ladder, self.activities())
        else:
            self.portfolio = self.portfolio.apply(
                self.store, change, self.ladder, self.activities()
            )
        self.current = revalidation_status(self.store, self.portfolio, period)
        s = self.current
        past = "" if self.viewed_period is None else " (a past period)"
        unset = not self.store.get("profile", "revalidation_due")
        self.date_notice.setVisible(unset)
        if unset:
            self.header.setText(
                "<b>Revalidation date: not set yet</b> · counting the three years up to today"
            )
        else:
            self.header.setText(
                f"<b>Revalidation date: {uk_date(s.period.end, weekday=False)}</b>{past} · "
                f"period from {uk_date(s.period.start, weekday=False)} · "
                + (f"{s.days_to_revalidation} days to go. " if s.days_to_revalidation >= 0 else "")
                + f"Apply on {SERVICE} from {uk_date(s.window_opens, weekday=False)}."
            )
        self.timeline.setVisible(not unset)
        passed = date_passed(self.store)
        self.period_notice.setVisible(passed is not None)
        if passed is not None:
            self.period_notice.text.setText(
                f"Your revalidation date, {uk_date(passed)}, has passed, so nothing you do now "
                "counts in that period. Start the next one? The period that ended, and all of "
                "its record, stays: choose it under Viewing the period."
            )
        self._fill_periods(choices)
        self.timeline.set_status(s)
        self._fill_requirements()
        inside = self.portfolio.in_period(s.period)
        self.hours.set_entries(inside.hours)
        self.cpd.set_entries(inside.cpd)
        self.feedback.set_entries(inside.feedback)
        self.accounts.set_entries(inside.accounts)
        self.cpd.heading.setText(f"<h2>2. Continuing professional development</h2>"
                                 f"<p>{self._progress_of(2)}</p>")  # fmt: skip
        settings = sheet(self.store, "settings")
        self.dual.blockSignals(True)
        self.dual.setChecked(bool(settings["dual_registration"]))
        self.dual.blockSignals(False)
        if not self.pin.hasFocus():
            self.pin.setText(settings["pin"])
        for page in self.sheets.values():
            page.load()
        self.sheets["confirmation"].set_warning(s.confirmation_warning)

    def _progress_of(self, number: int) -> str:
        requirement = self.current.requirements()[number - 1]
        return f"{'Done' if requirement.done else 'Not yet'}: {requirement.progress}"

    def _fill_periods(self, choices) -> None:
        self.period_choice.blockSignals(True)
        self.period_choice.clear()
        for at, period in enumerate(choices):
            label = (
                f"{uk_date(period.start, weekday=False)} to {uk_date(period.end, weekday=False)}"
            )
            self.period_choice.addItem(label + (" (this period)" if at == 0 else ""))
        shown = choices.index(self.viewed_period) if self.viewed_period in choices else 0
        self.period_choice.setCurrentIndex(shown)
        self.period_choice.blockSignals(False)
        for widget in (self.period_label, self.period_choice):
            widget.setVisible(len(choices) > 1)

    def _choose_viewed_period(self, index: int) -> None:
        choices = periods(self.store)
        self.viewed_period = choices[index] if 0 < index < len(choices) else None
        self.refresh()

    def _fill_requirements(self) -> None:
        row = self.requirements.currentRow()
        self.requirements.blockSignals(True)
        self.requirements.clear()
        for requirement in self.current.requirements():
            mark = "✓ Done" if requirement.done else "○ Not yet"
            detail = (
                "" if requirement.progress in ("Done", "Not yet") else f": {requirement.progress}"
            )
            text = f"{requirement.number}. {requirement.name}\n      {mark}{detail}"
            item = QListWidgetItem(text)
            item.setToolTip(requirement.note or text)
            self.requirements.addItem(item)
        self.requirements.setCurrentRow(max(row, 0))
        self.requirements.blockSignals(False)

    def _show_page(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentIndex(row)

    def show_requirement(self, number: int) -> None:
        self.requirements.setCurrentRow(number - 1)

    def _save_settings(self) -> None:
        settings = sheet(self.store, "settings")
        values = {"dual_registration": self.dual.isChecked(), "pin": self.pin.text().strip()}
        if values != {k: settings[k] for k in values}:
            save_sheet(self.store, "settings", values)

    def flush(self) -> None:
        """Save what is being typed in a form now (the window is closing)."""
        for page in self.sheets.values():
            page.save()
        self._save_settings()  # the PIN is saved when its box is left, which closing is not

    def _on_store_change(self, change: StateChange) -> None:
        if change.section in SECTIONS_FOLLOWED:
            self.refresh(change)
