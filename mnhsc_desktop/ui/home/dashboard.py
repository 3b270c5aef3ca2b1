"""Home's dashboard: what's next in the programme, where I stand on the ladder, my revalidation
(what is done and what is missing), and the quickest ways on. Each block links to its tab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from mnhsc_desktop.core.content.content import Content
from mnhsc_desktop.core.store.store import StateChange, Store
from mnhsc_desktop.ui.shell.widgets import escape, follow_store, named_button


def _block(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    label = QLabel(f"<b>{escape(title)}</b>")
    layout.addWidget(label)
    return frame, layout


class Dashboard(QWidget):
    event_requested = Signal(str)
    calendar_requested = Signal()
    import_requested = Signal()
    ladder_requested = Signal()
    record_requested = Signal()
    revalidation_requested = Signal(int)  # the requirement to show (0: the tab as it was)
    first_filled = Signal()  # Home adds what else it shows after the window first paints

    def __init__(self, content: Content, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.store = store
        self.today = dt.date.today  # replaced in tests
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        coming, coming_layout = _block("Coming up")
        self.coming = QLabel("Looking at the calendar…")
        self.coming.setWordWrap(True)
        self.coming.setAccessibleName("Coming up in the calendar")
        coming_layout.addWidget(self.coming)
        self.coming_layout = coming_layout
        self.event_buttons: list[QWidget] = []  # one per upcoming event, opening it in its tab
        self.calendar_button = self._button(
            "Open the calen&dar", "Open the calendar", self.calendar_requested.emit
        )
        self.import_button = self._button(
            "&Import a newer calendar…", "Import a newer calendar", self.import_requested.emit
        )
        coming_layout.addWidget(self.calendar_button)
        coming_layout.addWidget(self.import_button)
        coming_layout.addStretch(1)
        progress, progress_layout = _block("My QI progress")
        self.progress = QLabel("Adding up your progress…")
        self.progress.setWordWrap(True)
        self.progress.setAccessibleName("My QI progress")
        progress_layout.addWidget(self.progress)
        self.ladder_button = self._button(
            "Open the QI &ladder (log a resource, add a reflection)",
            "Open the QI ladder",
            self.ladder_requested.emit,
        )
        progress_layout.addWidget(self.ladder_button)
        progress_layout.addStretch(1)
        revalidation, revalidation_layout = _block("My NMC revalidation")
        self.revalidation = QLabel("Adding up your portfolio…")
        self.revalidation.setWordWrap(True)
        self.revalidation.setAccessibleName("My NMC revalidation")
        revalidation_layout.addWidget(self.revalidation)
        self.revalidation_button = self._button(
            "&Show my revalidation (hours, CPD, feedback, reflections)",
            "Open my revalidation",
            lambda: self.revalidation_requested.emit(self.first_missing),
        )
        self.record_button = self._button(
            "E&xport my revalidation pack…", "Export my revalidation pack",
            self.record_requested.emit,
        )  # fmt: skip
        revalidation_layout.addWidget(self.revalidation_button)
        revalidation_layout.addWidget(self.record_button)
        self.first_missing = 0
        grid.addWidget(coming, 0, 0)
        grid.addWidget(progress, 0, 1)
        grid.addWidget(revalidation, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.stale = True  # filled when next painted
        self._refreshed = False
        follow_store(store, self, self._on_store_change)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Filled just after Home paints: the window appears without waiting for the calendar and
        # ladder to be summarised (about 25 ms), and a tick on the ladder tab costs nothing here
        # until Home is seen again.
        if self.stale:
            self.stale = False
            QTimer.singleShot(0, self.refresh)
        super().paintEvent(event)

    _button = staticmethod(named_button)

    def refresh(self) -> None:
        first = not self._refreshed
        self._refreshed = True
        self.stale = False
        self._show_coming()
        self._show_progress()
        if first:
            self.first_filled.emit()

    def _show_coming(self) -> None:
        from mnhsc_desktop.core.calendar.calendar import next_occurrences, stored_events
        from mnhsc_desktop.core.calendar.events import describe_when, from_shipped, uk_date

        calendar = self.content.calendar
        hidden = set(self.store.get("calendar", "hidden", []))
        shipped = [from_shipped(item) for item in calendar.events] if calendar else []
        events = [e for e in shipped if e.key not in hidden] + stored_events(self.store)
        today = self.today()
        upcoming = next_occurrences(events, today, 3)
        self.import_button.setVisible(not upcoming)
        for button in self.event_buttons:
            self.coming_layout.removeWidget(button)
            button.deleteLater()
        self.event_buttons = []
        self.coming.setVisible(not upcoming)
        if upcoming:
            for at, o in enumerate(upcoming, start=1):
                event = (
                    o.event
                    if not o.event.repeats
                    else o.event.with_changes(start=o.start, end=o.end, repeat=None, rule="")
                )
                button = self._event_button(
                    o.event.key, o.event.title, describe_when(event), event.location
                )
                self.coming_layout.insertWidget(at, button)
                self.event_buttons.append(button)
        else:
            last = max((e.end for e in events), default=None)
            ended = f" The calendar in this app ends on {uk_date(last)}." if last else ""
            self.coming.setText(
                f"Nothing coming up.{ended} Import a newer calendar from your trust or the collaborative."
            )

    def _event_button(self, key: str, title: str, when: str, location: str) -> QWidget:
        """A command link: the title, then when and where; a click or Enter opens the event in
        the calendar with the keyboard on it."""
        from PySide6.QtWidgets import QCommandLinkButton

        where = f" · {location}" if location else ""
        button = QCommandLinkButton(title.replace("&", "&&"), f"{when}{where}")
        button.setAccessibleName(f"{title}, {when}{where}")
        button.setAccessibleDescription("Opens this event in the calendar")
        button.clicked.connect(lambda _checked=False: self.event_requested.emit(key))
        return button

    def _show_progress(self) -> None:
        ladder = self.content.ladder
        self._show_revalidation()
        if ladder is None:
            self.progress.setText("The QI ladder's content could not be loaded.")
            return
        from mnhsc_desktop.core.ladder.ladder import LEVELS, WHERE_I_AM, Progress, summarise

        s = summarise(ladder, Progress(self.store))
        counts = {level: sum(1 for v in s.levels.values() if v == level) for level in LEVELS}
        levels = (
            ", ".join(
                f"{WHERE_I_AM[level]} in {n} subject{'s' if n != 1 else ''}"
                for level, n in counts.items()
                if n
            )
            or "not started in any subject yet"
        )
        self.progress.setText(f"Levels: {levels}.<br>Resources done: {s.done} of {s.total}.")

    def _show_revalidation(self) -> None:
        """The eight requirements in one line each that is still missing: the same status the
        Revalidation tab, the pack and the command line show."""
        from mnhsc_desktop.core.calendar.events import uk_date
        from mnhsc_desktop.core.ladder.ladder import date_passed
        from mnhsc_desktop.core.revalidation.status import status_now

        activities = self.content.culture.activities if self.content.culture else ()
        _portfolio, status = status_now(self.store, self.content.ladder, activities,
                                        today=self.today())  # fmt: skip
        missing = status.missing
        self.first_missing = missing[0].number if missing else 0
        met = 8 - len(missing)
        days = status.days_to_revalidation
        when = f"{days} days to go" if days >= 0 else "the date has passed"
        if self.store.get("profile", "revalidation_due"):
            lines = [f"<b>{met} of 8 requirements met</b> · revalidation date "
                     f"{uk_date(status.period.end, weekday=False)} ({when})."]  # fmt: skip
        else:
            lines = [f"<b>{met} of 8 requirements met</b> · your revalidation date is not set "
                     "yet (counting the three years up to today)."]  # fmt: skip
        if missing:
            lines.append("Still to do: " + "; ".join(
                f"{r.name.lower()} ({r.progress.lower()})" if r.progress not in ("Not yet",)
                else r.name.lower() for r in missing) + ".")  # fmt: skip
        if passed := date_passed(self.store, self.today()):
            lines.append(f"<b>Your revalidation date, {uk_date(passed)}, has passed:</b> start "
                         "the next period on the Revalidation tab.")  # fmt: skip
        self.revalidation.setText("<br>".join(lines))

    def _on_store_change(self, change: StateChange) -> None:
        if change.section in ("calendar", "ladder", "culture", "profile", "portfolio"):
            self.stale = True
            self.update()  # repaints, and so refreshes, only if Home is on screen
