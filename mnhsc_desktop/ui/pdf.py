"""Documents to PDF or paper: HTML laid out by Qt's own text engine (nothing extra installed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from mnhsc_desktop.core.atomic import atomic_write_bytes


def _document(html: str) -> QTextDocument:
    """Laid out by print_() itself, page by page, to the writer's page size and margins."""
    document = QTextDocument()
    document.setDefaultStyleSheet(
        "th { background-color: #E8EDEE; text-align: left; } td, th { font-size: 9pt; }"
    )
    document.setHtml(html)
    return document


def html_to_pdf(html: str, path: Path, title: str = "MNHSC Desktop") -> None:
    """Write an A4 PDF atomically (a half-written PDF never replaces a good one)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("MNHSC Desktop")
    # Landscape: the eight columns of a CPD table need the width. QTextDocument.print_ adds 2 cm
    # margins of its own, so the page layout adds none.
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    _document(html).print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    atomic_write_bytes(Path(path), bytes(data.data()))  # raises WriteFailed, in words


def print_html(parent, html: str) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _document(html).print_(printer)
    return True
