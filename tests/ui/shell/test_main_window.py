"""The main window: tabs, menus, remembered state, start-up notices and failed saves."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableWidget

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.store.store import STORE_FILE
from mnhsc_desktop.ui.shell import dialogs
from mnhsc_desktop.ui.shell.widgets import NoticeBanner


def test_window_shows_the_six_tabs_and_menus(make_window) -> None:
    window = make_window()
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == [
        "Home",
        "Calendar",
        "QI ladder",
        "Culture library",
        "Revalidation",
        "QI projects",
    ]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "Calendar", "View", "Help"]
    file_items = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    assert file_items == [
        "Import calendar…",
        "Export calendar…",
        "",
        "Import CPD, practice hours or feedback…",
        "Export revalidation pack…",
        "",
        "Export session pack…",
        "Import session pack…",
        "",
        "Export my progress…",
        "Import my progress…",
        "Data folder…",
        "",
        "Quit",
    ]
    assert window.windowTitle() == "MNHSC Desktop"


def test_home_shows_the_collaborative_from_content(make_window) -> None:
    window = make_window()
    assert "three-year programme, launched in February 2017" in window.home_tab.about_summary.text()


def test_about_the_collaborative_opens_beside_the_window_from_home_and_help(make_window) -> None:
    window = make_window()
    window.home_tab.about_button.click()
    page = window.about_page
    assert page.isVisible() and not page.isModal()
    assert "Our local learning system region covers the West of England" in page.text.text()
    assert "Needs the internet" in " ".join(
        label.text() for label in page.findChildren(type(window.save_status))
    )
    page.close()
    window.about_collaborative_action.trigger()
    assert window.about_page is page and page.isVisible()  # the same page, brought back


def test_home_leads_to_what_is_qi(make_window, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    opened = []
    monkeypatch.setattr(window, "show_what_is_qi", lambda: opened.append(True))
    window.home_tab.what_is_qi_requested.disconnect()
    window.home_tab.what_is_qi_requested.connect(window.show_what_is_qi)
    window.home_tab.what_is_qi_button.click()
    assert opened == [True]


def test_keyboard_switches_tabs(make_window, qtbot) -> None:
    window = make_window()
    qtbot.keyClick(window.tabs, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2


def test_size_and_last_tab_are_restored_on_next_start(make_window, data_dir: Path) -> None:
    window = make_window()
    window.resize(760, 600)  # above every tab's minimum (the culture tab needs 540 px tall)
    window.tabs.setCurrentIndex(3)
    window.close()
    assert json.loads((data_dir / STORE_FILE).read_text())["window"]["last_tab"] == "culture"
    again = make_window()
    assert again.tabs.currentIndex() == 3
    assert (again.width(), again.height()) == (760, 600)


def test_quit_action_closes_and_saves(make_window, data_dir: Path) -> None:
    window = make_window()
    window.tabs.setCurrentIndex(1)
    window.quit_action.trigger()
    assert not window.isVisible()
    assert json.loads((data_dir / STORE_FILE).read_text())["window"]["last_tab"] == "calendar"


def test_changes_are_saved_within_a_second(make_window, data_dir: Path, qtbot) -> None:
    window = make_window()
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: (data_dir / STORE_FILE).exists(), timeout=1000)
    assert json.loads((data_dir / STORE_FILE).read_text())["window"]["last_tab"] == "ladder"


def test_shortcut_list_is_built_from_the_real_actions(make_window, qtbot) -> None:
    window = make_window()
    rows = dict(window.shortcut_rows())
    assert rows["Import calendar"] == "Ctrl+I"
    assert rows["Keyboard shortcuts"] == "F1"
    assert rows["Culture library"] == "Ctrl+4"
    dialog = dialogs.shortcuts_dialog(window, window.shortcut_rows())
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    assert table.rowCount() == len(rows)
    keys = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert keys["Quit"] == "Ctrl+Q"


def test_f1_opens_the_shortcut_list(make_window, qtbot, monkeypatch) -> None:
    """The real key, through the lazily imported dialogs module."""
    window = make_window()
    shown = []
    monkeypatch.setattr(
        QDialog, "exec", lambda dialog: shown.append(dialog.findChild(QTableWidget).rowCount())
    )
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown == [len(window.shortcut_rows())]


def test_about_dialog_names_version_and_folders(make_window, monkeypatch, data_dir) -> None:
    window = make_window()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.about_action.trigger()
    assert "0.1.0" in shown[0] and str(data_dir) in shown[0]


def test_damaged_store_is_reported_in_a_banner(make_window, data_dir: Path) -> None:
    (data_dir / STORE_FILE).write_text("{not json")
    window = make_window()
    banners = window.findChildren(NoticeBanner)
    assert len(banners) == 1 and "could not be read" in banners[0].body.text()
    banners[0].dismiss_button.click()
    assert not banners[0].isVisible()


def test_content_errors_are_reported_and_the_app_still_opens(
    make_window, content_copy: Path
) -> None:
    (content_copy / "about.yaml").write_text("schema_version: 1\ntitle: [\n")
    window = make_window(content=load_content(content_copy))
    (banner,) = window.findChildren(NoticeBanner)
    assert "about.yaml, line 3: not valid YAML" in banner.body.text()
    assert window.tabs.count() == 6


def test_copy_puts_the_link_name_on_the_clipboard(make_window) -> None:
    window = make_window()
    window.show_about_collaborative()
    window.about_page.copy_buttons[0].click()
    assert QApplication.clipboard().text() == "NHS Improvement’s page on the collaborative"
    assert "Copied" in window.statusBar().currentMessage()
    assert "Open it on a computer with the internet" in window.about_page.feedback.text()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch):
    def refuse(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # atomic imports it when first saving
    return monkeypatch


def test_failed_save_shows_in_status_bar_and_retries(make_window, full_disk, qtbot) -> None:
    window = make_window()
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "Not saved yet" in window.save_status.text(), timeout=2000)
    assert "disk" in window.save_status.text() and "full" in window.save_status.text()
    full_disk.undo()
    window.autosaver.save_now()
    assert window.save_status.text() == "All changes saved"


def test_closing_with_unsaved_changes_asks_first(make_window, full_disk) -> None:
    window = make_window()
    answers = iter(["cancel", "retry", "quit"])
    asked: list[str] = []

    def ask(_parent, error: str) -> str:
        asked.append(error)
        return next(answers)

    full_disk.setattr(dialogs, "ask_after_failed_save", ask)
    window.close()
    assert window.isVisible(), "cancel keeps the window open"
    window.close()
    assert not window.isVisible(), "retry failed again, then the user chose to quit"
    assert len(asked) == 3 and "full" in asked[0]


def test_move_data_folder_through_the_dialog(make_window, tmp_path: Path, monkeypatch) -> None:
    from mnhsc_desktop.ui.shell.data_folder_dialog import DataFolderDialog
    from mnhsc_desktop.ui.shell.single_instance import InstanceGuard

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    window = make_window()
    window.guard = InstanceGuard(window.store.folder, window)
    assert window.guard.acquire()
    target = tmp_path / "network-home"

    def choose(dialog: DataFolderDialog) -> int:
        dialog.chosen = target
        return 1

    monkeypatch.setattr(DataFolderDialog, "exec", choose)
    window.data_folder_action.trigger()
    assert window.store.folder == target.resolve()
    assert "now lives in" in window.statusBar().currentMessage()
    assert not InstanceGuard(target).acquire(), "the single-copy lock moved with the data"


def test_it_settings_hide_internet_links_and_problems_are_shown(qtbot, data_dir: Path) -> None:
    from PySide6.QtGui import QIcon

    from mnhsc_desktop.core.machine_config import MachineConfig
    from mnhsc_desktop.core.store.store import Store
    from mnhsc_desktop.ui.shell.main_window import MainWindow
    from tests.conftest import SHIPPED_CONTENT

    machine = MachineConfig(
        allow_external_links=False,
        organisation_name="Example Trust",
        problems=("config.ini: unknown setting 'colour'",),
    )
    window = MainWindow(load_content(SHIPPED_CONTENT), Store.open(data_dir), QIcon(), machine)
    qtbot.addWidget(window)
    window.show()
    window.show_about_collaborative()
    assert not any(button.isVisible() for button in window.about_page.copy_buttons)
    assert "Ask your IT team" in window.about_page.text.text()
    banners = window.findChildren(NoticeBanner)
    assert any("unknown setting 'colour'" in b.body.text() for b in banners)


def test_help_what_is_qi_explains_the_3ls_and_leads_to_the_ladder(make_window, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton, QTextBrowser

    window = make_window()
    seen = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        seen["text"] = dialog.findChild(QTextBrowser).toPlainText()
        button = next(b for b in dialog.findChildren(QPushButton) if "ladder" in b.text())
        button.click()

    QTimer.singleShot(0, answer)
    window.what_is_qi_action.trigger()
    assert "At the Living level you will be starting to apply your knowledge" in seen["text"]
    assert window.tabs.currentWidget() is window.ladder_host


def test_changes_saved_elsewhere_show_in_the_window_and_are_kept(make_window, data_dir) -> None:
    from mnhsc_desktop.core.store.store import Store

    window = make_window()
    other = Store.open(data_dir)  # the command line, or another PC on a shared folder
    other.set("culture", "favourites", ["how-to-huddle"])
    assert other.save()
    window.store.set("window", "last_tab", "culture")
    assert window.autosaver.save_now() is None
    assert "merged in" in window.save_status.text()
    window.tabs.setCurrentWidget(window.culture_host)
    assert window.culture_tab.list.model().favourites == {"how-to-huddle"}
