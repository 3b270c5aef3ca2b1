"""Draw the app icon (an NHS-blue tile with a three-rung ladder: the 3Ls) at every size we ship.

Run after changing the design: python scripts/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

NHS_BLUE = QColor("#005EB8")
SIZES = (16, 24, 32, 48, 64, 128, 256)
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(NHS_BLUE)
    painter.drawRoundedRect(QRectF(0, 0, s, s), s * 0.18, s * 0.18)
    pen = QPen(QColor("white"), max(1.5, s * 0.08))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    left, right, top, bottom = s * 0.32, s * 0.68, s * 0.18, s * 0.82
    painter.drawLine(QPointF(left, top), QPointF(left, bottom))
    painter.drawLine(QPointF(right, top), QPointF(right, bottom))
    for fraction in (0.22, 0.5, 0.78):
        y = top + (bottom - top) * fraction
        painter.drawLine(QPointF(left, y), QPointF(right, y))
    painter.end()
    return image


def write_ico(path: Path, sizes: tuple[int, ...]) -> None:
    """A Windows .ico holding PNG images (the format Windows has read since Vista), by hand:
    Qt's own ICO writer stores a single size."""
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    images = []
    for size in sizes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        draw(size).save(buffer, "PNG")
        images.append((size, bytes(data.data())))
    offset = 6 + 16 * len(images)
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    for size, png in images:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    path.write_bytes(header + entries + blobs)


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(OUT / f"app-{size}.png"))
    write_ico(OUT / "app.ico", (16, 24, 32, 48, 64, 128, 256))
    print(f"wrote {len(SIZES)} icons and app.ico to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
