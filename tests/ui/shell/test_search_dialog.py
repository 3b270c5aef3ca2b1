"""Ctrl+K finds anything and Enter opens it in its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mnhsc_desktop.ui.shell.search_dialog import SearchDialog


def run_search(window, qtbot, monkeypatch, text: str, downs: int = 0) -> None:
    def drive(dialog: SearchDialog) -> int:
        qtbot.keyClicks(dialog.box, text)
        for _ in range(downs):
            qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
        return 1

    monkeypatch.setattr(SearchDialog, "exec", drive)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)


def test_huddle_opens_the_activity(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    run_search(window, qtbot, monkeypatch, "huddle")
    assert window.tabs.currentIndex() == 3
    assert window.culture_tab.selected().id == "how-to-huddle"


def test_an_event_opens_in_the_calendar(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    run_search(window, qtbot, monkeypatch, "hypo")
    assert window.tabs.currentIndex() == 1
    assert window.calendar_tab.selected_event().title == "Neonatal hypoglycaemia"


def test_a_subject_and_a_resource_open_on_the_ladder(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    run_search(window, qtbot, monkeypatch, "using pdsas")
    assert window.tabs.currentIndex() == 2
    assert window.ladder_tab.ladder.subjects[window.ladder_tab.subject_row].id == "pdsa"
    run_search(window, qtbot, monkeypatch, "register for lifeqi")
    assert window.ladder_tab.selected_resource().id == "register-lifeqi"


def test_a_qi_project_is_found_by_its_aim_and_opens_in_its_tab(
    make_window, qtbot, monkeypatch
) -> None:
    from mnhsc_desktop.core.qi import projects as qp

    window = make_window()
    qp.add_project(window.store, "Another project")
    key = qp.add_project(window.store, "Discharge before 11")
    qp.save_project(window.store, key, qp.project(window.store, key) | {"aim": "Postnatal wards"})
    run_search(window, qtbot, monkeypatch, "postnatal wards")
    assert window.tabs.currentIndex() == 5 and window.qi_tab.key == key
    assert window.qi_tab.list.hasFocus()


def test_group_headings_are_drawn_readable(make_window, qtbot) -> None:
    """The headings were drawn as disabled items: grey at about 1.9:1 on white. This measures
    the pixels actually painted, not the colour asked for."""
    from mnhsc_desktop.core.contrast import contrast_ratio

    window = make_window()
    dialog = SearchDialog(window, window.search_index())
    qtbot.addWidget(dialog)
    dialog.resize(700, 500)
    dialog.show()
    dialog.box.setText("huddle")
    results = dialog.results
    headings = [results.item(row) for row in range(results.count())]
    headings = [item for item in headings if item.flags() == Qt.ItemFlag.NoItemFlags]
    assert headings
    image = results.viewport().grab().toImage()
    background = results.palette().color(results.palette().ColorRole.Base)
    back = (background.red(), background.green(), background.blue())
    for item in headings:
        rect = results.visualItemRect(item)
        darkest = max(
            (
                (
                    image.pixelColor(x, y).red(),
                    image.pixelColor(x, y).green(),
                    image.pixelColor(x, y).blue(),
                )
                for x in range(rect.left(), min(rect.right(), image.width() - 1))
                for y in range(rect.top(), min(rect.bottom(), image.height() - 1))
            ),
            key=lambda rgb: contrast_ratio(rgb, back),
        )
        assert contrast_ratio(darkest, back) >= 4.5, (item.text(), darkest)
