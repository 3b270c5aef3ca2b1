"""A project's aim, team, the ladder subjects it exercises, its status and dates: a short form
saved as it is typed (a moment after the last key), with a nudge towards a measurable aim."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.ui.revalidation.sheets import OptionalDate
from mnhsc_desktop.ui.shell.form_parts import buddy_label, text_box


class ProjectPage(QWidget):
    """One page of the chosen project. Typing waits a moment, then saves (one undo step per
    pause, not per key); a change from elsewhere shows unless the user is mid-edit here."""

    def __init__(self, host) -> None:
        super().__init__()
        self.host = host
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(700)
        self.timer.timeout.connect(self.flush)

    def show_project(self, value: dict[str, Any] | None) -> None:
        self.timer.stop()
        if value is not None:
            self.load(value)

    def reload(self, value: dict[str, Any] | None) -> None:
        if value is not None and not self.timer.isActive():
            self.load(value)

    def load(self, value: dict[str, Any]) -> None:
        raise NotImplementedError

    def gather(self, value: dict[str, Any]) -> dict[str, Any]:
        """The project with what this page shows written into it (pages with typed fields)."""
        return value

    def flush(self) -> None:
        self.timer.stop()
        value = self.host.current()
        if value is not None:
            self.host.save(self.gather(dict(value)))


class OverviewPage(ProjectPage):
    def __init__(self, host) -> None:
        super().__init__(host)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.title = QLineEdit()
        self.title.setAccessibleName("Project title")
        self.title.setMaxLength(300)
        form.addRow(buddy_label("T&itle:", self.title), self.title)
        self.aim = text_box(3)
        self.aim.setAccessibleName("Aim")
        self.aim.setPlaceholderText(
            "What will improve, how much, by when: for example “95% of women on the postnatal "
            "ward get discharge information before 11:00 by June 2027”"
        )
        form.addRow(buddy_label("Aim (&what, how much, by when):", self.aim), self.aim)
        self.aim_check = QLabel()
        self.aim_check.setWordWrap(True)
        self.aim_check.setAccessibleName("Is the aim measurable")
        form.addRow("", self.aim_check)
        self.team = text_box(3)
        self.team.setAccessibleName("Team, one per line")
        self.team.setPlaceholderText("One per line: names or roles only (“Ward manager”)")
        form.addRow(buddy_label("Team (names or roles onl&y):", self.team), self.team)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName("Status")
        for key, words in qp.STATUSES.items():
            self.status_box.addItem(words, key)
        form.addRow(buddy_label("Status:", self.status_box), self.status_box)
        self.start = OptionalDate("Started")
        self.start.given.setText("Started on")
        form.addRow("", self.start)
        self.end = OptionalDate("Finished")
        self.end.given.setText("Finished on")
        form.addRow("", self.end)
        self.subjects = QListWidget()
        self.subjects.setAccessibleName("Ladder subjects it exercises")
        self.subjects.setAccessibleDescription("Space ticks or unticks the subject.")
        for subject in getattr(host.ladder, "subjects", ()):
            item = QListWidgetItem(subject.name)
            item.setData(Qt.ItemDataRole.UserRole, subject.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.subjects.addItem(item)
        form.addRow(buddy_label("Ladder su&bjects it exercises:", self.subjects), self.subjects)

        self.title.textEdited.connect(lambda _t: self.timer.start())
        self.title.editingFinished.connect(self.flush)
        for box in (self.aim, self.team):
            box.textChanged.connect(self.timer.start)
        self.aim.textChanged.connect(self._check_aim)
        self.status_box.activated.connect(lambda _i: self.flush())
        self.start.changed.connect(self.flush)
        self.end.changed.connect(self.flush)
        self.subjects.itemChanged.connect(lambda _item: self.flush())

    def _check_aim(self) -> None:
        missing = qp.aim_missing(self.aim.toPlainText())
        if not missing:
            self.aim_check.setText("✓ The aim says how much and by when: it can be measured.")
        elif len(missing) == 3:
            self.aim_check.setText("A measurable aim says what will improve, how much, by when.")
        else:
            self.aim_check.setText("To be measurable, the aim could also say: "
                                   + " and ".join(missing) + ".")  # fmt: skip

    def load(self, value: dict[str, Any]) -> None:
        widgets = (self.title, self.aim, self.team, self.status_box, self.subjects)
        for widget in widgets:
            widget.blockSignals(True)
        if self.title.text() != value["title"]:
            self.title.setText(value["title"])
        _set_text(self.aim, value.get("aim", ""))
        _set_text(self.team, "\n".join(value.get("team", [])))
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(value.get("status"))))
        chosen = set(value.get("subjects", []))
        for row in range(self.subjects.count()):
            item = self.subjects.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        for widget in widgets:
            widget.blockSignals(False)
        self.start.set_value(value.get("start", ""))
        self.end.set_value(value.get("end", ""))
        self._check_aim()

    def gather(self, value: dict[str, Any]) -> dict[str, Any]:
        team = [line.strip()[:300] for line in self.team.toPlainText().splitlines()]
        subjects = [
            self.subjects.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.subjects.count())
            if self.subjects.item(r).checkState() == Qt.CheckState.Checked
        ]
        known = {self.subjects.item(r).data(Qt.ItemDataRole.UserRole)
                 for r in range(self.subjects.count())}  # fmt: skip
        kept = [s for s in value.get("subjects", []) if s not in known]  # a newer version's
        return value | {
            "title": self.title.text().strip() or value["title"],
            "aim": self.aim.toPlainText(),
            "team": [t for t in team if t][:100],
            "status": self.status_box.currentData(),
            "start": self.start.value(),
            "end": self.end.value(),
            "subjects": kept + subjects,
        }


def _set_text(box: QPlainTextEdit, text: str) -> None:
    if box.toPlainText() != text:
        box.setPlainText(text)
