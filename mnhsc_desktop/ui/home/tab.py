"""Home: what's next, my progress, this week's activity, and the way to the collaborative's pages."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.content.content import About
from mnhsc_desktop.ui.shell.widgets import escape, heading, named_button, paragraph


class HomeTab(QScrollArea):
    """The first screen: a glance, not a read. The collaborative's own words are a page away."""

    activity_requested = Signal(str)
    about_requested = Signal()
    what_is_qi_requested = Signal()

    def __init__(
        self,
        about: About | None,
        dashboard: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.suggestion = None  # this week's culture activity, once show_suggestion has run
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        self.setWidget(page)
        layout = QVBoxLayout(page)
        self.page_layout = layout
        if dashboard is not None:
            layout.addWidget(dashboard)
        if about is None:
            layout.addWidget(heading("Welcome to MNHSC Desktop"))
            layout.addWidget(
                paragraph(
                    "The description of the collaborative could not be loaded; the message at the "
                    "top of the window says why. Everything else keeps working."
                )
            )
        else:
            layout.addWidget(self._about_box(about))
        layout.addStretch(1)

    def _about_box(self, about: About) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        row = QGridLayout(box)
        self.about_summary = QLabel(f"<b>{escape(about.title)}</b><br>{escape(about.summary)}")
        self.about_summary.setWordWrap(True)
        self.about_summary.setAccessibleName(f"{about.title}. {about.summary}")
        row.addWidget(self.about_summary, 0, 0, 2, 1)
        self.about_button = named_button(
            "About the colla&borative", "About the collaborative", self.about_requested.emit
        )
        self.what_is_qi_button = named_button(
            "&What is Quality Improvement?",
            "What is Quality Improvement?",
            self.what_is_qi_requested.emit,
        )
        row.addWidget(self.about_button, 0, 1)
        row.addWidget(self.what_is_qi_button, 1, 1)
        row.setColumnStretch(0, 1)
        return box

    def show_suggestion(self, activity) -> None:
        """Add this week's activity under the dashboard (once; filled with it after first paint,
        since working it out loads the culture library, ~5 ms of start-up)."""
        if activity is None or self.suggestion is not None:
            return
        self.suggestion = activity
        at = 1 if self.page_layout.count() and self.page_layout.itemAt(0).widget() else 0
        self.page_layout.insertWidget(at, self._suggestion_box(activity))

    def _suggestion_box(self, activity) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        row = QGridLayout(box)
        text = QLabel(
            f"<b>This week’s culture activity:</b> {escape(activity.title)} "
            f"({activity.minutes} min)<br>{escape(activity.intent)}"
        )
        text.setWordWrap(True)
        text.setAccessibleName(f"This week’s culture activity: {activity.title}")
        row.addWidget(text, 0, 0)
        self.suggestion_button = QPushButton("O&pen in the Culture library")
        self.suggestion_button.setAccessibleName(f"Open {activity.title} in the Culture library")
        self.suggestion_button.clicked.connect(
            lambda _=False: self.activity_requested.emit(activity.id)
        )
        row.addWidget(self.suggestion_button, 0, 1)
        row.setColumnStretch(0, 1)
        return box
