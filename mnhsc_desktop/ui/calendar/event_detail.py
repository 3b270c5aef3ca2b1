"""The detail pane: everything about one event in words, and what can be done with it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import Event, describe_when, uk_date
from mnhsc_desktop.core.calendar.expansion import Occurrence
from mnhsc_desktop.core.calendar.repeat_words import describe_repeat
from mnhsc_desktop.ui.shell.widgets import escape, named_button

NOTHING_SELECTED = "<p>Choose an event in the agenda to see its details here.</p>"


def details_text(occurrence: Occurrence, hidden: bool = False) -> str:
    """Plain text of the details, for the clipboard."""
    event = occurrence.event
    when_event = (
        event
        if not event.repeats
        else event.with_changes(start=occurrence.start, end=occurrence.end, repeat=None, rule="")
    )
    lines = [event.title, describe_when(when_event)]
    facts = [event.kind_label, event.location, event.wave and f"Wave {event.wave}"]
    lines.append(" · ".join(f for f in facts if f))
    if event.repeats:
        lines.append(describe_repeat(event))
    if event.deadline:
        lines.append(f"Deadline: {uk_date(event.deadline)}")
    lines += event.notes
    lines += [f"{r.title} (needs the internet)" for r in event.resources]
    if hidden:
        lines.append("Hidden from your calendar.")
    return "\n".join(line for line in lines if line)


class EventDetail(QWidget):
    export_requested = Signal(object)
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    hide_requested = Signal(object, bool)
    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.occurrence: Occurrence | None = None
        self.hidden = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QLabel(NOTHING_SELECTED)
        self.body.setWordWrap(True)
        self.body.setAccessibleName("Event details")
        self.body.setMinimumWidth(220)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.body)
        page_layout.addStretch(1)
        scroll.setWidget(page)
        layout.addWidget(scroll, 1)

        buttons = QGridLayout()  # wraps onto rows: fits a narrow or magnified window
        self.copy_button = self._button("Cop&y details", "Copy this event's details", self._copy)
        self.export_button = self._button(
            "E&xport this event…",
            "Export this event as a calendar file",
            lambda: self.export_requested.emit(self._event()),
        )
        self.edit_button = self._button(
            "&Edit…", "Edit this event", lambda: self.edit_requested.emit(self._event())
        )
        self.delete_button = self._button(
            "&Delete", "Delete this event", lambda: self.delete_requested.emit(self._event())
        )
        self.hide_button = self._button(
            "Hi&de",
            "Hide this event from my calendar",
            lambda: self.hide_requested.emit(self._event(), not self.hidden),
        )
        for number, button in enumerate(
            (
                self.copy_button,
                self.export_button,
                self.edit_button,
                self.delete_button,
                self.hide_button,
            )
        ):
            buttons.addWidget(button, number // 3, number % 3)
        layout.addLayout(buttons)
        self.show_occurrence(None)

    _button = staticmethod(named_button)

    def _event(self) -> Event | None:
        return self.occurrence.event if self.occurrence else None

    def show_occurrence(self, occurrence: Occurrence | None, hidden: bool = False) -> None:
        self.occurrence, self.hidden = occurrence, hidden
        shown = occurrence is not None
        for button in (self.copy_button, self.export_button, self.hide_button):
            button.setEnabled(shown)
        own = shown and occurrence.event.origin != "shipped"
        self.edit_button.setVisible(own)
        self.delete_button.setVisible(own)
        self.hide_button.setVisible(not own)
        self.hide_button.setText("Show a&gain" if hidden else "Hi&de")
        self.hide_button.setAccessibleName(
            "Show this event again" if hidden else "Hide this event from my calendar"
        )
        if occurrence is None:
            self.body.setText(NOTHING_SELECTED)
            return
        self.body.setText(self._html(occurrence, hidden))

    def _html(self, occurrence: Occurrence, hidden: bool) -> str:
        event = occurrence.event
        when_event = (
            event
            if not event.repeats
            else event.with_changes(
                start=occurrence.start, end=occurrence.end, repeat=None, rule=""
            )
        )
        parts = [
            f"<h2>{escape(event.title)}</h2>",
            f"<p><b>{escape(describe_when(when_event))}</b></p>",
        ]
        facts = [event.kind_label, event.location, event.wave and f"Wave {event.wave}"]
        parts.append(f"<p>{escape(' · '.join(f for f in facts if f))}</p>")
        if event.repeats:
            parts.append(f"<p>{escape(describe_repeat(event))}</p>")
        if event.deadline:
            parts.append(f"<p>Deadline: {escape(uk_date(event.deadline))}</p>")
        parts += [f"<p>{escape(note).replace(chr(10), '<br>')}</p>" for note in event.notes]
        if event.resources:
            items = "".join(
                f"<li>{escape(r.title)} — <i>needs the internet</i></li>" for r in event.resources
            )
            parts.append(f"<p>Resources:</p><ul>{items}</ul>")
        if event.origin == "shipped" and event.page_text:
            parts.append(
                f"<p><small>From the collaborative's calendar: “{escape(event.page_text)}”</small></p>"
            )
        elif event.origin == "imported":
            parts.append("<p><small>Imported from a calendar file.</small></p>")
        else:
            parts.append("<p><small>Your own event.</small></p>")
        if hidden:
            parts.append("<p><b>Hidden</b> from your calendar. “Show again” brings it back.</p>")
        return "".join(parts)

    def _copy(self) -> None:
        if self.occurrence is None:
            return
        QGuiApplication.clipboard().setText(details_text(self.occurrence, self.hidden))
        self.copied.emit("Event details copied.")
