"""Draw the small glyphs beside tab names and menu commands, at the sizes we ship.

    python scripts/make_glyphs.py

Each glyph comes in NHS Blue (for light schemes) and in white (for dark and high contrast), at
16, 32 and 48 pixels (100%, 200% and 300% scale), drawn on a 24-unit grid with one line weight
so they look like one family. They sit beside words that say the same, so they are a second cue,
never the only one.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons" / "glyphs"
SIZES = (16, 32, 48)
COLOURS = {"": QColor("#005EB8"), "-on-dark": QColor("#FFFFFF")}


def home(p: QPainter) -> None:
    p.drawPolyline([QPointF(3, 11.5), QPointF(12, 3.5), QPointF(21, 11.5)])
    p.drawPolyline([QPointF(5.5, 10), QPointF(5.5, 20.5), QPointF(18.5, 20.5), QPointF(18.5, 10)])
    p.drawPolyline([QPointF(10, 20.5), QPointF(10, 14.5), QPointF(14, 14.5), QPointF(14, 20.5)])


def calendar(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3.5, 5, 17, 15.5), 2, 2)
    p.drawLine(QPointF(3.5, 9.5), QPointF(20.5, 9.5))
    p.drawLine(QPointF(8, 3), QPointF(8, 6.5))
    p.drawLine(QPointF(16, 3), QPointF(16, 6.5))
    for x in (8, 12, 16):
        for y in (13, 17):
            p.drawPoint(QPointF(x, y))


def ladder(p: QPainter) -> None:
    p.drawLine(QPointF(7.5, 3), QPointF(7.5, 21))
    p.drawLine(QPointF(16.5, 3), QPointF(16.5, 21))
    for y in (7, 12, 17):
        p.drawLine(QPointF(7.5, y), QPointF(16.5, y))


def culture(p: QPainter) -> None:
    for cx, cy, r, shoulders in ((9, 8, 3, (2.5, 20, 15.5)), (16.5, 9.5, 2.5, (12.5, 20, 21.5))):
        p.drawEllipse(QPointF(cx, cy), r, r)
        left, bottom, right = shoulders
        path = QPainterPath(QPointF(left, bottom))
        path.cubicTo(QPointF(left, cy + r + 2), QPointF(right, cy + r + 2), QPointF(right, bottom))
        p.drawPath(path)


def _tray(p: QPainter) -> None:
    p.drawPolyline([QPointF(4, 14), QPointF(4, 20), QPointF(20, 20), QPointF(20, 14)])


def import_(p: QPainter) -> None:
    _tray(p)
    p.drawLine(QPointF(12, 3.5), QPointF(12, 15))
    p.drawPolyline([QPointF(7.5, 10.5), QPointF(12, 15), QPointF(16.5, 10.5)])


def export(p: QPainter) -> None:
    _tray(p)
    p.drawLine(QPointF(12, 15), QPointF(12, 3.5))
    p.drawPolyline([QPointF(7.5, 8), QPointF(12, 3.5), QPointF(16.5, 8)])


def find(p: QPainter) -> None:
    p.drawEllipse(QPointF(10.5, 10.5), 6, 6)
    reach = 6 / math.sqrt(2)
    p.drawLine(QPointF(10.5 + reach, 10.5 + reach), QPointF(20.5, 20.5))


def print_(p: QPainter) -> None:
    p.drawPolyline([QPointF(7, 9), QPointF(7, 3.5), QPointF(17, 3.5), QPointF(17, 9)])
    p.drawRoundedRect(QRectF(3.5, 9, 17, 8), 1.5, 1.5)
    p.drawRect(QRectF(7, 14, 10, 6.5))


def revalidation(p: QPainter) -> None:
    """A clipboard with a tick: the portfolio, checked off."""
    p.drawRoundedRect(QRectF(5, 4.5, 14, 16.5), 1.5, 1.5)
    p.drawRoundedRect(QRectF(9, 3, 6, 3), 1, 1)
    p.drawPolyline([QPointF(8.5, 13), QPointF(11, 15.5), QPointF(15.5, 10)])


def qi(p: QPainter) -> None:
    """A run chart: axes, a dotted centre line and a line of points stepping up."""
    p.drawPolyline([QPointF(3.5, 3.5), QPointF(3.5, 20.5), QPointF(20.5, 20.5)])
    p.drawPolyline([QPointF(6.5, 15), QPointF(10, 12.5), QPointF(13, 15.5), QPointF(16.5, 8),
                    QPointF(19.5, 6)])  # fmt: skip
    for x in (6, 9.5, 13, 16.5, 20):
        p.drawPoint(QPointF(x, 12))


GLYPHS: dict[str, Callable[[QPainter], None]] = {
    "home": home, "calendar": calendar, "ladder": ladder, "culture": culture,
    "revalidation": revalidation, "import": import_, "export": export, "find": find,
    "print": print_, "qi": qi,
}  # fmt: skip


def draw(glyph: Callable[[QPainter], None], size: int, colour: QColor) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 24, size / 24)
    pen = QPen(colour, 2.0 if size < 32 else 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    glyph(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, glyph in GLYPHS.items():
        for suffix, colour in COLOURS.items():
            for size in SIZES:
                draw(glyph, size, colour).save(str(OUT / f"{name}{suffix}-{size}.png"))
    print(f"wrote {len(GLYPHS) * len(COLOURS) * len(SIZES)} glyphs to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
