"""Long calendar work off the GUI thread, with a busy bar and Cancel: reading and previewing a
file to import, and making a file to export.

icalendar takes seconds over a large file (about 8 s to read 20,000 events here, 6 s to write
them); the window stays responsive meanwhile. Cancel discards whatever the work produces:
nothing changes until the preview's Import button, and an export is written (atomically) only
once it is complete and not cancelled.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.ics.import_plan import ImportPlan, plan_import
from mnhsc_desktop.core.calendar.ics.importer import ImportRefused
from mnhsc_desktop.core.collector import collector_waiting

_RUNNING: set[QThread] = set()  # cancelled work finishes on its own; kept alive until then
HANDOVER = 0.0002  # seconds: how soon the interpreter passes from the work to the window
_handing = {"workers": 0, "interval": 0.005}
_handing_lock = threading.Lock()


@contextmanager
def quick_handover() -> Iterator[None]:
    """While work runs beside the window, the interpreter passes between them every 0.2 ms
    rather than every 5 ms.

    Only one thread runs Python at a time, and the window calls Python for every cell it
    paints; each call waited for the work's turn to end. Scrolling the agenda during an import
    repainted in 106 to 114 ms (up to 204 ms) instead of 8; with this, 18 to 19 ms (at most 38),
    for an import about a tenth slower. Restored when the last such work ends."""
    with _handing_lock:
        if _handing["workers"] == 0:
            _handing["interval"] = sys.getswitchinterval()
            sys.setswitchinterval(HANDOVER)
        _handing["workers"] += 1
    try:
        yield
    finally:
        with _handing_lock:
            _handing["workers"] -= 1
            if _handing["workers"] == 0:
                sys.setswitchinterval(_handing["interval"])


class Worker(QThread):
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:
        # Python's cycle collector, run from this thread over the millions of small objects a
        # large calendar makes, held the window up for 250 ms at a time; it waits until the
        # work is done (the work makes few cycles), and the longest pause falls to ~85 ms.
        with collector_waiting(), quick_handover():
            try:
                result = self.work()
            except Exception as error:  # handed to the window, which says it in words
                self.failed.emit(error)
            else:
                self.done.emit(result)


def run_in_background(
    parent: QWidget | None, text: str, work: Callable[[], Any]
) -> tuple[str, Any]:
    """("done", result), ("failed", the exception) or ("cancelled", None)."""
    outcome: dict[str, tuple[str, Any]] = {}
    loop = QEventLoop()
    worker = Worker(work)
    _RUNNING.add(worker)
    worker.finished.connect(lambda: _RUNNING.discard(worker))
    worker.done.connect(lambda result: outcome.setdefault("result", ("done", result)))
    worker.failed.connect(lambda error: outcome.setdefault("result", ("failed", error)))
    worker.finished.connect(loop.quit)
    progress = QProgressDialog(text, "Cancel", 0, 0, parent)
    progress.setWindowTitle("Working on a calendar file")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)  # a small file is done before the bar would show
    progress.setAccessibleName(text)
    progress.canceled.connect(lambda: outcome.setdefault("cancelled", ("cancelled", None)))
    progress.canceled.connect(loop.quit)
    worker.start()
    loop.exec()  # ends on finished or Cancel (a finish before this line is queued, not lost)
    progress.reset()
    progress.deleteLater()
    if "cancelled" in outcome:
        return outcome["cancelled"]
    worker.wait()  # finished: the outcome is in
    return outcome["result"]


def plan_in_background(
    parent: QWidget | None, path: Path, calendar: Calendar
) -> ImportPlan | str | None:
    """The plan; a refusal's words (str); or None when the user cancelled."""
    size = path.stat().st_size if path.exists() else 0
    how, result = run_in_background(parent, f"Reading {path.name} ({size / 1024 / 1024:.1f} MB)…",
                                    lambda: plan_import(path, calendar))  # fmt: skip
    if how == "cancelled":
        return None
    if how == "failed":
        if isinstance(result, ImportRefused):
            return str(result)
        return f"{path.name} could not be read ({type(result).__name__}: {str(result)[:120]})."
    return result
