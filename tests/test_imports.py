"""Every import the app makes resolves, including those inside functions.

Much of the app imports on first use (to keep start-up fast), so an import that names a module
or a name that no longer exists fails only when a user reaches that menu item. This reads every
module's imports, wherever they stand, and checks each one against the real package.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import mnhsc_desktop

PACKAGE_DIR = Path(mnhsc_desktop.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _own_imports() -> list[tuple[str, str, str | None]]:
    """(where, module, name) for every import of the app's own modules; name None for `import x`."""
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE_DIR.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module.split(".")[0] == "mnhsc_desktop":
                    found += [(where, node.module, alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                found += [
                    (where, alias.name, None)
                    for alias in node.names
                    if alias.name.split(".")[0] == "mnhsc_desktop"
                ]
    return found


IMPORTS = _own_imports()


def test_the_walk_sees_the_lazy_imports() -> None:
    assert len(IMPORTS) > 200
    assert any(
        module == "mnhsc_desktop.ui.shell" and name == "dialogs" for _w, module, name in IMPORTS
    )


def test_every_imported_module_exists() -> None:
    modules = {_module_name(path) for path in PACKAGE_DIR.rglob("*.py")}
    missing = [f"{where}: {module}" for where, module, _n in IMPORTS if module not in modules]
    assert not missing, "imports of modules that do not exist:\n" + "\n".join(missing)


BY_MODULE: dict[str, list[tuple[str, str]]] = {}
for _where, _module, _name in IMPORTS:
    if _name is not None:
        BY_MODULE.setdefault(_module, []).append((_where, _name))


@pytest.mark.parametrize("module", sorted(BY_MODULE))
def test_every_imported_name_exists(module: str) -> None:
    loaded = importlib.import_module(module)
    missing = []
    for where, name in BY_MODULE[module]:
        if hasattr(loaded, name):
            continue
        try:
            importlib.import_module(f"{module}.{name}")  # a submodule not imported yet
        except ModuleNotFoundError:
            missing.append(f"{where}: from {module} import {name}")
    assert not missing, "\n".join(missing)


def test_nothing_the_frozen_build_leaves_out_is_ever_imported(tmp_path) -> None:
    """build_installer.spec leaves out modules only named in optional code paths (asyncio,
    multiprocessing…): every module of the app, with the parts of its dependencies it uses,
    must import without them, or the frozen app would fail where the tests pass."""
    import os

    from tests.conftest import run_python

    left_out = ("asyncio", "multiprocessing", "concurrent", "xmlrpc", "tkinter", "unittest",
                "pydoc", "doctest", "sqlite3", "ssl", "_ssl", "pytz")  # fmt: skip
    code = (
        "import importlib, pkgutil, sys\n"
        "import icalendar, dateutil.rrule, openpyxl, yaml, platformdirs\n"
        "from openpyxl import load_workbook\n"
        "import mnhsc_desktop\n"
        "for m in pkgutil.walk_packages(mnhsc_desktop.__path__, 'mnhsc_desktop.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({left_out!r})))\n"
    )
    result = run_python(code, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
