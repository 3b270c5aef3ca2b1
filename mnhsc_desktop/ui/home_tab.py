"""Home: what the collaborative is, what each tab holds, and the resources that need the internet."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.content import About, ExternalLink
from mnhsc_desktop.ui.widgets import escape, heading, paragraph

NEEDS_INTERNET = "Needs the internet"


class HomeTab(QScrollArea):
    """The first screen: what's next, my progress, this week's activity, then the collaborative."""

    copied = Signal(str)
    activity_requested = Signal(str)

    def __init__(
        self,
        about: About | None,
        allow_links: bool = True,
        dashboard: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.suggestion = None  # this week's culture activity, once show_suggestion has run
        self.allow_links = allow_links  # IT can switch off copying internet addresses
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        self.setWidget(page)
        layout = QVBoxLayout(page)
        self.page_layout = layout
        if dashboard is not None:
            layout.addWidget(dashboard)
        self.copy_buttons: list[QPushButton] = []
        if about is None:
            layout.addWidget(heading("Welcome to MNHSC Desktop"))
            layout.addWidget(
                paragraph(
                    "The description of the collaborative could not be loaded; the message at the "
                    "top of the window says why. Everything else keeps working."
                )
            )
            layout.addStretch(1)
            return
        # One rich-text label for the prose: one text layout to build instead of one per
        # paragraph, and headings that scale with the system font.
        self.about_text = QLabel(about_html(about))
        self.about_text.setWordWrap(True)
        self.about_text.setAccessibleName(f"About the {about.short_name}")
        layout.addWidget(self.about_text)
        if about.links:
            layout.addWidget(self._links_grid(about.links))
        layout.addStretch(1)

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

    def _links_grid(self, links: tuple[ExternalLink, ...]) -> QWidget:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setColumnStretch(0, 1)
        for row, link in enumerate(links):
            text = QLabel(f"<b>{escape(link.title)}</b><br>{escape(link.description)}")
            text.setWordWrap(True)
            text.setAccessibleName(f"{link.title}. {link.description}")
            grid.addWidget(text, row, 0)
            tag = QLabel(NEEDS_INTERNET)
            tag.setAccessibleName(f"{link.title}: {NEEDS_INTERNET.lower()}")
            grid.addWidget(tag, row, 1)
            button = QPushButton("Copy address" if link.url else "Copy name")
            button.setAccessibleName(f"Copy {'address' if link.url else 'name'} of {link.title}")
            button.clicked.connect(lambda _=False, link=link: self._copy(link))
            grid.addWidget(button, row, 2)
            button.setVisible(self.allow_links)
            self.copy_buttons.append(button)
        return grid_widget

    def _copy(self, link: ExternalLink) -> None:
        text = link.url or link.title
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(f"Copied “{text}”. Open it on a computer with the internet.")


def about_html(about: About) -> str:
    parts = [f"<h1>{escape(about.title)}</h1>", f"<p>{escape(about.summary)}</p>"]
    for section in about.sections:
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts += [f"<p>{escape(text)}</p>" for text in section.paragraphs]
    if about.links:
        parts.append("<h2>Further reading</h2>")
        parts.append(
            "<p>These are on the internet, not in this app. Copy a name or address to open it "
            "on a computer that is online.</p>"
        )
    return "".join(parts)
