"""Opening attachments never runs a program, whatever the name tries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mnhsc_desktop.core.culture.attachments import attach, attachments, check, detach, state_of
from mnhsc_desktop.core.store.store import Store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in (
        "film.mp4",
        "guide.PDF",
        "cards.png",
        "x.pdf.exe",
        "run.bat",
        "link.lnk",
        "script.sh",
        "noext",
        "page.html",
    ):
        (tmp_path / name).write_bytes(b"x")
    return tmp_path


@pytest.mark.parametrize("name", ["film.mp4", "guide.PDF", "cards.png"])
def test_documents_images_audio_and_video_open(folder: Path, name: str) -> None:
    result = check(folder / name)
    assert result.ok and result.path == (folder / name).resolve()


@pytest.mark.parametrize(
    "name", ["x.pdf.exe", "run.bat", "link.lnk", "script.sh", "noext", "page.html"]
)
def test_programs_scripts_shortcuts_and_the_rest_are_refused(folder: Path, name: str) -> None:
    result = check(folder / name)
    assert not result.ok and "never runs programs" in result.reason


def test_a_path_climbing_out_with_dots_is_judged_by_where_it_lands(folder: Path) -> None:
    (folder / "sub").mkdir()
    assert check(folder / "sub" / ".." / "film.mp4").ok
    assert not check(folder / "sub" / ".." / "x.pdf.exe").ok


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_harmless_name_linking_to_a_script_is_refused(folder: Path) -> None:
    (folder / "innocent.pdf").symlink_to(folder / "script.sh")
    assert not check(folder / "innocent.pdf").ok


def test_names_ending_in_a_dot_or_space_and_missing_files(folder: Path) -> None:
    assert "ends in a dot" in check(str(folder / "film.mp4") + ".").reason
    assert "not there any more" in check(folder / "gone.pdf").reason
    assert "is not a file" in check(folder).reason or not check(folder).ok


def test_attach_and_detach(folder: Path, data_dir: Path) -> None:
    store = Store.open(data_dir)
    attach(store, "how-to-huddle", folder / "film.mp4")
    with pytest.raises(ValueError, match="never runs programs"):
        attach(store, "how-to-huddle", folder / "run.bat")
    assert attachments(store, "how-to-huddle") == [str((folder / "film.mp4").resolve())]
    detach(store, "how-to-huddle", attachments(store, "how-to-huddle")[0])
    assert attachments(store, "how-to-huddle") == []


@pytest.mark.parametrize(
    "raw",
    ["//host/share/x.mp4", "\\\\host\\share\\x.mp4", "\\\\.\\COM1", "/dev/zero", "C:\\a\\con.pdf"],
)
def test_network_and_device_paths_are_never_looked_at(raw: str, monkeypatch) -> None:
    def no_touching(*_args, **_kwargs):
        raise AssertionError("the path was looked at")

    monkeypatch.setattr(Path, "resolve", no_touching)
    monkeypatch.setattr(Path, "is_file", no_touching)
    result = check(raw)
    assert not result.ok and "network or device path" in result.reason
    assert state_of(raw).startswith("not opened")


def test_a_name_too_long_for_the_system_is_refused_in_words() -> None:
    raw = "/tmp/" + "a" * 300 + ".pdf"
    assert not check(raw).ok and state_of(raw) in ("missing", "cannot be reached")
