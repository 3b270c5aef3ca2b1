"""Glyphs: shipped for every size and scheme, beside the words, and recoloured with the scheme."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mnhsc_desktop.core.store.paths import resources_dir
from mnhsc_desktop.ui.shell.icons import SIZES
from mnhsc_desktop.ui.shell.theme import sample_dark_palette


def ink(icon: QIcon) -> tuple[int, int, int]:
    """The average colour of the glyph's drawn pixels."""
    image = icon.pixmap(16, 16).toImage()
    drawn = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert drawn, "the glyph draws nothing"
    return tuple(
        round(sum(getattr(c, part)() for c in drawn) / len(drawn))
        for part in ("red", "green", "blue")
    )  # type: ignore[return-value]


def test_every_glyph_used_is_shipped_at_every_size_for_both_schemes(make_window, qtbot) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.glyphs is not None)  # put on just after the first paint
    window.show_tab(2)  # the ladder's buttons get theirs when it is built
    window.show_tab(4)
    names = {name for _set, name in window.glyphs.uses}
    assert {"home", "calendar", "ladder", "culture", "revalidation", "import", "export", "find",
            "print"} <= names  # fmt: skip
    folder = resources_dir() / "icons" / "glyphs"
    for name in names:
        for suffix in ("", "-on-dark"):
            for size in SIZES:
                assert (folder / f"{name}{suffix}-{size}.png").is_file(), (name, suffix, size)


def test_glyphs_sit_beside_words_and_follow_the_scheme(make_window, qtbot) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.glyphs is not None)
    for index in range(window.tabs.count()):
        assert window.tabs.tabText(index).strip("&")  # a word beside every glyph
        assert not window.tabs.tabIcon(index).isNull()
    red, _green, blue = ink(window.tabs.tabIcon(1))
    assert blue > 150 and red < 60  # NHS Blue on the light scheme
    theme = window.theme
    try:
        theme.system = sample_dark_palette()
        theme.apply(False)
        qtbot.waitUntil(lambda: min(ink(window.tabs.tabIcon(1))) > 200)  # white on dark
        assert min(ink(window.import_action.icon())) > 200
    finally:
        theme.system = QApplication.style().standardPalette()
        theme.apply(False)
