"""Run mode: a plan full screen on the projector, large type, a countdown per item, and a clear
signal when time is up (words and colour, no sound). Arrow keys, Page Up/Down (clickers send
these), space to pause, B to blank the screen, Esc to leave. With a presenter view
(presenter.py) its session drives this window."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mnhsc_desktop.core.culture.culture import Activity
from mnhsc_desktop.core.culture.plans import Plan
from mnhsc_desktop.core.culture.session_clock import RunClock
from mnhsc_desktop.ui.shell.widgets import escape


def _font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


class RunWindow(QWidget):
    def __init__(
        self,
        plan: Plan,
        activities: dict[str, Activity],
        clock: Callable[[], float] = time.monotonic,
        run: RunClock | None = None,
        controller=None,
    ):
        super().__init__()
        self.setWindowTitle(f"Running: {plan.name}")
        self.setAccessibleName("Run mode")
        self.activities = activities
        self.clock = clock
        self.run = run or RunClock(plan, clock())
        self.controller = controller  # the presenter view's session, which the keys then drive
        self.blank = False
        self.setAutoFillBackground(True)
        self.normal = QPalette(self.palette())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        self.position = QLabel()
        self.position.setFont(_font(self, 1.6))
        self.title = QLabel()
        self.title.setFont(_font(self, 3.0, bold=True))
        self.title.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setFont(_font(self, 6.0, bold=True))
        self.countdown.setAccessibleName("Time left")
        self.state = QLabel()
        self.state.setFont(_font(self, 2.0, bold=True))
        self.prompts = QLabel()
        self.prompts.setFont(_font(self, 2.0))
        self.prompts.setWordWrap(True)
        self.help = QLabel(
            "→ or Page Down: next   ← or Page Up: back   Space: pause   B: blank   Esc: leave"
        )
        self.help.setFont(_font(self, 1.2))
        for widget in (self.position, self.title, self.countdown, self.state, self.prompts):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.help)
        self.labels = (
            self.position,
            self.title,
            self.countdown,
            self.state,
            self.prompts,
            self.help,
        )
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        if controller is None:  # with a presenter view, its session drives both windows
            self.timer.start(250)
        self._shown_index = -1
        self.refresh()

    def set_blank(self, on: bool) -> None:
        """B: the room's screen goes black (a discussion, a break) and the place is kept."""
        self.blank = on
        for label in self.labels:
            label.setVisible(not on)
        self.refresh()

    def refresh(self) -> None:
        now = self.clock()
        run = self.run
        item = run.item
        if item is None:
            return
        if run.index != self._shown_index:
            self._shown_index = run.index
            self.position.setText(f"{run.index + 1} of {len(run.plan.items)} · {run.plan.name}")
            self.title.setText(item.title)
            activity = self.activities.get(item.activity_id or "")
            prompts = activity.prompts if activity else ()
            self.prompts.setText("".join(f"<p>• {escape(p)}</p>" for p in prompts))
        remaining = max(0, int(run.remaining(now) + 0.999))
        self.countdown.setText(f"{remaining // 60:02d}:{remaining % 60:02d}")
        up = run.time_up(now)
        if up:
            self.state.setText("Time is up — press → for the next item")
        else:
            self.state.setText("Paused — press Space to carry on" if run.paused else "")
        # Time up: the words say it; the colours swap to the selection colours as well, so it is
        # seen from the back of the room.
        palette = QPalette(self.normal)
        if self.blank:
            palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
        elif up:
            palette.setColor(
                QPalette.ColorRole.Window, self.normal.color(QPalette.ColorRole.Highlight)
            )
            palette.setColor(
                QPalette.ColorRole.WindowText, self.normal.color(QPalette.ColorRole.HighlightedText)
            )
        self.setPalette(palette)
        self.time_is_up = up

    def resizeEvent(self, event) -> None:
        """Type scales with the screen: readable from the back of a room on any projector."""
        height = max(self.height(), 300)
        sizes = ((self.position, 32, False), (self.title, 13, True), (self.countdown, 4.5, True),
                 (self.state, 18, True), (self.prompts, 20, False), (self.help, 40, False))  # fmt: skip
        for widget, share, bold in sizes:
            font = QFont(widget.font())
            font.setPixelSize(int(height / share))
            font.setBold(bold)
            widget.setFont(font)
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.controller is not None and self.controller.handle_key(event.key()):
            return
        key = event.key()
        now = self.clock()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self.run.go(1, now)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.run.go(-1, now)
        elif key == Qt.Key.Key_Space:
            self.run.toggle_pause(now)
        elif key == Qt.Key.Key_B:
            self.set_blank(not self.blank)
        elif key == Qt.Key.Key_Escape:
            self.close()
            return
        else:
            super().keyPressEvent(event)
            return
        self.refresh()
