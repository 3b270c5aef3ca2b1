"""Reading and previewing a calendar file off the GUI thread, with a busy bar and Cancel.

icalendar takes seconds over a large file (about 8 s for 20,000 events here); the window stays
responsive meanwhile, and Cancel discards whatever the reading produces: nothing changes until
the preview's Import button, so a cancelled import changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.ics.import_plan import ImportPlan, plan_import
from mnhsc_desktop.core.calendar.ics.importer import ImportRefused

_RUNNING: set[QThread] = set()  # a cancelled reader finishes on its own; kept alive until then


class PlanWorker(QThread):
    planned = Signal(object)
    refused = Signal(str)

    def __init__(self, path: Path, calendar: Calendar) -> None:
        super().__init__()
        self.path, self.calendar = path, calendar

    def run(self) -> None:
        try:
            plan = plan_import(self.path, self.calendar)
        except ImportRefused as refusal:
            self.refused.emit(str(refusal))
        except Exception as error:  # never a traceback in front of a user
            self.refused.emit(f"{self.path.name} could not be read ({type(error).__name__}: "
                              f"{str(error)[:120]}).")  # fmt: skip
        else:
            self.planned.emit(plan)


def plan_in_background(
    parent: QWidget | None, path: Path, calendar: Calendar
) -> ImportPlan | str | None:
    """The plan; a refusal's words (str); or None when the user cancelled."""
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    worker = PlanWorker(path, calendar)
    _RUNNING.add(worker)
    worker.finished.connect(lambda: _RUNNING.discard(worker))
    worker.planned.connect(lambda plan: outcome.setdefault("result", plan))
    worker.refused.connect(lambda words: outcome.setdefault("result", words))
    worker.finished.connect(loop.quit)
    size = path.stat().st_size if path.exists() else 0
    progress = QProgressDialog(f"Reading {path.name} ({size / 1024 / 1024:.1f} MB)…", "Cancel",
                               0, 0, parent)  # fmt: skip
    progress.setWindowTitle("Importing a calendar")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)  # a small file is read before the bar would show
    progress.setAccessibleName("Reading the calendar file")
    progress.canceled.connect(lambda: outcome.setdefault("cancelled", True))
    progress.canceled.connect(loop.quit)
    worker.start()
    loop.exec()  # ends on finished or Cancel (a finish before this line is queued, not lost)
    progress.reset()
    progress.deleteLater()
    if outcome.get("cancelled"):
        return None
    worker.wait()  # finished: the outcome is in
    return outcome.get("result")  # type: ignore[return-value]
