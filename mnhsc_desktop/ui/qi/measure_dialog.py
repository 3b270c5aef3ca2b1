"""Add or edit a measure: what is counted (the operational definition), its kind, unit, which
way is better, an optional target, and the chart it is plotted on."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.core.store.schema_qi import MAX_VALUE
from mnhsc_desktop.ui.shell.form_parts import discard_ok, save_buttons, text_box


def _choices(options: dict[str, str], current: str, name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for key, words in options.items():
        box.addItem(words, key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class MeasureDialog(QDialog):
    def __init__(self, parent: QWidget | None, measure: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit measure" if measure else "New measure")
        self.setMinimumWidth(520)
        self.measure = measure or qp.empty_measure("")
        m = self.measure
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit(m["name"] if measure else "")
        self.name.setPlaceholderText("For example: % of discharges before 11:00")
        self.name.setMaxLength(300)
        form.addRow("&Name:", self.name)
        self.kind = _choices(qp.MEASURE_KINDS, m.get("kind", "outcome"), "Kind of measure")
        self.kind.setToolTip("Outcome: the aim itself. Process: a step on the way. Balancing: "
                             "what could get worse elsewhere.")  # fmt: skip
        form.addRow("&Kind:", self.kind)
        self.definition = text_box(3)
        self.definition.setPlainText(m.get("definition", ""))
        self.definition.setPlaceholderText(
            "Exactly what is counted, from where, how often: for example “women discharged "
            "from the postnatal ward each week whose discharge summary was given before 11:00, "
            "divided by all discharges that week”"
        )
        form.addRow("Operational &definition:", self.definition)
        self.unit = QLineEdit(m.get("unit", ""))
        self.unit.setMaxLength(40)
        self.unit.setPlaceholderText("%, minutes, women…")
        form.addRow("&Unit:", self.unit)
        self.direction = _choices(
            qp.DIRECTIONS, m.get("direction", "increase"), "Which way is better"
        )
        form.addRow("&Which way is better:", self.direction)
        row = QHBoxLayout()
        self.has_target = QCheckBox("&Target:")
        self.target = QDoubleSpinBox()
        self.target.setRange(-MAX_VALUE, MAX_VALUE)
        self.target.setDecimals(2)
        self.target.setAccessibleName("Target value")
        self.has_target.setChecked(m.get("target") is not None)
        self.target.setValue(m.get("target") or 0)
        self.target.setEnabled(self.has_target.isChecked())
        self.has_target.toggled.connect(self.target.setEnabled)
        row.addWidget(self.has_target)
        row.addWidget(self.target, 1)
        form.addRow(row)
        self.chart = _choices(qp.CHART_TYPES, m.get("chart", "run"), "Chart")
        self.chart.setToolTip("A run chart (median, IHI rules) suits a first project and few "
                              "points; an XmR chart (mean and process limits, Making Data Count "
                              "rules) needs 15 to 20 points to be useful.")  # fmt: skip
        form.addRow("&Chart:", self.chart)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        layout.addWidget(self.problem)
        layout.addWidget(save_buttons(self))
        self.initial = self.value()

    def reject(self) -> None:
        if discard_ok(self, self.value() != self.initial):
            super().reject()

    def accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText("A measure needs a name.")
            self.name.setFocus()
            return
        super().accept()

    def value(self) -> dict[str, Any]:
        return self.measure | {
            "name": self.name.text().strip(),
            "kind": self.kind.currentData(),
            "definition": self.definition.toPlainText(),
            "unit": self.unit.text().strip(),
            "direction": self.direction.currentData(),
            "target": self.target.value() if self.has_target.isChecked() else None,
            "chart": self.chart.currentData(),
        }
