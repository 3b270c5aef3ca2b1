"""PDSA cycles: each tests a change idea (Plan: the question, the prediction, who, what, when and
where; Do: what happened; Study: against the prediction; Act: adopt, adapt or abandon). A cycle
can follow another (a ramp of tests) and be logged as CPD in the revalidation portfolio, with
the form filled in for the user to check and save, never copied silently."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.core.qi.drivers import change_ideas
from mnhsc_desktop.core.qi.projects import numbered
from mnhsc_desktop.ui.qi.overview_page import ProjectPage
from mnhsc_desktop.ui.revalidation.sheets import OptionalDate
from mnhsc_desktop.ui.shell.form_parts import buddy_label, text_box
from mnhsc_desktop.ui.shell.widgets import named_button, side_column

ID = Qt.ItemDataRole.UserRole
FIELDS = (  # (field, label, lines)
    ("question", "Plan: the question it answers", 2),
    ("prediction", "Plan: what we predict will happen", 2),
    ("plan", "Plan: who, what, when, where", 3),
    ("do", "Do: what happened", 3),
    ("study", "Study: the results against the prediction", 3),
)


def cycle_label(number: int, cycle: dict[str, Any]) -> str:
    when = uk_date(dt.date.fromisoformat(cycle["start"]), weekday=False) if cycle.get(
        "start") else "no date"  # fmt: skip
    act = qp.ACTS.get(cycle.get("act", ""), "")
    return f"PDSA {number}: {cycle.get('title') or 'untitled'} ({when}) — {act}"


class PdsaPage(ProjectPage):
    def __init__(self, host) -> None:
        super().__init__(host)
        self.cycle_id: str | None = None
        splitter, column = side_column(QVBoxLayout(self))
        self.list = QListWidget()
        self.list.setAccessibleName("PDSA cycles")
        self.list.setWordWrap(True)
        label = QLabel("C&ycles:")
        label.setBuddy(self.list)
        column.addWidget(label)
        column.addWidget(self.list, 1)
        self.new_button = named_button("Ne&w cycle", "New PDSA cycle", self.new_cycle)
        self.next_button = named_button(
            "Ne&xt cycle in this ramp", "Next cycle in this ramp", self.next_cycle
        )
        self.cpd_button = named_button("Log as CPD…", "Log this cycle as CPD", self.log_cpd)
        self.delete_button = named_button("Delete cycle…", "Delete PDSA cycle", self.delete)
        for button in (self.new_button, self.next_button, self.cpd_button, self.delete_button):
            column.addWidget(button)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.form_area = QWidget()
        area_column = QVBoxLayout(self.form_area)
        form = QFormLayout()
        area_column.addLayout(form)
        self.title = QLineEdit()
        self.title.setAccessibleName("Cycle title")
        form.addRow(buddy_label("T&itle:", self.title), self.title)
        self.idea = QComboBox()
        self.idea.setAccessibleName("Change idea it tests")
        form.addRow(buddy_label("Change idea it tests:", self.idea), self.idea)
        self.ramp = QLabel()
        self.ramp.setWordWrap(True)
        self.ramp.setAccessibleName("Ramp")
        form.addRow("Ramp:", self.ramp)
        self.start = OptionalDate("Started")
        self.start.given.setText("Started on")
        form.addRow("", self.start)
        self.end = OptionalDate("Finished")
        self.end.given.setText("Finished on")
        form.addRow("", self.end)
        self.texts = {}
        for field, text, lines in FIELDS:
            box = text_box(lines)
            box.setAccessibleName(text.replace("&", ""))
            box.textChanged.connect(self.timer.start)
            self.texts[field] = box
            form.addRow(buddy_label(text + ":", box), box)
        self.act = QComboBox()
        self.act.setAccessibleName("Act: adopt, adapt or abandon")
        for key, words in qp.ACTS.items():
            self.act.addItem(words, key)
        form.addRow(buddy_label("Act: adopt, adapt or abandon:", self.act), self.act)
        area_column.addStretch(1)
        scroll.setWidget(self.form_area)
        splitter.addWidget(scroll)
        splitter.setSizes([300, 700])

        self.title.textEdited.connect(lambda _t: self.timer.start())
        self.title.editingFinished.connect(self.flush)
        for combo in (self.idea, self.act):
            combo.activated.connect(lambda _i: self.flush())
        self.start.changed.connect(self.flush)
        self.end.changed.connect(self.flush)
        self.list.currentItemChanged.connect(self._chosen)

    # -- showing -------------------------------------------------------------------------------
    def load(self, value: dict[str, Any]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for number, cycle in numbered(value):
            item = QListWidgetItem(cycle_label(number, cycle))
            item.setData(ID, cycle["id"])
            self.list.addItem(item)
            if cycle["id"] == self.cycle_id:
                chosen = item
        if chosen is None and self.list.count():
            chosen = self.list.item(self.list.count() - 1)
        self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        self.idea.blockSignals(True)
        self.idea.clear()
        self.idea.addItem("(not linked to a change idea)", "")
        for line in change_ideas(value.get("drivers", [])):
            self.idea.addItem(line["text"][:120], line["id"])
        self.idea.blockSignals(False)
        self._show(chosen.data(ID) if chosen is not None else None, value)

    def _chosen(self, item, _previous=None) -> None:
        if self.timer.isActive():
            self.flush()
        value = self.host.current()
        if value is not None:
            self._show(item.data(ID) if item is not None else None, value)

    def _cycle(self, value: dict[str, Any]) -> dict[str, Any] | None:
        return next((c for c in value.get("cycles", []) if c["id"] == self.cycle_id), None)

    def _show(self, cycle_id: str | None, value: dict[str, Any]) -> None:
        self.cycle_id = cycle_id
        cycle = self._cycle(value)
        self.form_area.setEnabled(cycle is not None)
        for button in (self.next_button, self.cpd_button, self.delete_button):
            button.setEnabled(cycle is not None)
        cycle = cycle or qp.empty_cycle()
        for widget in (self.title, self.idea, self.act, *self.texts.values()):
            widget.blockSignals(True)
        self.title.setText(cycle.get("title", ""))
        self.idea.setCurrentIndex(max(0, self.idea.findData(cycle.get("idea", ""))))
        self.act.setCurrentIndex(max(0, self.act.findData(cycle.get("act", ""))))
        for field, box in self.texts.items():
            if box.toPlainText() != cycle.get(field, ""):
                box.setPlainText(cycle.get(field, ""))
        for widget in (self.title, self.idea, self.act, *self.texts.values()):
            widget.blockSignals(False)
        self.start.set_value(cycle.get("start", ""))
        self.end.set_value(cycle.get("end", ""))
        numbers = {c["id"]: n for n, c in numbered(value)}
        ramp = qp.ramp_of(value, cycle["id"]) if self.cycle_id else []
        self.ramp.setText(
            " → ".join(f"PDSA {numbers.get(c['id'], '?')}" for c in ramp) if len(ramp) > 1
            else "A single cycle (Next cycle in this ramp builds on it)."
        )  # fmt: skip
        logged = cycle.get("cpd") and self.host.store.get("portfolio", cycle["cpd"]) is not None
        self.cpd_button.setText("Logged as CPD (log again…)" if logged else "Log as CPD…")

    # -- changing ------------------------------------------------------------------------------
    def gather(self, value: dict[str, Any]) -> dict[str, Any]:
        if self.cycle_id is None or self._cycle(value) is None:
            return value
        fields = {field: box.toPlainText() for field, box in self.texts.items()}
        fields |= {"title": self.title.text().strip(), "idea": self.idea.currentData() or "",
                   "act": self.act.currentData() or "", "start": self.start.value(),
                   "end": self.end.value()}  # fmt: skip
        cycles = [c | fields if c["id"] == self.cycle_id else c for c in value["cycles"]]
        return value | {"cycles": cycles}

    def flush(self) -> None:
        super().flush()
        value = self.host.current()
        if value is not None and self.list.currentItem() is not None:
            cycle = self._cycle(value)
            number = next((n for n, c in numbered(value) if c["id"] == self.cycle_id), 0)
            if cycle is not None:
                self.list.currentItem().setText(cycle_label(number, cycle))

    def _add(self, cycle: dict[str, Any], said: str) -> None:
        self.flush()
        value = self.host.current()
        if value is None:
            return
        self.cycle_id = cycle["id"]
        self.host.save(value | {"cycles": [*value.get("cycles", []), cycle]}, said)
        self.load(self.host.current())
        self.title.setFocus()

    def new_cycle(self) -> None:
        self._add(qp.empty_cycle(self.idea.currentData() or ""),
                  "New PDSA cycle: give it a title, then plan it.")  # fmt: skip

    def next_cycle(self) -> None:
        self.flush()  # the title typed a moment ago names the next one
        value = self.host.current()
        cycle = self._cycle(value) if value else None
        if cycle is None:
            return
        after = qp.ramp_of(value, cycle["id"])[-1]  # continue the ramp from its last cycle
        follow = qp.empty_cycle(after.get("idea", ""), after["id"])
        follow["title"] = f"{after.get('title') or 'Cycle'} (next)"
        self._add(follow, "The next cycle of this ramp: what did the last one teach you?")

    def delete(self) -> None:
        value = self.host.current()
        cycle = self._cycle(value) if value else None
        if cycle is None:
            return
        answer = QMessageBox.question(
            self, "Delete this cycle?",
            f"Delete “{cycle.get('title') or 'untitled'}” and what is written in it? "
            "Edit > Undo brings it back.",
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        cycles = [c for c in value["cycles"] if c["id"] != cycle["id"]]
        for c in cycles:  # a later cycle of the ramp now follows the one before the deleted
            if c.get("follows") == cycle["id"]:
                c["follows"] = cycle.get("follows", "")
        self.cycle_id = None
        self.host.save(value | {"cycles": cycles}, "Cycle deleted. Edit > Undo brings it back.")

    def log_cpd(self) -> None:
        """The CPD form, filled in from the cycle, for the user to check and save."""
        from mnhsc_desktop.core.revalidation.entries import CpdEntry
        from mnhsc_desktop.core.revalidation.entries import new_id as new_entry_id
        from mnhsc_desktop.core.revalidation.portfolio import save_cpd
        from mnhsc_desktop.ui.revalidation.entry_dialogs import CpdDialog

        self.flush()
        value = self.host.current()
        cycle = self._cycle(value) if value else None
        if cycle is None:
            return
        day = cycle.get("end") or cycle.get("start") or dt.date.today().isoformat()
        with_others = bool(value.get("team"))
        learned = "\n".join(t for t in (cycle.get("study", ""), qp.ACTS.get(cycle.get("act", ""))
                                        if cycle.get("act") else "") if t)  # fmt: skip
        entry = CpdEntry(
            new_entry_id(), dt.date.fromisoformat(day), "Quality improvement: a PDSA cycle",
            f"PDSA cycle “{cycle.get('title') or 'untitled'}” in the QI project "
            f"“{value['title']}”", relevance=learned, minutes=60,
            participatory_minutes=60 if with_others else 0,
            evidence="The PDSA record in MNHSC Desktop's QI projects",
        )  # fmt: skip
        dialog = CpdDialog(self, entry, "Log this PDSA cycle as CPD")
        if not dialog.exec():
            return
        saved = dialog.value()
        save_cpd(self.host.store, saved)
        cycles = [c | {"cpd": f"cpd/{saved.id}"} if c["id"] == cycle["id"] else c
                  for c in value["cycles"]]  # fmt: skip
        self.host.save(value | {"cycles": cycles},
                       "Logged as CPD in your revalidation portfolio (Revalidation tab).")  # fmt: skip
