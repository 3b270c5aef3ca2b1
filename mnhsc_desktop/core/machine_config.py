"""The machine-wide settings trust IT controls: one small INI file, read at start, checked.

    Windows: %PROGRAMDATA%\\MNHSC Desktop\\config.ini     Linux: /etc/mnhsc-desktop/config.ini
    or wherever MNHSC_CONFIG points.

Precedence, for every setting: command line > environment > the user's own choice > this file >
built-in defaults. INI rather than YAML: administrators edit it by hand, and reading it costs
start-up nothing measurable.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mnhsc_desktop.core.text import printable

CONFIG_ENV = "MNHSC_CONFIG"
SECTION = "mnhsc-desktop"
MAX_CONFIG_BYTES = 64 * 1024  # a handful of settings
KEYS = ("content_dir", "default_data_dir", "allow_external_links", "organisation_name")


@dataclass(frozen=True)
class MachineConfig:
    path: Path | None = None  # the file read, if any
    content_dir: Path | None = None
    default_data_dir: Path | None = None
    allow_external_links: bool = True
    organisation_name: str = ""
    problems: tuple[str, ...] = field(default=())


def config_path() -> Path:
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    if sys.platform == "win32":
        return (
            Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "MNHSC Desktop" / "config.ini"
        )
    return Path("/etc/mnhsc-desktop/config.ini")


def expand_user_path(text: str) -> Path:
    """%USERNAME%, $USER and ~ filled in for the person running the app."""
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    text = text.replace("%USERNAME%", user).replace("%username%", user)
    return Path(os.path.expanduser(os.path.expandvars(text)))


def load_machine_config(path: Path | None = None) -> MachineConfig:
    """Read the file if there is one; problems are reported, and a bad value is ignored."""
    path = path or config_path()
    if not path.exists():
        return MachineConfig()
    import configparser

    from mnhsc_desktop.core.input_files import InputRefused, read_bounded

    parser = configparser.ConfigParser(interpolation=None)
    try:
        text = read_bounded(path, MAX_CONFIG_BYTES).decode("utf-8-sig")
        parser.read_string(text, source=str(path))
    except InputRefused as refusal:
        return MachineConfig(path, problems=(f"{path} was not read: {refusal.reason}",))
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        return MachineConfig(
            path, problems=(f"{path} could not be read: {printable(str(error), 200)}",)
        )
    problems: list[str] = []
    if not parser.has_section(SECTION):
        return MachineConfig(
            path, problems=(f"{path}: no [{SECTION}] section, so nothing in it applies",)
        )
    values = parser[SECTION]
    for key in values:
        if key not in KEYS:
            problems.append(f"{path}: unknown setting '{key}' (known: {', '.join(KEYS)})")
    allow = True
    if "allow_external_links" in values:
        try:
            allow = values.getboolean("allow_external_links")
        except ValueError:
            problems.append(
                f"{path}: allow_external_links should be true or false (got {values['allow_external_links']!r})"
            )
    return MachineConfig(
        path=path,
        content_dir=expand_user_path(values["content_dir"]) if values.get("content_dir") else None,
        default_data_dir=expand_user_path(values["default_data_dir"])
        if values.get("default_data_dir")
        else None,
        allow_external_links=allow,
        organisation_name=values.get("organisation_name", "").strip(),
        problems=tuple(problems),
    )
