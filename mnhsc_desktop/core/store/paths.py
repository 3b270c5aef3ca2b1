"""Where things live: the user's data folder, shipped content and resources.

One module owns these so that tests, the frozen build and IT overrides all go through the same rules.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "MNHSC_DATA_DIR"
CONTENT_DIR_ENV = "MNHSC_CONTENT_DIR"
_PACKAGE_DIR = Path(__file__).resolve().parents[2]


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The per-user folder for personal state: --data-dir, then MNHSC_DATA_DIR, then the folder
    the user chose in the app (data_folder.py), then IT's default_data_dir (core/machine_config.py),
    then the OS default."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    from mnhsc_desktop.core.machine_config import load_machine_config
    from mnhsc_desktop.core.store.data_folder import chosen_data_dir, default_data_dir

    standard = default_data_dir()
    return chosen_data_dir(standard) or load_machine_config().default_data_dir or standard


def _bundled_dir(name: str) -> Path:
    """Find `data` or `resources` wherever this copy of the app was installed from.

    Frozen build: beside the executable's bundle. Wheel: inside the package.
    Source checkout or editable install: at the repository root, beside the package.
    """
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / name)
    candidates += [_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def shipped_content_dir() -> Path:
    """The content folder that ships with the app."""
    return _bundled_dir("data")


def resources_dir() -> Path:
    """Icons and other files the app shows; nothing is ever fetched."""
    return _bundled_dir("resources")


def content_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The content in use: --content-dir, then MNHSC_CONTENT_DIR, then IT's content_dir
    (core/machine_config.py), then what shipped."""
    chosen = override or os.environ.get(CONTENT_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    from mnhsc_desktop.core.machine_config import load_machine_config

    return load_machine_config().content_dir or shipped_content_dir()
