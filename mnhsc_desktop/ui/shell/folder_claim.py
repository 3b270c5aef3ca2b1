"""Taking the data folder at start: one copy per folder, and a lock file left behind never locks
anyone out.

A lock left by a copy that is gone (a crash) or damaged (a power cut) is cleared, and the window
says so. A copy on another PC, or one here that does not answer, is named, with the lock file,
and the user chooses: open read-only, take over, or quit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from mnhsc_desktop import APP_NAME
from mnhsc_desktop.cli.support import EXIT_NOT_RESPONDING, EXIT_OK, say
from mnhsc_desktop.core.store.running import LockHolder, inspect_lock
from mnhsc_desktop.ui.shell.single_instance import InstanceGuard

Choice = Literal["read-only", "take-over", "quit"]


class Claim:
    """How this copy holds the folder: `exit_code` set means stop here (another copy is shown)."""

    def __init__(self, guard: InstanceGuard) -> None:
        self.guard = guard
        self.read_only_because: str | None = None  # open the data read-only, for this reason
        self.status: str | None = None  # a sentence for the status bar once the window shows
        self.exit_code: int | None = None


def claim_folder(data_dir: Path, ask: Callable[[LockHolder], Choice] | None = None) -> Claim:
    guard = InstanceGuard(data_dir)
    claim = Claim(guard)
    left = inspect_lock(data_dir)
    if guard.acquire():  # Qt itself clears a lock whose process is gone
        if left.state in ("gone", "unreadable"):
            claim.status = f"{left.describe()}; it has been cleared."
        return claim
    holder = inspect_lock(data_dir)
    if holder.state == "running-here":
        if guard.ask_running_copy_to_show():
            say(
                f"{APP_NAME} is already running for {data_dir}; its window was brought to the front."
            )
            claim.exit_code = EXIT_OK
            return claim
        if guard.acquire():  # a command-line import held it for a moment, and is done
            return claim
    if holder.state in ("gone", "unreadable", "free"):
        if guard.take_over():
            claim.status = f"{holder.describe()}; it has been cleared."
            return claim
    else:
        choice = (ask or ask_about_lock)(holder)
        if choice == "take-over" and guard.take_over(force=True):
            claim.status = f"You took over this data folder from the other copy ({holder.path})."
            return claim
        if choice == "read-only":
            claim.read_only_because = (
                f"{holder.describe()}. You chose to open your data read-only here, so nothing "
                "you change will be saved; close the other copy and restart to make changes."
            )
            return claim
        if choice == "quit":
            claim.exit_code = EXIT_OK
            return claim
    say(
        f"{APP_NAME} could not take the lock file {holder.path}: {holder.describe()}. Close "
        "the other copy (or end it in the task manager) and try again.",
        error=True,
    )
    claim.exit_code = EXIT_NOT_RESPONDING
    return claim


def ask_about_lock(holder: LockHolder) -> Choice:
    """The question, with the computer and the lock file named, and the safe answer first."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(f"{APP_NAME} is already open")
    box.setText(f"{holder.describe()}.")
    box.setInformativeText(
        "Two copies saving the same data can lose each other's changes. Open it read-only to "
        "look without saving, or take over if that copy is not really in use (a PC that was "
        "switched off without closing the app)."
    )
    read_only = box.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
    take_over = box.addButton("&Take over", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    return "read-only" if clicked is read_only else "take-over" if clicked is take_over else "quit"
