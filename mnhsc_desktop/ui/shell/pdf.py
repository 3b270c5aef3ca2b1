"""Documents to PDF or paper, laid out by Qt itself (nothing extra installed).

Prose is HTML through QTextDocument, flowed across pages; tables are painted row by row,
because QTextDocument's tables take seconds at thousands of rows (7 s for 5,000 here).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from mnhsc_desktop.core.document import PAGE_BREAK, Document, Table
from mnhsc_desktop.core.store.atomic import atomic_write_bytes

STYLE = "th { background-color: #E8EDEE; text-align: left; } td, th { font-size: 9pt; }"
LAYOUT = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4),
    QPageLayout.Orientation.Landscape,
    QMarginsF(15, 15, 15, 15),
    QPageLayout.Unit.Millimeter,
)  # landscape: the eight columns of a CPD table need the width


def _line_bottoms(document: QTextDocument) -> list[float]:
    """Where the document may be cut between pages: the bottom of every line."""
    layout = document.documentLayout()
    bottoms: set[float] = set()
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for number in range(lines.lineCount()):
            line = lines.lineAt(number)
            bottoms.add(top + line.y() + line.height())
        bottoms.add(layout.blockBoundingRect(block).bottom())
        block = block.next()
    return sorted(bottoms)


class _Pages:
    """A painter on a paged device, with a cursor that moves down and onto new pages."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.painter = QPainter(device)
        rect = device.pageLayout().paintRectPixels(device.resolution())
        self.width, self.height = float(rect.width()), float(rect.height())
        self.y = 0.0

    def new_page(self) -> None:
        self.device.newPage()
        self.y = 0.0

    def html(self, html: str) -> None:
        """Flow HTML from the cursor, onto new pages as needed, never cutting through a line."""
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.device)
        document.setDefaultStyleSheet(STYLE)
        document.setDocumentMargin(0)
        document.setHtml(html)
        document.setTextWidth(self.width)
        total = document.size().height()
        cuts = _line_bottoms(document)
        start = 0.0
        while start < total - 0.5:
            room = self.height - self.y
            fitting = [cut for cut in cuts if start < cut <= start + room]
            if not fitting and self.y > 0:
                self.new_page()  # not even one line fits below what is there
                continue
            cut = fitting[-1] if fitting else start + room  # a line taller than a page: slice it
            self._draw(document, self.y, start, cut - start)
            self.y += cut - start
            start = cut
            if start < total - 0.5:
                self.new_page()

    def _draw(self, document: QTextDocument, at: float, offset: float, height: float) -> None:
        self.painter.save()
        self.painter.translate(0, at - offset)
        document.drawContents(self.painter, QRectF(0, offset, self.width, height))
        self.painter.restore()

    def table(self, table: Table) -> None:
        header, rows = table.header, table.rows
        painter = self.painter
        font = QFont(painter.font())
        font.setPointSizeF(8)
        bold = QFont(font)
        bold.setBold(True)
        widths = [self.width * share for share in table.shares]
        pad = self.device.resolution() / 40  # about 0.6 mm

        def height_of(cells: tuple[str, ...], face: QFont) -> float:
            painter.setFont(face)
            metrics = painter.fontMetrics()
            tallest = 0
            for text, width in zip(cells, widths, strict=True):
                box = metrics.boundingRect(
                    0, 0, int(width - 2 * pad), 100000, Qt.TextFlag.TextWordWrap, text
                )
                tallest = max(tallest, box.height())
            return tallest + 2 * pad

        def draw(cells: tuple[str, ...], face: QFont, shaded: bool) -> None:
            row_height = height_of(cells, face)
            if self.y + row_height > self.height:
                self.new_page()
                draw_header()
            x = 0.0
            for text, width in zip(cells, widths, strict=True):
                cell = QRectF(x, self.y, width, row_height)
                if shaded:
                    painter.fillRect(cell, Qt.GlobalColor.lightGray)
                painter.drawRect(cell)
                painter.drawText(
                    cell.adjusted(pad, pad, -pad, -pad), Qt.TextFlag.TextWordWrap, text
                )
                x += width
            self.y += row_height

        def draw_header() -> None:
            draw(header, bold, shaded=True)
            painter.setFont(font)

        draw_header()
        for cells in rows or [(table.empty, *[""] * (len(header) - 1))]:
            draw(cells, font, shaded=False)
        self.y += self.device.resolution() / 6  # a little space after the table

    def finish(self) -> None:
        self.painter.end()


def paint_document(device: QPagedPaintDevice, document: Document) -> None:
    pages = _Pages(device)
    for part in document.parts:
        if isinstance(part, Table):
            pages.table(part)
        elif part == PAGE_BREAK:
            if pages.y > 0:
                pages.new_page()
        else:
            pages.html(part)
    pages.finish()


def paint_to_pdf(
    path: Path, title: str, layout: QPageLayout, paint: Callable[[QPagedPaintDevice], None]
) -> None:
    """Paint pages into a PDF in memory, then write it atomically (raises WriteFailed)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("MNHSC Desktop")
    writer.setResolution(300)  # plenty for print, and quick to lay out
    writer.setPageLayout(layout)
    paint(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    atomic_write_bytes(Path(path), bytes(data.data()))


def paint_to_printer(
    parent, layout: QPageLayout, paint: Callable[[QPagedPaintDevice], None]
) -> bool:
    """Ask for a printer and paint onto it; False when the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(layout)
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint(printer)
    return True


def document_to_pdf(document: Document, path: Path) -> None:
    """Write a document (the revalidation pack) as an A4 PDF, atomically."""
    paint_to_pdf(path, document.title, LAYOUT, lambda device: paint_document(device, document))


def print_document(parent, document: Document) -> bool:
    return paint_to_printer(parent, LAYOUT, lambda device: paint_document(device, document))


def _paint_html(html: str) -> Callable[[QPagedPaintDevice], None]:
    def paint(device: QPagedPaintDevice) -> None:
        pages = _Pages(device)
        pages.html(html)
        pages.finish()

    return paint


def html_to_pdf(html: str, path: Path, title: str, layout: QPageLayout = LAYOUT) -> None:
    """Any HTML document (a handout, a form) as a PDF, flowed across pages."""
    paint_to_pdf(path, title, layout, _paint_html(html))


def print_html(parent, html: str, layout: QPageLayout = LAYOUT) -> bool:
    return paint_to_printer(parent, layout, _paint_html(html))


PORTRAIT = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4),
    QPageLayout.Orientation.Portrait,
    QMarginsF(15, 15, 15, 15),
    QPageLayout.Unit.Millimeter,
)


def print_or_save_html(
    parent, html: str, how: str, what: str, file_name: str, title: str
) -> str | None:
    """A handout or form, printed (`how` == "print") or saved as a PDF where the user chooses.
    Returns the status line to show; None when cancelled, or when a warning has said why not."""
    from PySide6.QtWidgets import QMessageBox

    from mnhsc_desktop.core.store.atomic import WriteFailed
    from mnhsc_desktop.ui.shell.file_choice import PDF_FILTER, ask_save_path

    if how == "print":
        return f"{what} sent to the printer." if print_html(parent, html, PORTRAIT) else None
    target = ask_save_path(parent, f"Save {what.lower()}", file_name, PDF_FILTER, ".pdf")
    if target is None:
        return None
    try:
        html_to_pdf(html, target, title, PORTRAIT)
    except WriteFailed as error:
        QMessageBox.warning(parent, f"{what} not saved", str(error))
        return None
    return f"{what} saved to {target}."
