"""Work beside the window hands the interpreter back often, and leaves things as it found them:
the window calls Python for every cell it paints, and each call waits for the work's turn."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QEventLoop

from mnhsc_desktop.ui.calendar.background import HANDOVER, Worker, quick_handover


def run(work) -> None:
    worker = Worker(work)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    loop.exec()
    worker.wait()


def test_the_interpreter_hands_over_quickly_while_work_runs_and_as_before_after(qtbot) -> None:
    before = sys.getswitchinterval()
    seen: list[float] = []
    run(lambda: seen.append(sys.getswitchinterval()))
    assert seen == [pytest.approx(HANDOVER)] and before > HANDOVER
    assert sys.getswitchinterval() == before
    run(lambda: 1 / 0)  # work that fails restores it too
    assert sys.getswitchinterval() == before


def test_overlapping_work_restores_only_when_the_last_ends() -> None:
    before = sys.getswitchinterval()
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[float] = []

    def first() -> None:
        with quick_handover():
            first_in.set()
            second_done.wait(5)
            seen.append(sys.getswitchinterval())

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(5)
    with quick_handover():
        pass
    second_done.set()
    thread.join(5)
    assert seen == [pytest.approx(HANDOVER)], (
        "the second's end left the first one's quick handover alone"
    )
    assert sys.getswitchinterval() == before
