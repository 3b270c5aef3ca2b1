"""Column widths that keep a table's main column readable however narrow the table gets.

Qt's stretch column takes whatever the others leave, so at 200% scale on a laptop screen the
title column shrinks to a few letters while "Status" keeps room for "Upcoming" and more. Here the
other columns give up width first, in proportion, so the main column keeps a fair share.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


def fitted_widths(
    available: int, preferred: dict[int, int], minimum: int, main_share: float
) -> dict[int, int]:
    """Widths for the other columns: as preferred when the main column still gets `main_share`
    of `available`, else shrunk in proportion (never below `minimum`)."""
    wanted = sum(preferred.values())
    room = available * (1 - main_share)
    if wanted <= room or wanted == 0:
        return dict(preferred)
    scale = room / wanted
    return {column: max(minimum, int(width * scale)) for column, width in preferred.items()}


class ColumnFitter(QObject):
    """Keeps `preferred` widths for the other columns of `table`, shrunk when it is narrow; the
    main column is the header's stretch section and gets the rest."""

    def __init__(self, table: QTableView, preferred: dict[int, int], main_share: float = 0.4):
        super().__init__(table)
        self.table = table
        self.preferred = preferred
        self.main_share = main_share
        self._width = -1
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        width = self.table.viewport().width()
        if width == self._width:
            return  # a user's own column widths stand until the table is resized
        self._width = width
        header = self.table.horizontalHeader()
        widths = fitted_widths(width, self.preferred, header.minimumSectionSize(), self.main_share)
        for column, column_width in widths.items():
            self.table.setColumnWidth(column, column_width)
