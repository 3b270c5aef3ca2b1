"""Asking where a file goes: the user's Documents folder first, and a sensible extension added
when the name typed has none (a ward PC user types "handout", not "handout.pdf")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

PDF_FILTER = "PDF document (*.pdf)"


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def file_stem(title: str, fallback: str) -> str:
    """A file name from a title the user wrote: letters and digits, dashes between, no more
    than 60 characters ("Ward 5 huddle!" -> "ward-5-huddle"); `fallback` when nothing is left."""
    stem = "".join(c if c.isalnum() else "-" for c in title.lower())
    return "-".join(part for part in stem.split("-") if part)[:60] or fallback


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


def choose_open_file(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """The file chosen to read, starting in Documents; None when the user cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(documents_folder()), file_filter)
    return Path(path) if path else None
