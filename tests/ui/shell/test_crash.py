"""An unexpected error becomes a sentence for the user and a log entry for IT."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from mnhsc_desktop.core.errors import LOG_FILE
from mnhsc_desktop.ui.shell.crash import install_excepthook


def test_error_in_a_callback_is_logged_and_explained(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(data_dir)
    try:
        raise ValueError("boom")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert "Your saved work is safe" in shown[0] and str(data_dir / LOG_FILE) in shown[0]
    assert "Traceback" not in shown[0]
    log = (data_dir / LOG_FILE).read_text(encoding="utf-8")
    assert "ValueError: boom" in log


def test_an_unwritable_log_still_explains(qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path / "missing" / "folder")
    error = RuntimeError("x")
    sys.excepthook(RuntimeError, error, None)
    assert "could not be saved" in shown[0]
