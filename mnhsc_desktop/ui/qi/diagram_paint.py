"""The driver diagram drawn as QI teams know it: the aim on the left, then primary drivers,
secondary drivers and change ideas, each joined to what it serves. One routine for the screen
and the project-on-a-page PDF; column headings in words, so nothing depends on colour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from mnhsc_desktop.core.qi.drivers import layout

HEADINGS = ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")
INK = QColor("#212B32")
FILLS = (QColor("#E8EDEE"), QColor("#FFFFFF"), QColor("#FFFFFF"), QColor("#FFF9C4"))


def paint_diagram(painter: QPainter, area: QRectF, aim: str, lines, ink: QColor = INK) -> float:
    """Draw into `area`; returns the height used (the PDF places what follows beneath it)."""
    boxes = layout(aim, lines)
    metrics = painter.fontMetrics()
    line = metrics.height()
    gap = max(12.0, area.width() * 0.03)
    width = (area.width() - gap * 3) / 4
    rows = max(1.0, boxes[0].height)
    top = area.top() + line * 2.6
    row_height = max(line * 2.6, min(line * 5, (area.height() - line * 2.6) / rows))
    painter.save()
    painter.setPen(ink)
    bold = painter.font()
    bold.setBold(True)
    plain = painter.font()
    painter.setFont(bold)
    for column, words in enumerate(HEADINGS):
        left = area.left() + column * (width + gap)
        painter.drawText(QRectF(left, area.top(), width, line * 2.4),
                         int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignBottom), words)  # fmt: skip
    painter.setFont(plain)
    rects: list[QRectF] = []
    for box in boxes:
        left = area.left() + box.column * (width + gap)
        rect = QRectF(left, top + box.top * row_height + 3, width,
                      box.height * row_height - 6)  # fmt: skip
        if box.column:  # drivers and ideas: a box of their own row height, centred on the span
            height = min(rect.height(), row_height - 6)
            rect = QRectF(left, rect.center().y() - height / 2, width, height)
        rects.append(rect)
        painter.setPen(QPen(ink, max(1.0, line / 16)))
        painter.setBrush(FILLS[box.column])
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("#212B32"))  # dark text on the light fill, in any theme
        text = metrics.elidedText(box.text.replace("\n", " "), Qt.TextElideMode.ElideRight,
                                  int((rect.width() - 8) * max(1, rect.height() // line - 0.5)))  # fmt: skip
        painter.drawText(rect.adjusted(4, 2, -4, -2),
                         int(Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap),
                         text)  # fmt: skip
    painter.setPen(QPen(ink, max(1.0, line / 16)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for box, rect in zip(boxes, rects, strict=True):
        if box.parent is None:
            continue
        parent = rects[box.parent]
        start = QPointF(parent.right(), parent.center().y() if box.parent else rect.center().y())
        end = QPointF(rect.left(), rect.center().y())
        middle = (start.x() + end.x()) / 2
        path = QPainterPath(start)
        path.lineTo(middle, start.y())
        path.lineTo(middle, end.y())
        path.lineTo(end)
        painter.drawPath(path)
    painter.restore()
    return top - area.top() + rows * row_height
