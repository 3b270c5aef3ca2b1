"""About the collaborative: the page's own words, and the further reading that needs the internet.

A window of its own (reached from Home and the Help menu) rather than the bottom of Home: Home
stays a glance at what is next, and the window opens without laying out the prose first.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.content.content import About, ExternalLink
from mnhsc_desktop.ui.shell.widgets import escape

NEEDS_INTERNET = "Needs the internet"


class AboutCollaborativePage(QDialog):
    """Not modal: it can stay open beside the tabs while the user reads."""

    copied = Signal(str)

    def __init__(self, about: About, allow_links: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(about.title)
        self.resize(720, 600)
        self.allow_links = allow_links  # IT can switch off copying internet addresses
        self.copy_buttons: list[QPushButton] = []
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        scroll.setWidget(page)
        layout = QVBoxLayout(page)
        self.text = QLabel(about_html(about, allow_links))
        self.text.setWordWrap(True)
        self.text.setAccessibleName(about.title)
        layout.addWidget(self.text)
        if about.links:
            layout.addWidget(self._links_grid(about.links))
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        self.feedback = QLabel()  # says what was copied, where the reader is looking
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName("Copied")
        outer.addWidget(self.feedback)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer.addWidget(buttons)

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
        message = f"Copied “{text}”. Open it on a computer with the internet."
        self.feedback.setText(escape(message))
        self.copied.emit(message)


def about_html(about: About, allow_links: bool = True) -> str:
    parts = [f"<h1>{escape(about.title)}</h1>", f"<p>{escape(about.summary)}</p>"]
    for section in about.sections:
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts += [f"<p>{escape(text)}</p>" for text in section.paragraphs]
    if about.links:
        parts.append("<h2>Further reading</h2>")
        how = (
            "Copy a name or address to open it on a computer that is online."
            if allow_links
            else "Ask your IT team how to reach them."
        )
        parts.append(f"<p>These are on the internet, not in this app. {how}</p>")
    return "".join(parts)
