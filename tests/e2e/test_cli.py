"""The installed command, run as a user or a script would run it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mnhsc_desktop import __version__
from tests.conftest import SHIPPED_CONTENT
from tests.e2e.conftest import app_command, unexpected_stderr


def test_version(run_app) -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"MNHSC Desktop {__version__}"


def test_python_dash_m_works_too(isolated_env) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mnhsc_desktop", "--version"],
        capture_output=True,
        text=True,
        env=isolated_env,
        timeout=60,
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_help_documents_commands_and_exit_codes(run_app) -> None:
    result = run_app("--help")
    assert result.returncode == 0
    for words in ("content check [DIR]", "exit codes:", "--data-dir", "MNHSC_DATA_DIR"):
        assert words in result.stdout


def test_wrong_usage_exits_2_with_words(run_app) -> None:
    result = run_app("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_content_check_passes_on_shipped_content(run_app) -> None:
    result = run_app("content", "check", str(SHIPPED_CONTENT))
    assert result.returncode == 0, result.stderr
    assert "content is valid" in result.stdout


def test_content_check_without_a_folder_checks_the_one_in_use(run_app) -> None:
    result = run_app("content", "check")
    assert result.returncode == 0, result.stderr


def test_content_check_lists_every_problem(run_app, content_copy: Path) -> None:
    about = content_copy / "about.yaml"
    broken = about.read_text(encoding="utf-8").replace(
        "short_name: MNHSC", "short_name: 3\nsubtitle: x"
    )
    about.write_text(broken, encoding="utf-8")
    (content_copy / "notes.yaml").write_text("a: [\n", encoding="utf-8")
    result = run_app("content", "check", str(content_copy))
    assert result.returncode == 1
    assert "3 problems found" in result.stderr
    assert (
        "about.yaml, line 6, field 'short_name': should be text, not the number 3" in result.stderr
    )
    assert "about.yaml, line 7, field 'subtitle': unknown key" in result.stderr
    assert "notes.yaml: is not a content file" in result.stderr
    assert "Traceback" not in result.stderr


def test_content_check_on_a_missing_folder(run_app, tmp_path: Path) -> None:
    result = run_app("content", "check", str(tmp_path / "nope"))
    assert result.returncode == 1 and "is not a folder" in result.stderr


def test_quit_after_startup_opens_the_window_and_saves(run_app, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_app("--data-dir", str(data), "--quit-after-startup")
    assert result.returncode == 0, result.stderr
    assert unexpected_stderr(result.stderr) == []
    state = json.loads((data / "state.json").read_text(encoding="utf-8"))
    assert state["schema_version"] == 1 and "geometry" in state["window"]


def test_data_dir_from_the_environment(isolated_env, tmp_path: Path) -> None:
    isolated_env["MNHSC_DATA_DIR"] = str(tmp_path / "from-env")
    result = subprocess.run(
        [*app_command(), "--quit-after-startup"],
        capture_output=True,
        text=True,
        env=isolated_env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-env" / "state.json").exists()


def test_damaged_store_starts_anyway_and_keeps_the_damaged_file(run_app, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "state.json").write_text("{half a fi")
    result = run_app("--data-dir", str(data), "--quit-after-startup")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    kept = list(data.glob("state.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == "{half a fi"


def test_second_launch_brings_the_first_to_the_front(isolated_env, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = subprocess.Popen(
        [*app_command(), "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=isolated_env,
    )
    try:
        deadline = time.monotonic() + 30
        while not (data / "mnhsc-desktop.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # the first copy takes the lock as it starts
        second = subprocess.run(
            [*app_command(), "--data-dir", str(data)],
            capture_output=True,
            text=True,
            env=isolated_env,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        assert first.poll() is None, "the first copy is still running"
    finally:
        first.kill()
        first.communicate(timeout=30)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_sigterm_closes_the_window_cleanly_and_saves(isolated_env, tmp_path: Path) -> None:
    """Log-off or shutdown sends SIGTERM: the app saves (the window's size included) and exits
    normally, leaving no lock behind, instead of dying with its last change unsaved."""
    data = tmp_path / "data"
    app = subprocess.Popen(
        [*app_command(), "--data-dir", str(data)],
        env=isolated_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not (data / "mnhsc-desktop.lock").exists():
            assert app.poll() is None and time.monotonic() < deadline, app.stderr.read()
            time.sleep(0.05)
        time.sleep(0.5)  # the window is shown just after the lock is taken
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=10)
    finally:
        app.kill()
    assert app.returncode == 0, err
    assert unexpected_stderr(err) == []
    assert json.loads((data / "state.json").read_text())["window"]["geometry"]
    assert not (data / "mnhsc-desktop.lock").exists()


def test_a_missing_chosen_folder_is_not_recreated_and_the_copy_survives(
    run_app, isolated_env, tmp_path: Path
) -> None:
    """File > Data folder chose a network folder; at start it is missing. The probe saw it
    re-created empty and the safety copy on the PC overwritten with the empty state on quit."""
    standard = Path(isolated_env["XDG_DATA_HOME"]) / "MNHSC Desktop"
    standard.mkdir(parents=True)
    gone = tmp_path / "network-drive" / "mnhsc"
    (standard / "data-folder.json").write_text(json.dumps({"folder": str(gone)}))
    copy = {"schema_version": 1, "profile": {"name": "Jane Midwife"}, "ladder": {}}
    (standard / "state.local-copy.json").write_text(json.dumps(copy))
    result = run_app("--quit-after-startup")
    assert result.returncode == 0, result.stderr
    assert not gone.exists()
    assert json.loads((standard / "state.local-copy.json").read_text()) == copy


@pytest.mark.parametrize("left", ["", "garbage\n"])
def test_a_lock_left_by_a_power_cut_does_not_stop_the_app(run_app, tmp_path: Path, left) -> None:
    """An empty or garbage lock file used to stop every start: "already running… did not
    answer" (exit 3), with nothing running."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "mnhsc-desktop.lock").write_text(left)
    then = time.time() - 60
    os.utime(data / "mnhsc-desktop.lock", (then, then))
    result = run_app("--data-dir", str(data), "--quit-after-startup")
    assert result.returncode == 0, result.stderr
    assert not (data / "mnhsc-desktop.lock").exists()


def test_the_command_line_names_the_other_pc_holding_the_folder(run_app, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "mnhsc-desktop.lock").write_text("4242\nmnhsc-desktop\nWARD-PC-7\n")
    source = tmp_path / "progress.json"
    source.write_text('{"format": "mnhsc-desktop-progress", "format_version": 1, "data": {}}')
    result = run_app("--data-dir", str(data), "progress", "import", str(source))
    assert result.returncode == 1
    assert "WARD-PC-7" in result.stderr and "mnhsc-desktop.lock" in result.stderr


def test_import_output_escapes_text_from_the_file(run_app, tmp_path: Path) -> None:
    """Key names from a progress file are shown, but cannot recolour the terminal or fake lines."""
    source = tmp_path / "progress.json"
    data = {"ladder": {"done/\x1b[2Jx\nImported everything.": "not a tick"}}
    source.write_text(
        json.dumps({"format": "mnhsc-desktop-progress", "format_version": 1, "data": data})
    )
    result = run_app("--data-dir", str(tmp_path / "data"), "progress", "import", str(source))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\x1b[2Jx\\nImported everything." in result.stdout
    assert "\nImported everything." not in result.stdout
