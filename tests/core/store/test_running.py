"""Reading the lock file: a lock left by a power cut, a crash or a reused process number never
counts as a running copy; one from another PC names that PC and the file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mnhsc_desktop.core.store.running import LOCK_FILE, app_running_on, inspect_lock


def lock(folder: Path, text: str, age_seconds: float = 60) -> Path:
    path = folder / LOCK_FILE
    path.write_text(text)
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def test_no_lock_file_is_free(data_dir: Path) -> None:
    assert inspect_lock(data_dir).state == "free" and not app_running_on(data_dir)


@pytest.mark.parametrize("text", ["", "\n\n", "garbage", "\x00\x00\x00", "-5\nx\nhost\n"])
def test_an_empty_or_garbage_lock_is_damaged_not_running(data_dir: Path, text: str) -> None:
    lock(data_dir, text)
    holder = inspect_lock(data_dir)
    assert holder.state == "unreadable" and not app_running_on(data_dir)
    assert str(holder.path) in holder.describe()


def test_an_empty_lock_being_written_right_now_counts_as_in_use(data_dir: Path) -> None:
    lock(data_dir, "", age_seconds=0)
    assert inspect_lock(data_dir).state == "running-here"


def test_a_lock_of_a_process_that_ended_is_gone(data_dir: Path) -> None:
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock(data_dir, f"{ended.stdout.strip()}\npython3\n{socket.gethostname()}\n")
    assert inspect_lock(data_dir).state == "gone" and not app_running_on(data_dir)


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_a_process_number_reused_by_another_program_is_gone(data_dir: Path) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", "import time; print(1, flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE,
    )
    try:
        other.stdout.readline()
        lock(data_dir, f"{other.pid}\npython3\n{socket.gethostname()}\n")
        assert inspect_lock(data_dir).state == "gone"
    finally:
        other.kill()
        other.wait()
        other.stdout.close()


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_a_live_copy_of_the_app_is_running(data_dir: Path) -> None:
    app = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; print(1, flush=True); time.sleep(30)",
            "mnhsc-desktop",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        app.stdout.readline()  # started: its command line is its own, not the parent's
        lock(data_dir, f"{app.pid}\npython3\n{socket.gethostname()}\n")
        assert inspect_lock(data_dir).state == "running-here" and app_running_on(data_dir)
    finally:
        app.kill()
        app.wait()
        app.stdout.close()


def test_a_lock_from_another_pc_names_the_pc_and_the_file(data_dir: Path) -> None:
    path = lock(data_dir, "4242\nmnhsc-desktop\nWARD-PC-7\nid\nboot\n")
    holder = inspect_lock(data_dir)
    assert holder.state == "other-pc" and app_running_on(data_dir)
    assert "WARD-PC-7" in holder.describe() and str(path) in holder.describe()
