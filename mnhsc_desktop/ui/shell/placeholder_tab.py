"""An honest stand-in for a tab whose feature has not arrived yet: it says what will be there."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mnhsc_desktop.ui.shell.widgets import heading, paragraph


class PlaceholderTab(QWidget):
    def __init__(self, title: str, promise: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        body = paragraph(promise)
        body.setAccessibleName(f"{title}: what will be here")
        layout.addWidget(body)
        status = QLabel("Not available in this version yet.")
        status.setAccessibleName(f"{title}: not available in this version yet")
        layout.addWidget(status)
        layout.addStretch(1)
