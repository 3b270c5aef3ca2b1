"""A note on one point of a chart (shown as a numbered marker), or, on a run chart, the user's
call that a point is astronomical: obviously different from the rest, with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.ui.shell.form_parts import save_buttons, text_box


def ask_note(parent: QWidget, day: str, run_chart: bool, current: dict | None = None
             ) -> dict[str, Any] | None:  # fmt: skip
    """The note as saved ({"date", "text"[, "astronomical"]}); empty text removes it; None:
    cancelled."""
    import datetime as dt

    dialog = QDialog(parent)
    dialog.setWindowTitle("Note on this point")
    layout = QVBoxLayout(dialog)
    label = QLabel(f"A note on the point of {uk_date(dt.date.fromisoformat(day), weekday=False)}"
                   " (leave it empty to remove the note):")  # fmt: skip
    label.setWordWrap(True)
    box = text_box(3)
    box.setAccessibleName("Note")
    box.setPlainText((current or {}).get("text", ""))
    label.setBuddy(box)
    layout.addWidget(label)
    layout.addWidget(box)
    astronomical = QCheckBox("This point is &astronomical (obviously unlike the rest)")
    astronomical.setChecked(bool((current or {}).get("astronomical")))
    astronomical.setVisible(run_chart)
    layout.addWidget(astronomical)
    layout.addWidget(save_buttons(dialog))
    if not dialog.exec():
        return None
    note = {"date": day, "text": box.toPlainText().strip()[:2000]}
    if run_chart and astronomical.isChecked():
        note["astronomical"] = True
    return note
