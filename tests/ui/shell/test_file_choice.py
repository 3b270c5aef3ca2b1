"""Saving a file: Documents suggested, an extension added when the name typed has none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from mnhsc_desktop.ui.shell.file_choice import PDF_FILTER, ask_save_path, documents_folder


def test_the_documents_folder_is_suggested_and_a_bare_name_gets_its_extension(
    qapp, monkeypatch, tmp_path: Path
) -> None:
    asked = []

    def answer(_parent, title, suggested, file_filter):
        asked.append((title, suggested, file_filter))
        return str(tmp_path / "handout"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    assert ask_save_path(None, "Save handout", "Ward huddle.pdf", PDF_FILTER, ".pdf") == (
        tmp_path / "handout.pdf"
    )
    assert asked == [("Save handout", str(documents_folder() / "Ward huddle.pdf"), PDF_FILTER)]


def test_a_name_with_its_own_extension_is_kept_and_cancel_is_none(
    qapp, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "a.csv"), ""))
    assert ask_save_path(None, "t", "a.pdf", PDF_FILTER, ".pdf") == tmp_path / "a.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert ask_save_path(None, "t", "a.pdf", PDF_FILTER, ".pdf") is None
