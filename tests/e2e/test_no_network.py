"""The real app process, traced at the system-call level: no internet socket is ever connected."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import app_command

pytestmark = pytest.mark.skipif(
    shutil.which("strace") is None, reason="needs strace (CI installs it)"
)
INTERNET = re.compile(r"(connect|sendto|sendmsg)\(\d+, \{sa_family=AF_INET6?\b")


def trace(command: list[str], env: dict[str, str], log: Path) -> str:
    subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log), *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    return log.read_text(encoding="utf-8", errors="replace")


def test_tracer_sees_an_internet_connection(isolated_env, tmp_path: Path) -> None:
    """The check can fail: a loopback connection attempt shows up in the trace."""
    probe = "import socket; s = socket.socket(); s.settimeout(1)\ntry: s.connect(('127.0.0.1', 9))\nexcept OSError: pass"
    log = trace(["python3", "-c", probe], isolated_env, tmp_path / "probe.log")
    assert INTERNET.search(log)


def test_app_start_up_makes_no_internet_connection(isolated_env, tmp_path: Path) -> None:
    command = [*app_command(), "--data-dir", str(tmp_path / "data"), "--quit-after-startup"]
    log = trace(command, isolated_env, tmp_path / "app.log")
    assert (tmp_path / "data" / "state.json").exists(), "the app really ran"
    assert INTERNET.findall(log) == [], log
