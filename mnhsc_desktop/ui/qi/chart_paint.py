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
SHAPE_FILLS = {"common_cause": QColor("#FFFFFF"), "special_cause_improvement": IMPROVEMENT,
               "special_cause_concern": CONCERN, "special_cause_neutral": NEUTRAL}  # fmt: skip


def _weight(painter: QPainter) -> float:
    """A line weight that reads the same on screen and on a 300 dpi page: a fraction of the
    text's height (one pixel on screen), so dashes stay dashes in print."""
    return max(1.0, painter.fontMetrics().height() / 16)


def _limit_groups(points) -> list[tuple]:
    """(limits, first index, last index) for each run of points sharing their limits."""
    groups: list[list] = []
    for at, p in enumerate(points):
        if groups and groups[-1][0] is p.limits:
            groups[-1][2] = at
        else:
            groups.append([p.limits, at, at])
    return [tuple(g) for g in groups]


def _point_markers(painter: QPainter, points, xs, ys, size: float) -> None:
    """Each point's shape by its kind, drawn kind by kind as one path (not a call per point)."""
    r = size / 2
    shapes = {kind: QPainterPath() for kind in SHAPE_FILLS}
    common: list[QPointF] = []
    for p, cx, cy in zip(points, xs, ys, strict=True):
        kind = p.point_type
        if kind == "common_cause":
            common.append(QPointF(cx, cy))
        elif kind == "special_cause_improvement":
            shapes[kind].addPolygon(QPolygonF([QPointF(cx, cy - r * 1.2), QPointF(cx - r, cy + r),
                                               QPointF(cx + r, cy + r), QPointF(cx, cy - r * 1.2)]))  # fmt: skip
        elif kind == "special_cause_concern":
            shapes[kind].addPolygon(QPolygonF([QPointF(cx, cy + r * 1.2), QPointF(cx - r, cy - r),
                                               QPointF(cx + r, cy - r), QPointF(cx, cy + r * 1.2)]))  # fmt: skip
        else:
            shapes["special_cause_neutral"].addRect(QRectF(cx - r, cy - r, size, size))
    # Open circles (a round dot of ink, then a smaller white one: two calls in all), unless the
    # points are so close that circles would only be a smudge: then the line shows them.
    if common and len(common) * size * 0.4 < (xs[-1] - xs[0] + size):
        pen = painter.pen()
        dots = QPolygonF(common)
        for colour, width in (
            (INK, size * 0.8),
            (SHAPE_FILLS["common_cause"], size * 0.8 - pen.widthF() * 2),
        ):
            painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPoints(dots)
        painter.setPen(pen)
    for kind, path in shapes.items():
        if not path.isEmpty():
            painter.setBrush(SHAPE_FILLS[kind])
            painter.drawPath(path)


def paint_chart(
    painter: QPainter,
    area: QRectF,
    chart,
    title: str,
    unit: str = "",
    markers=(),
    max_lines=12,
    target: float | None = None,
    sentences: list[str] | None = None,
) -> QRectF | None:
    """Draw `chart` (an XmrChart or a RunChart) into `area`, words beneath; `markers` are
    (date, label) pairs (PDSA cycles, notes) numbered on the date axis and listed in words.
    Returns the plot's rectangle (None when there is nothing to plot)."""
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
    if sentences is None:  # a view that repaints often works them out once and passes them
        sentences = chart_sentences(chart, list(markers))
    sentences = sentences or ["No signals: common cause variation."]
    if len(sentences) > max_lines:
        sentences = [*sentences[: max_lines - 1], f"…and {len(sentences) - max_lines + 1} more"]
    words_height = line * (len(sentences) + 2)
    # The value labels' room, from the font (a PDF at 300 dpi has far more pixels per letter).
    gutter = painter.fontMetrics().horizontalAdvance(f"-0000.0{unit}") + line * 0.5
    plot = QRectF(area.left() + gutter, area.top() + line * 1.5, area.width() - gutter - line,
                  area.height() - line * 3.5 - words_height)  # fmt: skip
    if not points or plot.height() < line * 3:
        painter.restore()
        return None
    groups = _limit_groups(points)  # points share their group's Limits: one segment each
    values = [p.value for p in points]
    for limits, _first, _last in groups:
        values += [v for v in (limits.upper, limits.lower, limits.centre) if v is not None]
    if target is not None:
        values.append(target)
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    # Positions as plain numbers, worked out once: a chart of 1,000 points repaints in a
    # frame only if the loop below does no more than it must (no method calls per point).
    bottom, scale = plot.bottom(), plot.height() / (high - low)
    step, left = plot.width() / len(points), plot.left()
    xs = [left + (at + 0.5) * step for at in range(len(points))]
    ys = [bottom - (v - low) * scale for v in (p.value for p in points)]

    def y(value: float) -> float:
        return bottom - (value - low) * scale

    def x(at: int) -> float:
        return xs[at]

    painter.drawRect(plot)
    for value in (low + pad, (low + high) / 2, high - pad):  # three values on the axis
        painter.drawText(QRectF(area.left(), y(value) - line / 2, gutter - line * 0.3, line),
                         Qt.AlignmentFlag.AlignRight, f"{value:.3g}{unit}")  # fmt: skip
    # centre and limits, group by group
    for name, style in (("centre", Qt.PenStyle.SolidLine), ("upper", Qt.PenStyle.DashLine),
                        ("lower", Qt.PenStyle.DashLine)):  # fmt: skip
        painter.setPen(QPen(INK, _weight(painter), style))
        for limits, first, last in groups:
            value = getattr(limits, name)
            if value is not None:
                painter.drawLine(QPointF(xs[first] - step / 2, y(value)),
                                 QPointF(xs[last] + step / 2, y(value)))  # fmt: skip
    if target is not None:
        painter.setPen(QPen(INK, _weight(painter) * 1.5, Qt.PenStyle.DashDotLine))
        painter.drawLine(QPointF(plot.left(), y(target)), QPointF(plot.right(), y(target)))
        painter.drawText(QRectF(plot.left(), y(target) - line, plot.width() - line * 0.3, line),
                         Qt.AlignmentFlag.AlignRight, f"target {target:g}{unit}")  # fmt: skip
    painter.setPen(QPen(INK, _weight(painter)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF(list(map(QPointF, xs, ys))))
    size = max(4.0, min(line * 0.6, step * 0.8))
    _point_markers(painter, points, xs, ys, size)
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
    metrics = painter.fontMetrics()
    for n, sentence in enumerate(sentences, start=1):  # cut with "…" where too long, never clipped
        shown = metrics.elidedText(sentence, Qt.TextElideMode.ElideRight, int(area.width()))
        painter.drawText(QRectF(area.left(), top + n * line, area.width(), line), shown)
    painter.restore()
    return plot  # where the points are: a view finds the point under the mouse from it


def _markers(painter: QPainter, plot: QRectF, points, markers, x, line: float) -> None:
    """A numbered flag on the date axis for each marker, where its date falls among the points
    (the axis is by point, not by calendar day, so it sits between the points it falls between)."""
    painter.setPen(QPen(INK, _weight(painter), Qt.PenStyle.DotLine))
    for number, (day, _label) in enumerate(markers, start=1):
        if not points[0].x <= day <= points[-1].x:
            continue  # before the first point or after the last: said in words, not drawn
        after = next(i for i, p in enumerate(points) if p.x >= day)
        at = x(after) if points[after].x == day else (x(after - 1) + x(after)) / 2
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
