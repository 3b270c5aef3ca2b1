"""Palettes: every text colour readable (4.5:1, WCAG 2.2 AA) in light, dark and high contrast."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mnhsc_desktop.ui.shell.theme import (
    NHS_BLUE,
    Role,
    accented,
    failing_pairs,
    high_contrast_palette,
    sample_dark_palette,
)


def dark_system_palette() -> QPalette:
    return sample_dark_palette()


def test_the_light_system_palette_gets_nhs_blue_selection_that_passes(qapp):
    system = QApplication.style().standardPalette()
    assert failing_pairs(system)  # Fusion's own selection is under 4.5:1 with white text
    palette = accented(system)
    assert failing_pairs(palette) == []
    assert palette.color(Role.Highlight).name().upper() == NHS_BLUE
    assert palette.color(Role.Window) == system.color(Role.Window)  # the rest stays the system's


def test_a_dark_system_palette_is_repaired_only_where_it_fails(qapp):
    system = dark_system_palette()
    assert len(failing_pairs(system)) >= 2
    palette = accented(system)
    assert failing_pairs(palette) == []
    assert palette.color(Role.Window) == system.color(Role.Window)
    assert palette.color(Role.Link).lightness() > 128  # a light link on the dark page


def test_high_contrast_passes_everywhere_with_room_to_spare(qapp):
    palette = high_contrast_palette()
    assert failing_pairs(palette) == []
    from mnhsc_desktop.ui.shell.theme import contrast

    assert min(contrast(palette, text, back) for text, back in
               [(Role.WindowText, Role.Window), (Role.HighlightedText, Role.Highlight)]) >= 15  # fmt: skip


@pytest.fixture
def restore_palette(qapp):
    yield
    from mnhsc_desktop.ui.shell.theme import theme_for

    theme_for(qapp).apply(False)


def test_view_high_contrast_switches_at_once_and_is_remembered(make_window, data_dir, qtbot,
                                                               restore_palette):  # fmt: skip
    window = make_window()
    assert not window.high_contrast_action.isChecked()
    window.high_contrast_action.trigger()
    assert QApplication.palette().color(Role.Window).name() == "#000000"
    qtbot.waitUntil(lambda: window.palette().color(Role.WindowText).name() == "#ffffff")
    assert window.store.get("window", "high_contrast") is True
    assert "border" in QApplication.instance().styleSheet()  # fields and check boxes get edges
    window.store.save()
    window.close()
    again = make_window(data_dir)
    assert again.high_contrast_action.isChecked()
    again.high_contrast_action.trigger()
    assert QApplication.palette().color(Role.Window).name() != "#000000"
    assert failing_pairs(QApplication.palette()) == []
    assert QApplication.instance().styleSheet() == ""  # the system's own look again


def test_past_events_are_dimmed_yet_readable_in_every_palette(qapp):
    from mnhsc_desktop.core.contrast import contrast_ratio
    from mnhsc_desktop.ui.shell.theme import _rgb, secondary_text

    for palette in (accented(QApplication.style().standardPalette()),
                    accented(dark_system_palette()), high_contrast_palette()):  # fmt: skip
        dim = _rgb(secondary_text(palette))
        assert contrast_ratio(dim, _rgb(palette.color(Role.Base))) >= 4.5
        assert dim != _rgb(palette.color(Role.Text))


def test_the_system_turning_dark_and_back_restyles_the_open_window(
    make_window, qapp, qtbot
) -> None:
    """What happens when Windows or the desktop switches scheme while the app is open."""
    from PySide6.QtCore import Qt

    window = make_window()
    theme = window.theme
    try:
        theme.platform_palette = sample_dark_palette
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        palette = qapp.palette()
        assert palette.color(Role.Window).name().upper() == "#2D2D2D"
        assert failing_pairs(palette) == []  # the dark scheme's faults repaired on the fly
        qtbot.waitUntil(lambda: window.palette().color(Role.Window) == palette.color(Role.Window))
        theme.platform_palette = QApplication.style().standardPalette
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert qapp.palette().color(Role.Window).lightness() > 200
        assert qapp.palette().color(Role.Highlight).name().upper() == NHS_BLUE
    finally:
        del theme.platform_palette  # back to the class's own
        theme.apply(False)


def test_weekends_in_the_month_view_stay_red_and_readable_in_every_palette(qapp, qtbot):
    from PySide6.QtCore import Qt

    from mnhsc_desktop.core.contrast import contrast_ratio
    from mnhsc_desktop.ui.calendar.month_view import MonthView

    view = MonthView()
    qtbot.addWidget(view)
    for palette in (
        accented(QApplication.style().standardPalette()),
        accented(sample_dark_palette()),
        high_contrast_palette(),
    ):
        view.setPalette(palette)
        red = view.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color()
        base = palette.color(Role.Base)
        assert red.red() > max(red.green(), red.blue()) + 60  # recognisably red
        rgb = (red.red(), red.green(), red.blue())
        assert contrast_ratio(rgb, (base.red(), base.green(), base.blue())) >= 4.5
