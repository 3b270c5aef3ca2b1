"""Taking the data folder at start, whatever lock file is there: never a permanent refusal."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from mnhsc_desktop.core.store.running import LOCK_FILE
from mnhsc_desktop.ui.shell.folder_claim import claim_folder


def lock(folder: Path, text: str) -> Path:
    path = folder / LOCK_FILE
    path.write_text(text)
    then = time.time() - 60
    os.utime(path, (then, then))
    return path


def our_lock(folder: Path) -> bool:
    return (folder / LOCK_FILE).read_text().splitlines()[0] == str(os.getpid())


def never_asked(_holder):
    raise AssertionError("the user should not be asked about a lock nobody holds")


@pytest.mark.parametrize("text", ["", "garbage\n", f"999999999\npython3\n{socket.gethostname()}\n"])
def test_a_lock_left_by_a_power_cut_or_crash_is_cleared_and_said(qtbot, data_dir, text) -> None:
    lock(data_dir, text)
    claim = claim_folder(data_dir, ask=never_asked)
    try:
        assert claim.exit_code is None and claim.read_only_because is None
        assert "has been cleared" in claim.status and our_lock(data_dir)
    finally:
        claim.guard.release()


@pytest.fixture
def other_pc_lock(data_dir: Path) -> Path:
    return lock(data_dir, "4242\nmnhsc-desktop\nWARD-PC-7\nid\nboot\n")


def test_a_lock_from_another_pc_asks_naming_the_pc_and_file(qtbot, data_dir, other_pc_lock) -> None:
    asked = []
    claim = claim_folder(
        data_dir, ask=lambda holder: asked.append(holder.describe()) or "read-only"
    )
    assert "WARD-PC-7" in asked[0] and str(other_pc_lock) in asked[0]
    assert claim.exit_code is None and "read-only" in claim.read_only_because
    assert not our_lock(data_dir), "reading only: the other PC keeps its lock"


def test_taking_over_from_another_pc(qtbot, data_dir, other_pc_lock) -> None:
    claim = claim_folder(data_dir, ask=lambda _holder: "take-over")
    try:
        assert claim.exit_code is None and our_lock(data_dir) and "took over" in claim.status
    finally:
        claim.guard.release()


def test_quitting_leaves_the_other_pc_alone(qtbot, data_dir, other_pc_lock) -> None:
    claim = claim_folder(data_dir, ask=lambda _holder: "quit")
    assert claim.exit_code == 0 and not our_lock(data_dir)


def test_read_only_store_says_why_and_never_saves(qtbot, data_dir, other_pc_lock) -> None:
    from mnhsc_desktop.core.store.store import Store

    claim = claim_folder(data_dir, ask=lambda _holder: "read-only")
    store = Store.open(data_dir)
    store.hold_read_only(claim.read_only_because)
    store.set("profile", "name", "Sam")
    assert store.save() is False and "WARD-PC-7" in store.notices[0].message


def test_a_window_opened_during_a_command_line_import_waits_for_it(qtbot, data_dir) -> None:
    """The import holds the folder's lock for a moment; the window then takes it normally."""
    import subprocess
    import sys

    from tests.conftest import REPO

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from PySide6.QtCore import QLockFile\n"
            f"lock = QLockFile({str(data_dir / LOCK_FILE)!r}); assert lock.tryLock(1000)\n"
            "print('held', flush=True); time.sleep(1.5); lock.unlock()  # mnhsc-desktop-cli",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout.readline() == "held\n"
        claim = claim_folder(data_dir, ask=never_asked)
        assert claim.exit_code is None and claim.read_only_because is None
        assert our_lock(data_dir)
        claim.guard.release()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
