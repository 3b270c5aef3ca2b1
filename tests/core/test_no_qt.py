"""The logic library must never load Qt, so it stays testable and usable from the CLI without it."""

from __future__ import annotations

import pkgutil

import mnhsc_desktop.core
from tests.conftest import run_python


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        m.name for m in pkgutil.walk_packages(mnhsc_desktop.core.__path__, "mnhsc_desktop.core.")
    ]
    assert len(modules) >= 30  # every module in every folder of core/, not only the top level
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken')]\n"
        "print(','.join(loaded))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_content_check_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "from mnhsc_desktop.cli.main import main\n"
        "status = main(['content', 'check'])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
        "sys.exit(status)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def test_the_window_and_home_load_no_spreadsheet_reader_and_no_unopened_tab(tmp_path) -> None:
    """Start-up stays lean whatever is added: openpyxl, icalendar, the Revalidation and QI
    projects tabs and the charts' arithmetic load when used."""
    import os

    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtGui import QIcon\n"
        "app = QApplication([])\n"
        "from pathlib import Path\n"
        "from mnhsc_desktop.core.content.content import load_content\n"
        "from mnhsc_desktop.core.store.paths import content_dir\n"
        "from mnhsc_desktop.core.store.store import Store\n"
        "from mnhsc_desktop.ui.shell.main_window import MainWindow\n"
        f"window = MainWindow(load_content(content_dir(None)), Store.open(Path({str(tmp_path)!r})), QIcon())\n"
        "window.show()\n"
        "for _ in range(5): app.processEvents()\n"
        "window.dashboard.refresh()\n"
        "late = [m for m in ('openpyxl', 'mnhsc_desktop.ui.revalidation.tab', 'icalendar',\n"
        "        'mnhsc_desktop.core.revalidation.spreadsheet', 'mnhsc_desktop.ui.qi.tab',\n"
        "        'mnhsc_desktop.core.qi.spc', 'mnhsc_desktop.core.qi.projects') if m in sys.modules]\n"
        "print(','.join(late))\n"
    )
    result = run_python(code, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
