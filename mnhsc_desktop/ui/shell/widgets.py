"""Small building blocks shared by the tabs: headings, wrapped text and the notice banner."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def heading(text: str, scale: float = 1.4) -> QLabel:
    """A heading that follows the system font, only larger and bold (no fixed pixel sizes)."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str) -> QLabel:
    """Wrapped body text, shown exactly as written (escaped, so content can never inject markup)."""
    label = QLabel(rich_text(text))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def rich_text(text: str) -> str:
    """Plain text as escaped rich text. (Cheaper at start-up than Qt.TextFormat.PlainText: the
    first use of any Qt.* enum makes PySide6 build every enum of the Qt namespace, ~15 ms.)"""
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def escape(text: str) -> str:
    """Make text safe inside Qt rich text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NoticeBanner(QFrame):
    """A dismissible message across the top of the window: never modal, so start-up never blocks."""

    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        layout = QHBoxLayout(self)
        icon = QLabel()
        from PySide6.QtWidgets import QStyle  # only needed when there is something to warn about

        warning = QStyle.StandardPixmap.SP_MessageBoxWarning
        icon.setPixmap(self.style().standardIcon(warning).pixmap(32))
        icon.setAccessibleName("Warning")
        layout.addWidget(icon)
        text_column = QVBoxLayout()
        text_column.addWidget(heading(title, 1.1))
        self.body = paragraph("\n".join(lines))
        self.body.setAccessibleName(f"{title}: details")
        text_column.addWidget(self.body)
        layout.addLayout(text_column, 1)
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setAccessibleName(f"Dismiss: {title}")
        self.dismiss_button.clicked.connect(self.hide)
        layout.addWidget(self.dismiss_button)


class NoticeRow(QFrame):
    """A line inside a tab that needs the user's attention, with the one thing to do about it
    (hidden until there is something to say)."""

    def __init__(self, button_text: str, button_name: str, action, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(button_name)
        row.addWidget(self.text, 1)
        self.button = named_button(button_text, button_name, action)
        row.addWidget(self.button)
        self.hide()


class LazyTab(QWidget):
    """A tab whose contents are built the first time it is shown (or asked for).

    Keeps start-up to what the first screen needs: a tab's views, models and the Qt types they
    load cost nothing until the user goes there.
    """

    def __init__(self, factory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._factory()
            self._layout.addWidget(self._content)
            # Shown now, not on the next event loop pass (Qt's default for a widget added to a
            # visible parent), so focus and keys reach it at once.
            self._content.show()
        return self._content

    @property
    def built(self) -> bool:
        return self._content is not None

    def showEvent(self, event) -> None:
        self.content()
        super().showEvent(event)


def follow_store(store, widget: QWidget, callback) -> None:
    """Call `callback(change)` on each store change for as long as `widget` exists.

    The store outlives any one widget; a listener left behind by a deleted widget would call
    into freed Qt objects, so it removes itself instead.
    """
    from shiboken6 import isValid

    def listener(change) -> None:
        if isValid(widget):
            callback(change)
        else:
            store.unsubscribe(listener)

    store.subscribe(listener)


def named_button(text: str, name: str, slot) -> QPushButton:
    """A push button with its accessible name set from the start, calling `slot()` on click."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def search_box(name: str, placeholder: str = "") -> QLineEdit:
    """A search field with a clear button, both named for screen readers."""
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.setAccessibleName(name)
    box.setAccessibleDescription("What is shown follows what you type.")
    for clear in box.findChildren(QToolButton):
        clear.setAccessibleName("Clear search")
    return box


def side_column(layout) -> tuple:
    """A splitter filling `layout`, with a plain column on its left for a list and the buttons
    under it (the shape of every "list on the left, details on the right" page): the splitter,
    and the column to fill."""
    from PySide6.QtWidgets import QSplitter

    splitter = QSplitter()
    layout.addWidget(splitter)
    side = QWidget()
    column = QVBoxLayout(side)
    column.setContentsMargins(0, 0, 0, 0)
    splitter.addWidget(side)
    return splitter, column
