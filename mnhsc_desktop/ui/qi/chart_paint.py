"""A run chart or an XmR chart painted with QPainter, the same routine on screen, in a PDF and
in a PNG. Points differ by shape as well as colour (circle: common cause; up-triangle:
improvement; down-triangle: concern; square: a change, direction neutral), limits are dashed,
the centre line solid, and every signal is said in words beneath the chart."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.qi.words import chart_sentences

INK = QColor("#212B32")  # NHS dark grey
IMPROVEMENT = QColor("#005EB8")  # NHS Blue
CONCERN = QColor("#B35A00")  # a dark orange that reads at 4.5:1 on white
NEUTRAL = QColor("#6B3FA0")


def _weight(painter: QPainter) -> float:
    """A line weight that reads the same on screen and on a 300 dpi page: a fraction of the
    text's height (one pixel on screen), so dashes stay dashes in print."""
    return max(1.0, painter.fontMetrics().height() / 16)


def _marker(painter: QPainter, centre: QPointF, kind: str, size: float) -> None:
    r = size / 2
    if kind == "special_cause_improvement":
        painter.setBrush(IMPROVEMENT)
        painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() - r * 1.2),
                                       QPointF(centre.x() - r, centre.y() + r),
                                       QPointF(centre.x() + r, centre.y() + r)]))  # fmt: skip
    elif kind == "special_cause_concern":
        painter.setBrush(CONCERN)
        painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() + r * 1.2),
                                       QPointF(centre.x() - r, centre.y() - r),
                                       QPointF(centre.x() + r, centre.y() - r)]))  # fmt: skip
    elif kind == "special_cause_neutral":
        painter.setBrush(NEUTRAL)
        painter.drawRect(QRectF(centre.x() - r, centre.y() - r, size, size))
    else:
        painter.setBrush(Qt.GlobalColor.white)
        painter.drawEllipse(centre, r * 0.8, r * 0.8)


def paint_chart(
    painter: QPainter,
    area: QRectF,
    chart,
    title: str,
    unit: str = "",
    markers=(),
    max_lines=12,
    target: float | None = None,
) -> None:
    """Draw `chart` (an XmrChart or a RunChart) into `area`, words beneath; `markers` are
    (date, label) pairs (PDSA cycles, notes) numbered on the date axis and listed in words."""
    points = chart.points
    font = QFont(painter.font())
    line = painter.fontMetrics().height()
    painter.save()
    painter.setPen(INK)
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line), title)
    painter.setFont(font)
    sentences = chart_sentences(chart, list(markers)) or ["No signals: common cause variation."]
    if len(sentences) > max_lines:
        sentences = [*sentences[: max_lines - 1], f"…and {len(sentences) - max_lines + 1} more"]
    words_height = line * (len(sentences) + 2)
    # The value labels' room, from the font (a PDF at 300 dpi has far more pixels per letter).
    gutter = painter.fontMetrics().horizontalAdvance(f"-0000.0{unit}") + line * 0.5
    plot = QRectF(area.left() + gutter, area.top() + line * 1.5, area.width() - gutter - line,
                  area.height() - line * 3.5 - words_height)  # fmt: skip
    if not points or plot.height() < line * 3:
        painter.restore()
        return
    values = [p.value for p in points]
    for p in points:
        values += [v for v in (p.upper, p.lower) if v is not None]
        values.append(p.centre)
    if target is not None:
        values.append(target)
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad

    def y(value: float) -> float:
        return plot.bottom() - (value - low) / (high - low) * plot.height()

    def x(at: int) -> float:
        return plot.left() + (at + 0.5) * plot.width() / len(points)

    painter.drawRect(plot)
    for value in (low + pad, (low + high) / 2, high - pad):  # three values on the axis
        painter.drawText(QRectF(area.left(), y(value) - line / 2, gutter - line * 0.3, line),
                         Qt.AlignmentFlag.AlignRight, f"{value:.3g}{unit}")  # fmt: skip
    # centre and limits, group by group
    for name, style in (("centre", Qt.PenStyle.SolidLine), ("upper", Qt.PenStyle.DashLine),
                        ("lower", Qt.PenStyle.DashLine)):  # fmt: skip
        painter.setPen(QPen(INK, _weight(painter), style))
        path = QPainterPath()
        for at, p in enumerate(points):
            value = getattr(p, name)
            if value is None:
                continue
            left, right = (
                x(at) - plot.width() / len(points) / 2,
                x(at) + plot.width() / len(points) / 2,
            )
            if at == 0 or getattr(points[at - 1], name) != value:
                path.moveTo(left, y(value))
            path.lineTo(right, y(value))
        painter.drawPath(path)
    if target is not None:
        painter.setPen(QPen(INK, _weight(painter) * 1.5, Qt.PenStyle.DashDotLine))
        painter.drawLine(QPointF(plot.left(), y(target)), QPointF(plot.right(), y(target)))
        painter.drawText(QRectF(plot.left(), y(target) - line, plot.width() - line * 0.3, line),
                         Qt.AlignmentFlag.AlignRight, f"target {target:g}{unit}")  # fmt: skip
    painter.setPen(QPen(INK, _weight(painter)))
    trace = QPainterPath(QPointF(x(0), y(points[0].value)))
    for at, p in enumerate(points[1:], start=1):
        trace.lineTo(x(at), y(p.value))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(trace)
    size = max(4.0, min(line * 0.6, plot.width() / len(points) * 0.8))
    for at, p in enumerate(points):
        _marker(painter, QPointF(x(at), y(p.value)), getattr(p, "point_type", "common_cause"), size)
    _markers(painter, plot, points, list(markers), x, line)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line),
                     Qt.AlignmentFlag.AlignLeft, uk_date(points[0].x, weekday=False))  # fmt: skip
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line),
                     Qt.AlignmentFlag.AlignRight, uk_date(points[-1].x, weekday=False))  # fmt: skip
    top = plot.bottom() + line * 1.5
    legend = ("○ common cause   ▲ improvement   ▼ concern   ■ a change (no better way set)",
              "solid line: centre   dashed: process limits   dash-dot: target   numbers: markers")  # fmt: skip
    for n, text in enumerate(legend):
        painter.drawText(QRectF(area.left(), top + n * line, area.width(), line), text)
    top += line
    for n, sentence in enumerate(sentences, start=1):
        painter.drawText(QRectF(area.left(), top + n * line, area.width(), line), sentence)
    painter.restore()


