"""The two summary icons Making Data Count puts beside an XmR chart, drawn in the app's own
style: variation (is the latest point common cause, or special cause, and which way) and
assurance (will the process meet the target). Each differs by shape and letter as well as
colour, and always sits beside the same thing in words."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from mnhsc_desktop.core.qi.words import ASSURANCE_WORDS, VARIATION_WORDS
from mnhsc_desktop.ui.qi.chart_paint import CONCERN, IMPROVEMENT, INK, NEUTRAL

GREY = QColor("#5A6670")  # common cause and "inconsistent": 5.9:1 on white
VARIATION_COLOURS = {"common_cause": GREY, "special_cause_improvement": IMPROVEMENT,
                     "special_cause_concern": CONCERN, "special_cause_neutral": NEUTRAL}  # fmt: skip
ASSURANCE = {"consistent_pass": ("P", IMPROVEMENT), "consistent_fail": ("F", CONCERN),
             "inconsistent": ("?", GREY)}  # fmt: skip


def variation_side(chart) -> int:
    """+1 when the latest point's signal is high, -1 when low, 0 for none."""
    last = chart.points[-1] if chart.points else None
    sides = getattr(last, "sides", ()) or ()
    return 1 if 1 in sides else -1 if -1 in sides else 0


def paint_variation(painter: QPainter, box: QRectF, variation: str, side: int) -> None:
    """A ring, a little run of dots inside it (flat, or stepping up or down to the side of the
    signal), and H or L for a high or a low special cause."""
    colour = VARIATION_COLOURS.get(variation, GREY)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    weight = max(1.5, box.width() / 16)
    painter.setPen(QPen(colour, weight))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawEllipse(box.adjusted(weight, weight, -weight, -weight))
    unit = box.width() / 10
    centre = box.center()
    rise = 0 if variation == "common_cause" else -side
    dots = [QPointF(centre.x() + (n - 2) * unit * 1.3, centre.y() + unit * 1.6
                    + (rise * unit * (n - 2) * 0.8 if n >= 2 else 0)) for n in range(5)]  # fmt: skip
    painter.setBrush(colour)
    for dot in dots:
        painter.drawEllipse(dot, unit * 0.45, unit * 0.45)
    if variation != "common_cause" and side:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(6, int(unit * 3.2)))
        painter.setFont(font)
        painter.setPen(INK)
        painter.drawText(QRectF(box.left(), box.top() + unit * 1.2, box.width(), unit * 3.6),
                         Qt.AlignmentFlag.AlignCenter, "H" if side > 0 else "L")  # fmt: skip
    painter.restore()


def paint_assurance(painter: QPainter, box: QRectF, assurance: str) -> None:
    """A ring with P (consistently passes), F (consistently fails) or ? (inconsistent)."""
    letter, colour = ASSURANCE.get(assurance, ("?", GREY))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    weight = max(1.5, box.width() / 16)
    painter.setPen(
        QPen(colour, weight, Qt.PenStyle.SolidLine if letter != "?" else Qt.PenStyle.DashLine)
    )
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawEllipse(box.adjusted(weight, weight, -weight, -weight))
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(6, int(box.height() * 0.5)))
    painter.setFont(font)
    painter.setPen(INK)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
    painter.restore()


def _pixmap(size: int, paint) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


class SummaryIcons(QWidget):
    """Variation and assurance beside the chart, each an icon and its words (XmR charts only)."""

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.variation_icon, self.variation_text = QLabel(), QLabel()
        self.assurance_icon, self.assurance_text = QLabel(), QLabel()
        for icon, text, name in ((self.variation_icon, self.variation_text, "Variation"),
                                 (self.assurance_icon, self.assurance_text, "Assurance")):  # fmt: skip
            text.setWordWrap(True)
            text.setAccessibleName(name)
            icon.setAccessibleName(f"{name} icon")
            row.addWidget(icon)
            row.addWidget(text, 1)

    def show_chart(self, chart) -> None:
        variation = getattr(chart, "variation", None)
        self.setVisible(variation is not None)
        if variation is None:
            return
        size = self.fontMetrics().height() * 2
        side = variation_side(chart)
        self.variation_icon.setPixmap(
            _pixmap(size, lambda p, r: paint_variation(p, r, variation, side))
        )
        self.variation_text.setText(f"Variation: {VARIATION_WORDS[variation]}"
                                    + (" (high)" if side > 0 and variation != "common_cause" else
                                       " (low)" if side < 0 and variation != "common_cause" else ""))  # fmt: skip
        assurance = chart.assurance
        self.assurance_icon.setVisible(assurance is not None)
        if assurance is None:
            self.assurance_text.setText("Assurance: set a target (Edit measure) to see whether "
                                        "the process will meet it.")  # fmt: skip
            return
        self.assurance_icon.setPixmap(_pixmap(size, lambda p, r: paint_assurance(p, r, assurance)))
        self.assurance_text.setText(f"Assurance: {ASSURANCE_WORDS[assurance]}")
