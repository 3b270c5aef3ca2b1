"""Content and icons travel with the package: an installed wheel finds them inside itself."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("mnhsc_desktop-*.whl")
    return built


def test_wheel_carries_content_and_resources(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "mnhsc_desktop/data/about.yaml" in names
    assert "mnhsc_desktop/resources/icons/app-64.png" in names
    assert not any(name.startswith("tests/") for name in names)


def test_installed_wheel_loads_its_own_content(wheel: Path, tmp_path: Path, isolated_env) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    isolated_env["PYTHONPATH"] = str(site)
    code = (
        "import mnhsc_desktop, sys\n"
        "from mnhsc_desktop.core.store.paths import shipped_content_dir, resources_dir\n"
        "from mnhsc_desktop.cli.main import main\n"
        "print(mnhsc_desktop.__file__); print(shipped_content_dir()); print(resources_dir())\n"
        "sys.exit(main(['content', 'check']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=isolated_env,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    module_file, content, resources = result.stdout.splitlines()[:3]
    for path in (module_file, content, resources):
        assert path.startswith(str(site)), path
    assert "content is valid" in result.stdout
