"""A second launch for the same data folder asks the first to show itself."""

from __future__ import annotations

from pathlib import Path

from mnhsc_desktop.ui.shell.single_instance import REQUEST_FILE, InstanceGuard


def test_second_guard_for_the_same_folder_is_refused_and_first_is_asked_to_show(
    qtbot, data_dir: Path
) -> None:
    first = InstanceGuard(data_dir)
    assert first.acquire()
    second = InstanceGuard(data_dir)
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.show_requested, timeout=3000):
            assert second.ask_running_copy_to_show()
    finally:
        first.release()
    third = InstanceGuard(data_dir)
    assert third.acquire(), "released folders can be taken again"
    third.release()


def test_different_folders_do_not_interfere(qtbot, tmp_path: Path) -> None:
    a, b = InstanceGuard(tmp_path / "a"), InstanceGuard(tmp_path / "b")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert a.acquire() and b.acquire()
    a.release()
    b.release()


def test_nobody_answering_is_reported_and_the_request_is_withdrawn(qtbot, data_dir: Path) -> None:
    assert not InstanceGuard(data_dir).ask_running_copy_to_show(timeout_ms=200)
    assert not (data_dir / REQUEST_FILE).exists()


def test_a_request_left_behind_is_cleared_on_start(qtbot, data_dir: Path) -> None:
    (data_dir / REQUEST_FILE).write_text("show")
    guard = InstanceGuard(data_dir)
    assert guard.acquire()
    assert not (data_dir / REQUEST_FILE).exists()
    guard.release()
