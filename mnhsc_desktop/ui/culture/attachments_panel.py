"""Local files attached to an activity: attach, open with the system viewer (documents and media
only; see core/culture/attachments.py), and remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.culture.attachments import attach, attachments, check, detach, state_of
from mnhsc_desktop.core.store.store import Store

FILTER = "Documents and media (*.pdf *.doc *.docx *.ppt *.pptx *.txt *.png *.jpg *.jpeg *.mp3 *.wav *.mp4 *.m4v *.mov *.avi *.mkv *.webm);;All files (*)"


class AttachmentsPanel(QWidget):
    status = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.activity_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.files = QListWidget()
        self.files.setAccessibleName("Attached files")
        self.label.setBuddy(self.files)
        self.files.itemActivated.connect(lambda _item: self.open_selected())
        layout.addWidget(self.files)
        row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for text, name, slot in (
            ("Attach a file…", "Attach a file to this activity", self.attach_file),  # Alt+E: Edit
            ("O&pen", "Open the selected file", self.open_selected),
            ("&Detach file", "Remove the selected file from this activity", self.remove_selected),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
            self.buttons.append(button)
        self.open_button, self.detach_button = self.buttons[1:]
        row.addStretch(1)
        layout.addLayout(row)
        self._fit()

    def show_activity(self, activity_id: str | None) -> None:
        self.activity_id = activity_id
        self.files.clear()
        if activity_id is None:
            return
        for path in attachments(self.store, activity_id):
            state = state_of(path)
            self.files.addItem(f"{Path(path).name}{f'  ({state})' if state else ''}")
            self.files.item(self.files.count() - 1).setToolTip(path)
        self._fit()

    def _fit(self) -> None:
        """As tall as the files it lists (up to five), and only a line of text when there are
        none: on a small or magnified screen the activity's own text needs the room."""
        count = self.files.count()
        self.files.setVisible(count > 0)
        self.open_button.setEnabled(count > 0)
        self.detach_button.setEnabled(count > 0)
        if count == 0:
            self.label.setText(
                "No files on this PC for this activity. Attach one you have downloaded (a film, "
                "a PDF) to open it here without the internet."
            )
            return
        self.label.setText("Files on this PC for this activity:")
        rows = min(count, 5)
        row_height = self.files.sizeHintForRow(0)
        self.files.setFixedHeight(rows * row_height + 2 * self.files.frameWidth() + 2)

    def _selected_path(self) -> str | None:
        row = self.files.currentRow()
        paths = attachments(self.store, self.activity_id) if self.activity_id else []
        return paths[row] if 0 <= row < len(paths) else None

    def attach_file(self) -> None:
        if self.activity_id is None:
            return
        path, _filter = QFileDialog.getOpenFileName(self, "Attach a file", "", FILTER)
        if not path:
            return
        try:
            attach(self.store, self.activity_id, Path(path))
        except ValueError as refusal:
            QMessageBox.warning(self, "File not attached", str(refusal))
            return
        self.show_activity(self.activity_id)
        self.status.emit(f"Attached {Path(path).name}.")

    def open_selected(self) -> None:
        path = self._selected_path()
        if path is None:
            return
        result = check(path)
        if not result.ok:
            QMessageBox.warning(self, "File not opened", result.reason)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

    def remove_selected(self) -> None:
        path = self._selected_path()
        if path is not None and self.activity_id is not None:
            detach(self.store, self.activity_id, path)
            self.show_activity(self.activity_id)
