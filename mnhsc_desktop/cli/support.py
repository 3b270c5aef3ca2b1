"""Exit codes and output shared by the command-line modules."""

from __future__ import annotations

import sys
from collections.abc import Callable

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NOT_RESPONDING = 3


def say(text: str, *, error: bool = False) -> None:
    """Print, tolerating the missing console of a Windows GUI launch. Control characters (from a
    file's text: escape sequences that would recolour or rewrite the terminal) are escaped."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        from mnhsc_desktop.core.text import escape_controls

        print(escape_controls(text, keep="\n\t"), file=stream)


def finish_import(store, dry_run: bool, apply: Callable[[], object], done: str) -> int:
    """The end every import command shares: stop at a dry run or a read-only store, else apply
    the planned changes and save them, holding the window's own lock on the folder meanwhile (a
    window cannot open in the middle, and one open now makes us refuse), saying what happened."""
    from mnhsc_desktop.core.store.atomic import WriteFailed

    if dry_run:
        say("Dry run: nothing was changed.")
        return EXIT_OK
    if store.read_only:
        say("Your data is read-only (see the warning above); nothing was imported.", error=True)
        return EXIT_FAILED
    lock = _lock_folder(store.folder)
    if lock is None:
        return EXIT_FAILED
    try:
        apply()
        store.save()
    except WriteFailed as error:
        say(f"Nothing was imported: {error}", error=True)
        return EXIT_FAILED
    finally:
        lock.unlock()
    say(done)
    return EXIT_OK


def _lock_folder(folder):
    """The same lock file the window takes (Qt's, so both agree on every system), or None when
    a copy that may be saving holds it, having said which. A lock left by a crash or a power cut
    is cleared first."""
    from PySide6.QtCore import QLockFile  # QtCore only, and only to write

    from mnhsc_desktop.core.store.running import LOCK_FILE, inspect_lock

    holder = inspect_lock(folder)
    lock = QLockFile(str(folder / LOCK_FILE))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if holder.state in ("gone", "unreadable"):
        lock.removeStaleLockFile()
    if lock.tryLock(2000) or lock.error() != QLockFile.LockError.LockFailedError:
        return lock  # locked; or the folder cannot hold a lock file (the save will say why)
    say(
        f"{inspect_lock(folder).describe()}. Nothing was imported: import from its File menu, "
        "or close it and run this again.",
        error=True,
    )
    return None


def refuse_while_open(data_dir) -> bool:
    """True, having said why, when the window is open on `data_dir` (on this PC or another):
    two programs saving the same data would lose each other's changes."""
    from mnhsc_desktop.core.store.running import inspect_lock

    holder = inspect_lock(data_dir)
    if not holder.in_use:
        return False
    say(
        f"{holder.describe()}. Import from its File menu, or close it and run this again (two "
        "programs saving the same data would lose changes).",
        error=True,
    )
    return True


def pdf_application() -> object:
    """A Qt application to lay out a PDF with, without a window (off screen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["mnhsc-desktop"])