def _markers(painter: QPainter, plot: QRectF, points, markers, x, line: float) -> None:
    """A numbered flag on the date axis for each marker, where its date falls among the points
    (the axis is by point, not by calendar day, so it sits between the points it falls between)."""
    painter.setPen(QPen(INK, _weight(painter), Qt.PenStyle.DotLine))
    for number, (day, _label) in enumerate(markers, start=1):
        after = next((i for i, p in enumerate(points) if p.x >= day), len(points))
        if after == 0 or after == len(points) or points[after].x == day:
            at = x(min(after, len(points) - 1))
        else:
            at = (x(after - 1) + x(after)) / 2
        painter.drawLine(QPointF(at, plot.top()), QPointF(at, plot.bottom()))
        painter.drawText(QRectF(at - line, plot.top() + 2, line * 2, line),
                         Qt.AlignmentFlag.AlignCenter, str(number))  # fmt: skip
    painter.setPen(QPen(INK, _weight(painter)))


def chart_to_file(path, chart, title: str, unit: str = "", markers=(), target=None) -> None:
    """A PNG (1600 x 900) or an A4 landscape PDF of the chart, written atomically."""
    from pathlib import Path

    from PySide6.QtGui import QImage

    path = Path(path)
    if path.suffix.lower() == ".pdf":
        from mnhsc_desktop.ui.shell.pdf import LAYOUT, paint_to_pdf

        def paint(device) -> None:
            painter = QPainter(device)
            rect = device.pageLayout().paintRectPixels(device.resolution())
            area = QRectF(0, 0, rect.width(), rect.height())
            paint_chart(painter, area, chart, title, unit, markers, target=target)
            painter.end()

        paint_to_pdf(path, title, LAYOUT, paint)
        return
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = painter.font()
    font.setPixelSize(20)
    painter.setFont(font)
    paint_chart(painter, QRectF(20, 20, 1560, 860), chart, title, unit, markers, target=target)
    painter.end()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from mnhsc_desktop.core.store.atomic import atomic_write_bytes

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    atomic_write_bytes(path, bytes(data.data()))
