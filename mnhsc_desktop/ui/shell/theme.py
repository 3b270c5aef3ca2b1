"""Colours: the system's palette with NHS Blue accents, repaired where its text would be hard to
read, or a high-contrast palette the user can switch on (View > High contrast)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from mnhsc_desktop.core.contrast import MINIMUM_TEXT_CONTRAST, contrast_ratio, dimmed

Role = QPalette.ColorRole
NHS_BLUE = "#005EB8"  # 6.4:1 against white text
LIGHT_LINK_ON_DARK = "#8CC8FF"

# (text, background) pairs that carry words the user must read
TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase),
)

HIGH_CONTRAST = {
    Role.Window: "#000000",
    Role.WindowText: "#FFFFFF",
    Role.Base: "#000000",
    Role.AlternateBase: "#1A1A1A",
    Role.Text: "#FFFFFF",
    Role.Button: "#000000",
    Role.ButtonText: "#FFFFFF",
    Role.BrightText: "#FFFF00",
    Role.Highlight: "#FFFF00",
    Role.HighlightedText: "#000000",
    Role.Link: "#FFFF00",
    Role.LinkVisited: "#FFD700",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#FFFFFF",
    Role.PlaceholderText: "#C0C0C0",
    Role.Light: "#FFFFFF",
    Role.Midlight: "#C0C0C0",
    Role.Mid: "#A0A0A0",
    Role.Dark: "#C0C0C0",
    Role.Shadow: "#FFFFFF",
}
# Fusion draws frames and check boxes in the window colour made darker, which on black is black:
# in high contrast, fields, lists and check boxes get white edges, and focus a yellow one.
HIGH_CONTRAST_EDGES = """
QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView {
    border: 1px solid #FFFFFF;
}
QLineEdit:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus,
QAbstractItemView:focus {
    border: 2px solid #FFFF00;
}
QCheckBox::indicator, QRadioButton::indicator {
    width: 12px; height: 12px; border: 2px solid #FFFFFF; background: #000000;
}
QRadioButton::indicator { border-radius: 8px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked {
    background: #FFFF00;
}
QCheckBox:focus, QRadioButton:focus { outline: 1px solid #FFFF00; }
"""
HIGH_CONTRAST_DISABLED_TEXT = "#A0A0A0"  # still 7.6:1 on black, though WCAG exempts it


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()


def contrast(palette: QPalette, text: Role, background: Role) -> float:
    group = QPalette.ColorGroup.Active
    return contrast_ratio(_rgb(palette.color(group, text)), _rgb(palette.color(group, background)))


def failing_pairs(palette: QPalette) -> list[tuple[Role, Role, float]]:
    return [
        (text, back, ratio)
        for text, back in TEXT_PAIRS
        if (ratio := contrast(palette, text, back)) < MINIMUM_TEXT_CONTRAST
    ]


@lru_cache(maxsize=8)
def _secondary(text: tuple[int, int, int], base: tuple[int, int, int]) -> QColor:
    return QColor(*dimmed(text, base))


def secondary_text(palette: QPalette) -> QColor:
    """Dimmer than body text, for a second cue such as past events, yet at least 4.5:1."""
    return _secondary(_rgb(palette.color(Role.Text)), _rgb(palette.color(Role.Base)))


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def accented(system: QPalette) -> QPalette:
    """The system's palette with NHS Blue selection (light schemes), and links and selection
    replaced only where the system's own colours fall under 4.5:1."""
    palette = system.__copy__()  # not QPalette(system): its overload check costs ~17 ms
    dark = is_dark(palette)
    if not dark or contrast(palette, Role.HighlightedText, Role.Highlight) < MINIMUM_TEXT_CONTRAST:
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, Role.Highlight, QColor(NHS_BLUE))
            palette.setColor(group, Role.HighlightedText, QColor("#FFFFFF"))
    if min(contrast(palette, Role.Link, Role.Base), contrast(palette, Role.Link, Role.Window)) < (
        MINIMUM_TEXT_CONTRAST
    ):
        palette.setColor(Role.Link, QColor(LIGHT_LINK_ON_DARK if dark else NHS_BLUE))
    return palette


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    for role, color in HIGH_CONTRAST.items():
        palette.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(HIGH_CONTRAST_DISABLED_TEXT))
    return palette


class Theme(QObject):
    """Keeps the system's own palette so switching high contrast off, or the system changing
    between light and dark, starts again from it rather than from our changes."""

    changed = Signal()  # after each change of palette (the glyphs follow it)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.system = app.palette().__copy__()
        self.high_contrast = False
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, high_contrast: bool) -> None:
        self.high_contrast = high_contrast
        self.app.setPalette(high_contrast_palette() if high_contrast else accented(self.system))
        if high_contrast or self.app.styleSheet():
            self.app.setStyleSheet(HIGH_CONTRAST_EDGES if high_contrast else "")
        self.changed.emit()

    @staticmethod
    def platform_palette() -> QPalette:
        """An empty palette resolves to the platform's own for the scheme now in force. (A seam
        for tests: the offscreen platform used in CI cannot switch schemes itself. Not
        staticmethod(QPalette): that reads QPalette.__doc__, which PySide6 builds in ~38 ms.)"""
        return QPalette()

    def _system_changed(self, _scheme) -> None:
        self.app.setPalette(self.platform_palette())
        self.system = self.app.palette().__copy__()
        self.apply(self.high_contrast)


def sample_dark_palette() -> QPalette:
    """A dark scheme as desktops commonly give it, faults included (a mid-blue selection that is
    under 4.5:1 with white text, and the default blue link): to preview and test the dark look
    where the platform cannot switch (the offscreen one)."""
    palette = QPalette()
    colors = {
        Role.Window: "#2D2D2D", Role.WindowText: "#FFFFFF", Role.Base: "#1E1E1E",
        Role.AlternateBase: "#262626", Role.Text: "#FFFFFF", Role.Button: "#3C3C3C",
        Role.ButtonText: "#FFFFFF", Role.Highlight: "#308CC6", Role.HighlightedText: "#FFFFFF",
        Role.Link: "#0000FF", Role.ToolTipBase: "#3C3C3C", Role.ToolTipText: "#FFFFFF",
        Role.PlaceholderText: "#A0A0A0", Role.Light: "#505050", Role.Midlight: "#404040",
        Role.Mid: "#333333", Role.Dark: "#1A1A1A", Role.Shadow: "#000000",
    }  # fmt: skip
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8C8C8C"))
    return palette


_theme: Theme | None = None


def theme_for(app: QApplication) -> Theme:
    """One theme per process, made before the first window changes the palette."""
    global _theme
    if _theme is None or _theme.app is not app:
        _theme = Theme(app)
    return _theme
