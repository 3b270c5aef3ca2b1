"""The project on a page, for the staff-room board and the governance meeting: title, status,
dates and team; the aim; the driver diagram; the main measure's chart with its signals in
words; the PDSA cycles; the other measures in a line each. One landscape page (A4 or A3),
painted with the same routines as the screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPainter

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.core.qi.words import chart_sentences
from mnhsc_desktop.ui.qi.chart_paint import paint_chart
from mnhsc_desktop.ui.qi.diagram_paint import paint_diagram

INK = QColor("#212B32")


def main_measure(value: dict[str, Any]) -> dict[str, Any] | None:
    """The chart the page shows: the first outcome measure with data, else any with data."""
    measures = [m for m in value.get("measures", []) if m.get("data")]
    return next(
        (m for m in measures if m.get("kind") == "outcome"), measures[0] if measures else None
    )


def _day(iso: str) -> str:
    return uk_date(dt.date.fromisoformat(iso), weekday=False) if iso else ""


def summary_lines(value: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(PDSA lines, other measures' lines): what the page lists in words."""
    ideas = {line["id"]: line["text"] for line in value.get("drivers", [])}
    cycles = []
    for number, c in qp.numbered(value):
        idea = f" — testing “{ideas[c['idea']]}”" if c.get("idea") in ideas else ""
        act = qp.ACTS.get(c.get("act", ""), "")
        cycles.append(f"PDSA {number}: {c.get('title') or 'untitled'} ({_day(c.get('start', ''))})"
                      f"{idea}. Act: {act}.")  # fmt: skip
    main = main_measure(value)
    others = []
    for m in value.get("measures", []):
        if m is main:
            continue
        chart = qp.chart_of(m)
        said = (
            [s for s in chart_sentences(chart) if s.startswith(("variation", "too"))]
            if chart
            else []
        )
        kind = qp.MEASURE_KINDS.get(m.get("kind"), "")
        others.append(f"{m['name']} ({kind.lower()}, {len(m.get('data', []))} points)"
                      + (f": {'; '.join(said)}" if said else ""))  # fmt: skip
    return cycles, others


def paint_page(device: QPagedPaintDevice, value: dict[str, Any], markers) -> None:
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(rect.width()), float(rect.height())
    scale = width / 3300  # A4 landscape at 300 dpi is about 3300 wide: A3 scales the type up
    body = QFont("Sans Serif")
    body.setPointSizeF(8.5 * max(1.0, scale * 0.95))
    title_font = QFont(body)
    title_font.setPointSizeF(body.pointSizeF() * 1.9)
    title_font.setBold(True)
    painter.setPen(INK)
    painter.setFont(title_font)
    line = painter.fontMetrics().height()
    painter.drawText(QRectF(0, 0, width, line), value["title"])
    y = line * 1.1
    painter.setFont(body)
    small = painter.fontMetrics().height()
    status = qp.STATUSES.get(value.get("status", ""), "")
    dates = " to ".join(d for d in (_day(value.get("start", "")), _day(value.get("end", ""))) if d)
    team = ", ".join(value.get("team", [])) or "not written yet"
    facts = f"{status}" + (f" · {dates}" if dates else "") + f" · Team: {team}"
    painter.drawText(QRectF(0, y, width, small), facts)
    y += small * 1.5
    bold = QFont(body)
    bold.setBold(True)
    painter.setFont(bold)
    painter.drawText(QRectF(0, y, width, small), "Aim")
    painter.setFont(body)
    aim_rect = QRectF(0, y + small, width, small * 3)
    painter.drawText(
        aim_rect, int(Qt.TextFlag.TextWordWrap), value.get("aim") or "(not written yet)"
    )
    y = aim_rect.bottom() + small * 0.5
    words_top = height - small * 12
    left = QRectF(0, y, width * 0.44, words_top - y - small)
    paint_diagram(painter, left, value.get("aim", ""), value.get("drivers", []), INK)
    main = main_measure(value)
    chart_area = QRectF(width * 0.47, y, width * 0.53, words_top - y - small)
    if main is not None and (chart := qp.chart_of(main)) is not None:
        kind = qp.CHART_TYPES[main.get("chart", "run")]
        paint_chart(painter, chart_area, chart, f"{main['name']}: {kind}", main.get("unit", ""),
                    markers(main), max_lines=8, target=main.get("target"))  # fmt: skip
        if getattr(chart, "variation", None):  # MDC's two icons, top right (words are below)
            from mnhsc_desktop.ui.qi.mdc_icons import (
                paint_assurance,
                paint_variation,
                variation_side,
            )

            size = small * 2.2
            right = chart_area.right()
            paint_variation(painter, QRectF(right - size * 2.2, chart_area.top() - size * 0.9,
                                            size, size), chart.variation, variation_side(chart))  # fmt: skip
            if chart.assurance:
                paint_assurance(painter, QRectF(right - size, chart_area.top() - size * 0.9, size,
                                                size), chart.assurance)  # fmt: skip
    else:
        painter.drawText(chart_area, "No measure has data yet.")
    cycles, others = summary_lines(value)
    for column, (heading, lines) in enumerate(
        (("PDSA cycles", cycles), ("Other measures", others))
    ):
        x = column * width * 0.5
        painter.setFont(bold)
        painter.drawText(QRectF(x, words_top, width * 0.48, small), heading)
        painter.setFont(body)
        shown = lines[:10] or ["None yet."]
        if len(lines) > 10:
            shown[-1] = f"…and {len(lines) - 9} more (see the app)"
        for n, text in enumerate(shown, start=1):
            elided = painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, int(width * 0.48)
            )
            painter.drawText(QRectF(x, words_top + n * small, width * 0.48, small), elided)
    painter.drawText(QRectF(0, height - small, width, small), Qt.AlignmentFlag.AlignRight,
                     f"Printed {uk_date(dt.date.today(), weekday=False)} from MNHSC Desktop")  # fmt: skip
    painter.end()
