"""Glyphs beside tab names and commands: shipped PNGs (resources/icons/glyphs, drawn by
scripts/make_glyphs.py), NHS Blue on light schemes and white on dark and high contrast.

They always sit beside words that say the same thing: a second cue, never the only one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPalette

from mnhsc_desktop.core.store.paths import resources_dir
from mnhsc_desktop.ui.shell.theme import is_dark

SIZES = (16, 32, 48)  # 100%, 200% and 300% scale


def glyph(name: str, palette: QPalette) -> QIcon:
    """The glyph for the palette in force. Files are read only when first drawn, at the size
    needed, so an icon costs start-up nothing until it is on screen."""
    folder = resources_dir() / "icons" / "glyphs"
    suffix = "-on-dark" if is_dark(palette) else ""
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(folder / f"{name}{suffix}-{size}.png"), QSize(size, size))
    return icon


class Glyphs:
    """Remembers where each glyph is shown, so that all of them change colour together when the
    scheme does (light, dark, high contrast)."""

    def __init__(self) -> None:
        self.uses: list[tuple[Callable[[QIcon], object], str]] = []

    def put(self, set_icon: Callable[[QIcon], object], name: str, palette: QPalette) -> None:
        """`set_icon` is a button's or an action's setIcon, or a tab's, bound to its index."""
        self.uses.append((set_icon, name))
        set_icon(glyph(name, palette))

    def recolour(self, palette: QPalette) -> None:
        for set_icon, name in self.uses:
            set_icon(glyph(name, palette))
