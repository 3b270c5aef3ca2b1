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
