"""Where things live: --data-dir beats MNHSC_DATA_DIR beats the OS default; same for content."""

from __future__ import annotations

from pathlib import Path

import pytest

from mnhsc_desktop.core.store import paths


def test_data_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MNHSC_DATA_DIR", str(tmp_path / "env"))
    assert paths.user_data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert paths.user_data_dir() == tmp_path / "env"
    monkeypatch.delenv("MNHSC_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.user_data_dir() == tmp_path / "xdg" / "MNHSC Desktop"


def test_content_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MNHSC_CONTENT_DIR", raising=False)
    assert paths.content_dir() == paths.shipped_content_dir()
    monkeypatch.setenv("MNHSC_CONTENT_DIR", str(tmp_path / "trust"))
    assert paths.content_dir() == tmp_path / "trust"
    assert paths.content_dir(tmp_path / "arg") == tmp_path / "arg"


def test_frozen_bundle_is_searched_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(paths.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.shipped_content_dir() == tmp_path / "data"


def test_resources_hold_the_app_icon() -> None:
    assert (paths.resources_dir() / "icons" / "app-64.png").is_file()
