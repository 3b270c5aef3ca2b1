"""File > Data folder: where your data lives, and moving it (to a network home drive, say)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.store.data_folder import default_data_dir


class DataFolderDialog(QDialog):
    """Shows the folder; `chosen` is set to the folder to move to when the user picks one."""

    def __init__(self, parent: QWidget | None, current: Path, fixed: bool):
        super().__init__(parent)
        self.setWindowTitle("Data folder")
        self.chosen: Path | None = None
        standard = default_data_dir()
        layout = QVBoxLayout(self)
        text = QLabel(
            f"<p>Your progress, reflections and own events are kept in:<br><b>{current}</b></p>"
            "<p>You can keep them in a folder you choose instead, such as your home drive on the "
            "network, so they follow you from PC to PC. The data is copied there and checked "
            "before anything else changes; a copy also stays on this PC in case the network is "
            "down.</p>"
        )
        text.setWordWrap(True)
        text.setAccessibleName("Where your data is kept")
        layout.addWidget(text)
        self.choose_button = QPushButton("&Move my data to another folder…")
        self.choose_button.clicked.connect(self._choose)
        layout.addWidget(self.choose_button)
        self.standard_button = QPushButton("Move my data back to the &standard folder")
        self.standard_button.clicked.connect(lambda: self._pick(standard))
        self.standard_button.setVisible(current.resolve() != standard.resolve())
        layout.addWidget(self.standard_button)
        if fixed:
            note = QLabel(
                "This copy of the app was started with a data folder given on the command line or by MNHSC_DATA_DIR, so it cannot be changed here."
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            self.choose_button.setEnabled(False)
            self.standard_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder for your data")
        if folder:
            self._pick(Path(folder))

    def _pick(self, folder: Path) -> None:
        self.chosen = folder
        self.accept()


def move_window_data(window, target: Path) -> bool:
    """Move the window's data (copy, check, point, keep the old file) and its single-copy lock,
    so that a second launch for the new folder finds this window. False, with a warning that
    says why, when nothing was changed."""
    from PySide6.QtWidgets import QMessageBox

    from mnhsc_desktop.core.store.data_folder import MoveRefused, move_data
    from mnhsc_desktop.ui.shell.single_instance import InstanceGuard

    def refuse(text: str) -> bool:
        QMessageBox.warning(window, "Data not moved", text)
        return False

    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return refuse(f"{target} cannot be used: {error.strerror or error}. Nothing was changed.")
    new_guard = InstanceGuard(target, window)
    if not new_guard.acquire():
        return refuse(f"Another copy of MNHSC Desktop is using {target}. Nothing was changed.")
    window.autosaver.save_now()
    try:
        result = move_data(window.store, target)
    except MoveRefused as refusal:
        new_guard.release()
        return refuse(str(refusal))
    if window.guard is not None:
        window.guard.release()
    window.guard = new_guard
    new_guard.show_requested.connect(window.bring_to_front)
    window.autosaver.save_now()
    window.statusBar().showMessage(result.message, 15000)
    return True
