"""Shared test setup: no display needed, and every test gets its own data folder."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# HYPOTHESIS_PROFILE=long runs the fuzz tests long (the figure in the README); the default keeps
# the suite quick.
# No deadline in either: speed is measured in benchmarks/, side by side with a baseline, not
# as a timed test (a slow first example on a busy CI machine failed the fuzz test at 407 ms).
settings.register_profile("default", deadline=None)
settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = REPO / "data"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "user-data"
    folder.mkdir()
    return folder


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, target)
    return target


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for subprocesses: no user config leaks in, no display needed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MNHSC_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "runtime")
    (tmp_path / "runtime").mkdir(mode=0o700)
    env["PYTHONPATH"] = str(REPO)
    return env


def run_python(code: str, env: dict[str, str] | None = None):
    import subprocess

    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
