"""The command line never shows a traceback: an unexpected error becomes a sentence and a log."""

from __future__ import annotations

from pathlib import Path

import pytest

from mnhsc_desktop.cli import calendar as cli_calendar
from mnhsc_desktop.cli import main as cli


def test_an_unexpected_error_is_words_and_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def broken(_args):
        raise RuntimeError("the zone data is missing")

    monkeypatch.setattr(cli_calendar, "export", broken)
    data = tmp_path / "data"
    data.mkdir()
    status = cli.main(["--data-dir", str(data), "calendar", "export", str(tmp_path / "x.ics")])
    err = capsys.readouterr().err
    assert status == 1
    assert "Something went wrong: the zone data is missing." in err and "Traceback" not in err
    assert "RuntimeError: the zone data is missing" in (data / "errors.log").read_text()


def test_an_import_refuses_if_a_window_took_the_folder_after_the_first_check(
    qtbot, tmp_path: Path
) -> None:
    """The import takes the window's own lock around its save, so a window that opened while
    the file was being read is never raced."""
    from mnhsc_desktop.core.store.progress_file import export_progress
    from mnhsc_desktop.core.store.store import STORE_FILE, Store
    from mnhsc_desktop.ui.shell.single_instance import InstanceGuard

    source = Store.open(tmp_path / "other-pc")
    source.set("profile", "name", "Sam")
    progress = tmp_path / "progress.json"
    progress.write_bytes(export_progress(source))
    data = tmp_path / "data"
    data.mkdir()
    window = InstanceGuard(data)
    assert window.acquire()
    try:
        assert cli.main(["--data-dir", str(data), "progress", "import", str(progress)]) == 1
        assert not (data / STORE_FILE).exists()
    finally:
        window.release()
    assert cli.main(["--data-dir", str(data), "progress", "import", str(progress)]) == 0
    assert not (data / "mnhsc-desktop.lock").exists(), "the import lets go of the lock"
