"""The installer script and the admin guide cannot be run here; these checks keep them honest."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO

ISS = (REPO / "installer" / "windows" / "mnhsc-desktop.iss").read_text(encoding="utf-8")
GUIDE = (REPO / "docs" / "deployment.md").read_text(encoding="utf-8")


def test_installer_script_has_what_it_needs() -> None:
    for required in (
        "DefaultDirName={autopf}\\{#AppName}",  # Program Files, per machine
        "PrivilegesRequired=admin",
        "PrivilegesRequiredOverridesAllowed=commandline dialog",  # /CURRENTUSER
        "[Icons]",
        "{autoprograms}",  # Start menu
        "AppVersion={#AppVersion}",  # version from the package, passed by the build
        "SignTool=",  # the signing hook
        "/VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG",  # silent install documented
        'DestName: "config.ini"; Flags: onlyifdoesntexist uninsneveruninstall',  # config kept
        "mnhsc-desktop.exe",
    ):
        assert required in ISS, required
    assert "\n[UninstallDelete]" not in ISS, "an uninstall must leave user data alone"
    # An upgrade clears the old runtime folder, and nothing else.
    deletes = re.findall(r'^Type: filesandordirs; Name: "([^"]+)"', ISS, re.MULTILINE)
    assert deletes == ["{app}\\_internal"]
    assert (REPO / "installer" / "windows" / "config.example.ini").exists()
    assert (REPO / "resources" / "icons" / "app.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_windows_workflow_builds_smoke_tests_and_packages() -> None:
    workflow = (REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    for step in (
        "scripts/build_frozen.py",
        "scripts/smoke_frozen.py",
        "ISCC.exe",
        "runs-on: windows",
    ):
        assert step in workflow


def test_every_command_in_the_guide_exists() -> None:
    commands = re.findall(r"mnhsc-desktop-cli ([a-z]+) ([a-z]+)", GUIDE)
    assert commands
    for command, action in set(commands):
        result = subprocess.run(
            [sys.executable, "-m", "mnhsc_desktop", command, action, "--help"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, f"{command} {action}: {result.stderr}"
    for script in re.findall(r"python (scripts/\w+\.py)", GUIDE):
        assert (REPO / script).exists(), script
    for key in ("content_dir", "default_data_dir", "allow_external_links", "organisation_name"):
        assert key in GUIDE
