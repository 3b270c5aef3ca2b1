"""Layouts survive 200% scale: on a 1920x1080 screen at 200% the window is 960x540 in Qt's
units, and no wrapped text may be cut off there (scrolling is fine, clipping is not)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def cut_labels(top: QWidget) -> list[str]:
    cut = []
    for label in top.findChildren(QLabel):
        if not (label.isVisible() and label.wordWrap() and label.text()):
            continue
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            cut.append(
                f"{label.accessibleName() or label.text()[:40]!r}: {label.height()} < {needed}"
            )
    return cut


def test_no_wrapped_text_is_cut_at_200_percent(make_window, qtbot) -> None:
    window = make_window()
    window.resize(960, 540)
    qtbot.waitUntil(lambda: window.height() <= 540)
    for index in range(window.tabs.count()):
        window.show_tab(index)
        qtbot.wait(50)
        assert cut_labels(window) == [], window.tabs.tabText(index)
    window.show_about_collaborative()
    qtbot.wait(50)
    assert cut_labels(window.about_page) == []


def test_a_qi_project_fits_at_200_percent(make_window, qtbot) -> None:
    """Every page of a project, at 960x540: it scrolls, and never pushes the window larger."""
    from mnhsc_desktop.core.qi.projects import add_project

    window = make_window()
    add_project(window.store, "A project with a rather long title that has to wrap")
    window.resize(960, 540)
    qtbot.waitUntil(lambda: window.height() <= 540)
    window.show_tab(5)
    for page in range(window.qi_tab.pages.count()):
        window.qi_tab.pages.setCurrentIndex(page)
        qtbot.wait(50)
        assert window.width() <= 960 and window.height() <= 540, page
        assert cut_labels(window) == [], page
