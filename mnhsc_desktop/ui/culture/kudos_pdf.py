"""Kudos cards on paper: cards in a grid with dashed cutting guides, painted with QPainter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QWidget

from mnhsc_desktop.core.culture.kudos import LAYOUTS, KudosCard, paginate
from mnhsc_desktop.ui.shell import theme
from mnhsc_desktop.ui.shell.pdf import paint_to_pdf, paint_to_printer

NHS_BLUE = QColor(theme.NHS_BLUE)
LAYOUT = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4),
    QPageLayout.Orientation.Portrait,
    QMarginsF(10, 10, 10, 10),
    QPageLayout.Unit.Millimeter,
)


def paint_cards(device: QPagedPaintDevice, cards: list[KudosCard], per_page: int) -> None:
    columns, rows = LAYOUTS[per_page]
    painter = QPainter(device)
    area = device.pageLayout().paintRectPixels(device.resolution())
    width, height = area.width() / columns, area.height() / rows
    unit = device.resolution() / 72  # one point, in device pixels
    for number, page in enumerate(paginate(cards, per_page)):
        if number:
            device.newPage()
        guide = QPen(Qt.GlobalColor.gray, 0.5 * unit, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        for column in range(1, columns):
            painter.drawLine(int(column * width), 0, int(column * width), area.height())
        for row in range(1, rows):
            painter.drawLine(0, int(row * height), area.width(), int(row * height))
        for index in range(per_page):
            card = (
                page[index]
                if index < len(page)
                else (KudosCard() if not page or len(page) == per_page else None)
            )
            if card is None:
                continue
            cell = QRectF((index % columns) * width, (index // columns) * height, width, height)
            _paint_card(
                painter,
                cell.adjusted(8 * unit, 8 * unit, -8 * unit, -8 * unit),
                card,
                unit,
                per_page,
            )
    painter.end()


def _paint_card(
    painter: QPainter, box: QRectF, card: KudosCard, unit: float, per_page: int
) -> None:
    scale = 1.0 if per_page == 4 else 0.75
    painter.setPen(QPen(NHS_BLUE, 2 * unit))
    painter.drawRoundedRect(box, 8 * unit, 8 * unit)
    title = QFont("Sans Serif")
    title.setPointSizeF(28 * scale)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(NHS_BLUE)
    inner = box.adjusted(10 * unit, 8 * unit, -10 * unit, -8 * unit)
    title_height = painter.fontMetrics().height()
    painter.drawText(
        QRectF(inner.left(), inner.top(), inner.width(), title_height),
        Qt.AlignmentFlag.AlignHCenter,
        "Kudos!",
    )
    body = QFont("Sans Serif")
    body.setPointSizeF(12 * scale)
    painter.setFont(body)
    painter.setPen(Qt.GlobalColor.black)
    line = painter.fontMetrics().height()
    y = inner.top() + title_height + line
    for label, value, lines in (
        ("To", card.to, 1),
        ("Thank you for", card.what, 3),
        ("From", card.sender, 1),
    ):
        painter.drawText(
            QRectF(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft, f"{label}:"
        )
        y += line
        text_box = QRectF(inner.left(), y, inner.width(), line * lines * 1.6)
        if value:
            painter.drawText(text_box, Qt.TextFlag.TextWordWrap, value)
        else:
            painter.setPen(QPen(Qt.GlobalColor.gray, 0.5 * unit))
            for n in range(lines):
                baseline = y + line * 1.5 * (n + 1)
                painter.drawLine(
                    int(inner.left()), int(baseline), int(inner.right()), int(baseline)
                )
            painter.setPen(Qt.GlobalColor.black)
        y += line * lines * 1.6 + line * 0.3


def kudos_pdf(cards: list[KudosCard], per_page: int, path: Path) -> None:
    paint_to_pdf(path, "Kudos cards", LAYOUT, lambda device: paint_cards(device, cards, per_page))


def print_cards(parent, cards: list[KudosCard], per_page: int) -> bool:
    return paint_to_printer(parent, LAYOUT, lambda device: paint_cards(device, cards, per_page))


def save_or_print_kudos(parent: QWidget) -> str | None:
    """The Culture library's Kudos cards button: ask what to print, then print or save a PDF. Returns what to tell the
    user in the status bar, or None when they cancelled or a warning has said why it failed."""
    from PySide6.QtWidgets import QMessageBox

    from mnhsc_desktop.core.store.atomic import WriteFailed
    from mnhsc_desktop.ui.culture.dialogs import KudosDialog
    from mnhsc_desktop.ui.shell.file_choice import PDF_FILTER, ask_save_path

    dialog = KudosDialog(parent)
    if not dialog.exec():
        return None
    cards, per_page = dialog.cards_wanted(), dialog.per_page.checkedId()
    if dialog.choice == "print":
        return "Kudos cards sent to the printer." if print_cards(parent, cards, per_page) else None
    target = ask_save_path(parent, "Save Kudos cards", "kudos-cards.pdf", PDF_FILTER, ".pdf")
    if target is None:
        return None
    try:
        kudos_pdf(cards, per_page, target)
    except WriteFailed as error:
        QMessageBox.warning(parent, "Kudos cards not saved", str(error))
        return None
    return f"Kudos cards saved to {target}."
