"""The pulse on a laptop passed round the room: full screen, one person at a time, a few
statements on a 1 to 5 scale, then the screen clears for the next person with no way back to
earlier answers. Leaving it is the facilitator's choice: Esc (or closing) asks, plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.culture import pulse as tp
from mnhsc_desktop.ui.culture.run_mode import _font
from mnhsc_desktop.ui.shell.widgets import named_button

PROMISE = ("Anonymous: only how many people chose each answer is kept — not who, not in what "
           "order, not when. Answers cannot be looked at or changed once given.")  # fmt: skip


class PulseKiosk(QWidget):
    finished = Signal()

    def __init__(self, store, key: str) -> None:
        super().__init__()
        self.store, self.key = store, key
        self.leaving = False
        [pulse] = [p for p in tp.pulses(store) if p.id == key]
        self.questions = pulse.questions
        self.setWindowTitle("Team pulse")
        self.setAccessibleName("Team pulse")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        title = QLabel(
            f"Team pulse — {pulse.team}" + (f": {pulse.session}" if pulse.session else "")
        )
        title.setFont(_font(self, 2.2, bold=True))
        title.setWordWrap(True)
        promise = QLabel(PROMISE)
        promise.setFont(_font(self, 1.2))
        promise.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(promise)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.welcome = QWidget()
        column = QVBoxLayout(self.welcome)
        self.thanks = QLabel("")
        self.thanks.setFont(_font(self, 1.8, bold=True))
        self.thanks.setWordWrap(True)
        self.thanks.setAccessibleName("Message")
        self.start_button = named_button("&Start my answers", "Start my answers", self.begin)
        self.start_button.setFont(_font(self, 1.6, bold=True))
        column.addStretch(1)
        column.addWidget(self.thanks)
        column.addWidget(self.start_button)
        column.addStretch(1)
        self.pages.addWidget(self.welcome)
        self.form = QWidget()
        grid = QGridLayout(self.form)
        self.groups: dict[str, QButtonGroup] = {}
        for row, question in enumerate(self.questions):
            statement = QLabel(f"{row + 1}. {tp.QUESTIONS[question][1]}")
            statement.setFont(_font(self, 1.4, bold=True))
            statement.setWordWrap(True)
            grid.addWidget(statement, row * 2, 0, 1, 5)
            group = QButtonGroup(self)
            for value, words in enumerate(tp.SCALE, start=1):
                button = QRadioButton(f"{value}  {words}")
                button.setFont(_font(self, 1.2))
                button.setAccessibleName(f"{tp.QUESTIONS[question][1]} {words}")
                group.addButton(button, value)
                grid.addWidget(button, row * 2 + 1, value - 1)
            self.groups[question] = group
        self.submit_button = named_button("&Give my answers", "Give my answers", self.submit)
        self.submit_button.setFont(_font(self, 1.4, bold=True))
        grid.addWidget(self.submit_button, len(self.questions) * 2, 0, 1, 5)
        self.pages.addWidget(self.form)
        help_text = QLabel("Tab moves between statements, arrows choose an answer, 1 to 5 too. "
                           "Facilitator: Esc to end the pulse.")  # fmt: skip
        layout.addWidget(help_text)
        self._ready("Pass the laptop round: each person answers on their own.")

    def _ready(self, message: str) -> None:
        self.thanks.setText(message)
        self.pages.setCurrentWidget(self.welcome)
        self.start_button.setFocus()

    def begin(self) -> None:
        for group in self.groups.values():  # a fresh form: nothing of the last person's
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.pages.setCurrentWidget(self.form)
        first = self.groups[self.questions[0]].buttons()[0]
        first.setFocus()

    def answers(self) -> dict[str, int]:
        return {q: g.checkedId() for q, g in self.groups.items() if g.checkedId() > 0}

    def submit(self) -> None:
        tp.record_response(self.store, self.key, self.answers())
        self._ready("Thank you. Your answers are in, and the screen is clear for the next "
                    "person.")  # fmt: skip

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
            return
        if self.pages.currentWidget() is self.form and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            focused = self.focusWidget()
            for group in self.groups.values():
                if focused in group.buttons():
                    group.button(key - Qt.Key.Key_0).setChecked(True)
                    group.button(key - Qt.Key.Key_0).setFocus()
                    return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        """Only with the facilitator's yes: a participant cannot wander into the rest of the app."""
        if not self.leaving:
            no = QMessageBox.StandardButton.No  # the default: Esc then Enter by a participant
            answer = QMessageBox.question(
                self, "End the pulse?",
                "For the facilitator: end the pulse and go back to the app? The answers given so "
                "far are kept (counts only). Choose No to carry on collecting.",
                QMessageBox.StandardButton.Yes | no, no,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.leaving = True
        super().closeEvent(event)
        self.finished.emit()
