"""A line of text that changes on every keystroke leaves the window's layout alone: a QLabel in
its place made the whole calendar window relayout and repaint on every other keystroke."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mnhsc_desktop.ui.shell.steady_label import SteadyLabel


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def window_with(qtbot, line: QWidget) -> tuple[QWidget, LayoutRequests]:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Above"))
    layout.addWidget(line)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the layout requests of showing it are done
    spy = LayoutRequests()
    window.installEventFilter(spy)
    return window, spy


def test_new_text_asks_for_no_new_layout_and_is_read_out(qtbot) -> None:
    line = SteadyLabel("Number of events shown", "No events match the search and filters.")
    _window, spy = window_with(qtbot, line)
    for text in (
        "20052 events",
        "7352 events",
        "1 event",
        "No events match the search and filters.",
    ):
        line.setText(text)
        qtbot.wait(1)
    assert spy.count == 0
    assert line.text() == line.label.text() == "No events match the search and filters."
    assert line.label.accessibleName() == "Number of events shown"
    assert line.label.width() >= line.label.fontMetrics().horizontalAdvance(line.text())


def test_a_plain_label_would_ask_each_time(qtbot) -> None:
    """What the test above guards against: the same texts in a QLabel relayout the window."""
    label = QLabel()
    _window, spy = window_with(qtbot, label)
    for text in ("20052 events", "7352 events", "1 event"):
        label.setText(text)
        qtbot.wait(1)
    assert spy.count > 0
