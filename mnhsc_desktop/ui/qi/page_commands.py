"""Printing or saving the project on a page, and a chart as PNG or PDF: the privacy check
first, then A4 or A3, PDF or paper; every failure said in words, nothing half-written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from mnhsc_desktop.core.qi.projects import project_texts
from mnhsc_desktop.core.store.atomic import WriteFailed

SIZES = {"A4 landscape": QPageSize.PageSizeId.A4, "A3 landscape": QPageSize.PageSizeId.A3}


def page_layout(size: str) -> QPageLayout:
    return QPageLayout(QPageSize(SIZES[size]), QPageLayout.Orientation.Landscape,
                       QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)  # fmt: skip


def privacy_ok(parent: QWidget, value: dict[str, Any], verb: str) -> bool:
    from mnhsc_desktop.core.revalidation.privacy import scan_all

    hits = scan_all(project_texts(value))
    if not hits:
        return True
    shown = "\n".join(f"• {h.kind} “{h.text}” in {h.where}" for h in hits[:10])
    answer = QMessageBox.warning(
        parent, "This project may identify a patient",
        f"A QI project holds counts and dates, never who. These look like they could identify "
        f"a patient:\n\n{shown}\n\nGo back to edit them, or {verb} anyway?",
        QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ignore,
        QMessageBox.StandardButton.Cancel,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Ignore


def write_page_pdf(path, value: dict[str, Any], size: str = "A4 landscape") -> None:
    """The page as a PDF, written atomically (raises WriteFailed)."""
    from mnhsc_desktop.core.qi.projects import markers_of
    from mnhsc_desktop.ui.qi.page_paint import paint_page
    from mnhsc_desktop.ui.shell.pdf import paint_to_pdf

    paint_to_pdf(path, value["title"], page_layout(size),
                 lambda device: paint_page(device, value, lambda m: markers_of(value, m)))  # fmt: skip


def save_or_print_page(parent: QWidget, value: dict[str, Any]) -> str | None:
    """What to say in the status bar, or None when cancelled (or a warning said why not)."""
    choices = [f"{size}: save as PDF" for size in SIZES] + [f"{size}: print" for size in SIZES]
    choice, ok = QInputDialog.getItem(parent, "Project on a page",
                                      "One page for the staff-room board or a meeting:",
                                      choices, 0, False)  # fmt: skip
    if not ok or not privacy_ok(parent, value, "print" if "print" in choice else "save"):
        return None
    size = choice.split(":")[0]
    if choice.endswith("print"):
        from mnhsc_desktop.core.qi.projects import markers_of
        from mnhsc_desktop.ui.qi.page_paint import paint_page
        from mnhsc_desktop.ui.shell.pdf import paint_to_printer

        printed = paint_to_printer(parent, page_layout(size),
                                   lambda d: paint_page(d, value, lambda m: markers_of(value, m)))  # fmt: skip
        return "The project page went to the printer." if printed else None
    from mnhsc_desktop.ui.shell.file_choice import PDF_FILTER, ask_save_path, file_stem

    suggested = f"{file_stem(value['title'], 'qi-project')}.pdf"
    target = ask_save_path(parent, "Save the project on a page", suggested,
                           PDF_FILTER, ".pdf")  # fmt: skip
    if target is None:
        return None
    try:
        write_page_pdf(target, value, size)
    except WriteFailed as error:
        QMessageBox.warning(parent, "The page was not saved", str(error))
        return None
    return f"Saved the project on a page: {target}"


def save_chart_file(parent: QWidget, chart, title: str, unit: str, markers, target=None
                    ) -> str | None:  # fmt: skip
    from mnhsc_desktop.ui.qi.chart_paint import chart_to_file
    from mnhsc_desktop.ui.shell.file_choice import ask_save_path, file_stem

    suggested = f"{file_stem(title, 'chart')}.png"
    path = ask_save_path(parent, "Save the chart", suggested,
                         "PNG picture (*.png);;PDF document (*.pdf)", ".png")  # fmt: skip
    if path is None:
        return None
    try:
        chart_to_file(path, chart, title, unit, markers, target)
    except WriteFailed as error:
        QMessageBox.warning(parent, "The chart was not saved", str(error))
        return None
    return f"Saved the chart: {path}"
