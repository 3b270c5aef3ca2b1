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
