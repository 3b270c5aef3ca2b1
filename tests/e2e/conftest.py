from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Warnings the app may print that are not problems (keep this list short, and say why).
STDERR_ALLOWED = (
    "This plugin does not support propagateSizeHints()",  # offscreen platform, tests only
)


def app_command() -> list[str]:
    """The installed `mnhsc-desktop` script of this environment (as a user would run it)."""
    script = Path(sys.executable).parent / "mnhsc-desktop"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mnhsc_desktop"]


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if line.strip() and line.strip() not in STDERR_ALLOWED
    ]


@pytest.fixture
def run_app(isolated_env):
    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*app_command(), *args],
            capture_output=True,
            text=True,
            env=isolated_env,
            timeout=timeout,
        )

    return run
