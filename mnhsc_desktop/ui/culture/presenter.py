"""Running a session on two screens: the room sees the activity and its countdown full screen on
the projector; the facilitator sees, on her own screen, what is on now, how long is left or how
far over it is (in words and colour), what is next, her notes and prompts, and the session's
clock against its planned end, with pause, skip, back, five more minutes and a blank screen.

One RunClock drives both windows; the same keys work in either (clickers send Page Up/Down;
B blanks the room's screen). Screens plugged in or out mid-session move the views, never the
place in the session.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from mnhsc_desktop.core.culture.plans import Plan
from mnhsc_desktop.core.culture.screens import (
    ScreenInfo,
    after_change,
    choose,
    setup_key,
    unique_names,
)
from mnhsc_desktop.core.culture.session_clock import RunClock
from mnhsc_desktop.ui.culture.run_mode import RunWindow, _font
from mnhsc_desktop.ui.shell.widgets import escape, named_button

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up)


def system_screens() -> list[tuple[ScreenInfo, object]]:
    """The screens plugged in now, each named so that no two share a name."""
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    names = unique_names([screen.name() for screen in screens])
    return [(ScreenInfo(name, s.size().width(), s.size().height(), s is primary), s)
            for name, s in zip(names, screens, strict=True)]  # fmt: skip


class PresenterWindow(QWidget):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(f"Presenter view: {session.run.plan.name}")
        self.setAccessibleName("Presenter view")
        self.setAutoFillBackground(True)
        self.normal = QPalette(self.palette())
        layout = QVBoxLayout(self)
        self.now = QLabel()
        self.now.setFont(_font(self, 1.8, bold=True))
        self.now.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setFont(_font(self, 3.5, bold=True))
        self.countdown.setAccessibleName("Time left on this item")
        self.over = QLabel()
        self.over.setFont(_font(self, 1.6, bold=True))
        self.over.setAccessibleName("Overrun")
        self.next = QLabel()
        self.next.setFont(_font(self, 1.3))
        self.next.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setFont(_font(self, 1.3))
        self.clock.setWordWrap(True)
        self.clock.setAccessibleName("Session clock")
        self.notes = QLabel()
        self.notes.setFont(_font(self, 1.2))
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notes.setAccessibleName("Notes and prompts")
        notes_area = QScrollArea()
        notes_area.setWidgetResizable(True)
        notes_area.setWidget(self.notes)
        for widget in (self.now, self.countdown, self.over, self.next, self.clock):
            layout.addWidget(widget)
        layout.addWidget(notes_area, 1)
        buttons = QGridLayout()
        self.buttons = {}
        for at, (name, text, keys, slot) in enumerate((
            ("back", "&Back", "← or Page Up", lambda: session.step(-1)),
            ("pause", "&Pause", "Space", session.toggle_pause),
            ("next", "&Next", "→ or Page Down", lambda: session.step(1)),
            ("more", "+&5 minutes", "+", session.five_more),
            ("blank", "Blan&k the room's screen", "B", session.toggle_blank),
            ("end", "&End the session", "Esc", session.end),
        )):  # fmt: skip
            button = named_button(text, f"{text.replace('&', '')} ({keys})", slot)
            button.setToolTip(keys)
            buttons.addWidget(button, at // 3, at % 3)
            self.buttons[name] = button
        layout.addLayout(buttons)

    def refresh(self, now: float) -> None:
        run = self.session.run
        item = run.item
        if item is None:
            return
        self.now.setText(f"Now ({run.index + 1} of {len(run.plan.items)}): {item.title}")
        left = max(0, int(run.remaining(now) + 0.999))
        self.countdown.setText(f"{left // 60:02d}:{left % 60:02d} left")
        over = run.overrun_words(now)
        self.over.setText(f"Over time: {over}" if over else ("Paused" if run.paused else ""))
        nxt = run.next_item
        self.next.setText(f"Next: {nxt.title} ({nxt.minutes} min)" if nxt else "Next: the end")
        self.clock.setText(f"Session: {run.drift_words(now)}; {run.planned_end_words(now)}"
                           + ("  ·  the room's screen is blank" if self.session.blank else ""))  # fmt: skip
        activity = self.session.activities.get(item.activity_id or "")
        notes = [activity.notes] if activity and activity.notes else []
        prompts = activity.prompts if activity else ()
        self.notes.setText("".join(f"<p>{escape(n)}</p>" for n in notes)
                           + "".join(f"<p>• {escape(p)}</p>" for p in prompts)
                           or "<p>No notes for this item.</p>")  # fmt: skip
        self.buttons["pause"].setText("Carry &on" if run.paused else "&Pause")
        self.buttons["blank"].setText("Show the room's screen &again" if self.session.blank
                                      else "Blan&k the room's screen")  # fmt: skip
        palette = QPalette(self.normal)
        if over:  # said in words above; the colour is for a glance from across the room
            palette.setColor(
                QPalette.ColorRole.Window, self.normal.color(QPalette.ColorRole.Highlight)
            )
            palette.setColor(QPalette.ColorRole.WindowText,
                             self.normal.color(QPalette.ColorRole.HighlightedText))  # fmt: skip
        self.setPalette(palette)

    def keyPressEvent(self, event) -> None:
        if not self.session.handle_key(event.key()):
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.session.end()
        super().closeEvent(event)


class Session(QObject):
    """A plan being run: one clock, the room's window and (with a second screen) the presenter's."""

    def __init__(self, plan: Plan, activities: dict, store, clock: Callable[[], float] = time.monotonic,
                 screens: Callable[[], list[tuple[ScreenInfo, object]]] = system_screens) -> None:  # fmt: skip
        super().__init__()
        self.store, self.activities, self.clock, self.screens = store, activities, clock, screens
        self.run = RunClock(plan, clock())
        self.blank = False
        self.ended = False
        self.room = RunWindow(plan, activities, clock, run=self.run, controller=self)
        self.presenter = PresenterWindow(self)
        self.audience_screen, self.presenter_screen = "", None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        app = QGuiApplication.instance()
        # Methods, not lambdas: the connections go with the session (a lambda would keep every
        # ended session alive, answering to screens for the rest of the day).
        app.screenAdded.connect(self._screen_added)
        app.screenRemoved.connect(self._screen_removed)

    def _screen_added(self, _screen) -> None:
        self.screens_changed()

    def _screen_removed(self, _screen) -> None:
        QTimer.singleShot(0, self.screens_changed)  # once Qt has moved the windows off it

    # -- screens -----------------------------------------------------------------------------
    def start(self, audience: str | None = None) -> None:
        """Show the session: on `audience` (a screen's name) or the one remembered for these
        screens, with the presenter view on another screen when there is one."""
        infos = [info for info, _screen in self.screens()]
        key = f"projector/{setup_key(infos)}"
        remembered = audience or self.store.get("window", key)
        self.audience_screen, self.presenter_screen = choose(infos, remembered)
        if audience and len(infos) > 1:
            self.store.set("window", key, audience)
        self._place()
        self.timer.start(250)
        self.refresh()

    def screens_changed(self) -> None:
        if self.ended:
            return
        infos = [info for info, _screen in self.screens()]
        self.audience_screen, self.presenter_screen = after_change(
            infos, self.audience_screen, self.presenter_screen)  # fmt: skip
        self._place()
        self.refresh()

    def _place(self) -> None:
        by_name = {info.name: screen for info, screen in self.screens()}
        self._show_on(self.room, by_name.get(self.audience_screen), full=True)
        if self.presenter_screen is None:
            self.presenter.hide()  # one screen: the room's view only, as before
        else:
            self._show_on(self.presenter, by_name.get(self.presenter_screen), full=False)

    @staticmethod
    def _show_on(window: QWidget, screen, full: bool) -> None:
        if screen is not None and hasattr(screen, "geometry"):
            window.setScreen(screen)
            window.setGeometry(screen.availableGeometry())
        if full:
            window.showFullScreen()
        else:
            window.showMaximized()

    # -- commands ----------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.clock()
        self.room.refresh()
        if self.presenter.isVisible():
            self.presenter.refresh(now)

    def step(self, by: int) -> None:
        self.run.go(by, self.clock())
        self.refresh()

    def toggle_pause(self) -> None:
        self.run.toggle_pause(self.clock())
        self.refresh()

    def five_more(self) -> None:
        self.run.add_minutes(5, self.clock())
        self.refresh()

    def toggle_blank(self) -> None:
        self.blank = not self.blank
        self.room.set_blank(self.blank)
        self.refresh()

    def end(self) -> None:
        if self.ended:
            return
        self.ended = True
        app = QGuiApplication.instance()
        app.screenAdded.disconnect(self._screen_added)
        app.screenRemoved.disconnect(self._screen_removed)
        self.timer.stop()
        self.room.close()
        self.presenter.close()

    def handle_key(self, key) -> bool:
        """The same keys in either window; True when the key was one of the session's."""
        actions = {Qt.Key.Key_Space: self.toggle_pause, Qt.Key.Key_B: self.toggle_blank,
                   Qt.Key.Key_Plus: self.five_more, Qt.Key.Key_Escape: self.end}  # fmt: skip
        if key in NEXT_KEYS:
            self.step(1)
        elif key in BACK_KEYS:
            self.step(-1)
        elif key in actions:
            actions[key]()
        else:
            return False
        return True
