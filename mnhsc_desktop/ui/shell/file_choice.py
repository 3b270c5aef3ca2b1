"""Asking where a file goes: the user's Documents folder first, and a sensible extension added
when the name typed has none (a ward PC user types "handout", not "handout.pdf")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

PDF_FILTER = "PDF document (*.pdf)"


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def ask_save_path(
    parent: QWidget, title: str, suggested_name: str, file_filter: str, suffix: str
) -> Path | None:
    """The path chosen, or None when the user cancelled."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, title, str(documents_folder() / suggested_name), file_filter
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(suffix)
