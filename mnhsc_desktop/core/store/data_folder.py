"""Keeping your data in a folder you choose (a network home drive, say), safely.

The choice is a small pointer file in the standard data folder. While the data lives elsewhere,
each save also leaves a copy in the standard folder, so that when the chosen folder cannot be
reached (the network is down) the app opens that copy read-only and says so, instead of showing
nothing or, worse, starting afresh over the top.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from mnhsc_desktop import APP_NAME
from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes
from mnhsc_desktop.core.store.store import STORE_FILE, Store

POINTER_FILE = "data-folder.json"
LOCAL_COPY = "state.local-copy.json"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def chosen_data_dir(standard: Path | None = None) -> Path | None:
    """The folder the user chose, if any (None: the standard folder)."""
    try:
        data = json.loads(
            ((standard or default_data_dir()) / POINTER_FILE).read_text(encoding="utf-8")
        )
        return Path(data["folder"]) if isinstance(data, dict) and data.get("folder") else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def local_copy_for(folder: Path, standard: Path | None = None) -> Path | None:
    """Where the safety copy of a chosen folder's data is kept (None for the standard folder)."""
    standard = standard or default_data_dir()
    return None if Path(folder).resolve() == standard.resolve() else standard / LOCAL_COPY


@dataclass(frozen=True)
class MoveResult:
    folder: Path
    message: str


class MoveRefused(Exception):
    """The data was not moved; the message says why and what to do."""


def move_data(store: Store, target: Path, standard: Path | None = None) -> MoveResult:
    """Copy the data to `target`, check the copy, point the app there, and keep working there.

    The old file is renamed, not deleted, so a mistake costs nothing. Raises MoveRefused.
    """
    standard = standard or default_data_dir()
    target = Path(target).expanduser().resolve()
    if target == store.folder.resolve():
        return MoveResult(target, "Your data is already in that folder.")
    if (target / STORE_FILE).exists():
        raise MoveRefused(
            f"{target} already holds MNHSC Desktop data. Choose an empty folder, or move that "
            "data out of the way first: nothing has been changed."
        )
    if store.read_only:
        raise MoveRefused(
            "Your data is read-only at the moment (see the message at the top of the window), so it cannot be moved."
        )
    snapshot = json.dumps(
        store.snapshot(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")
    try:
        target.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target / STORE_FILE, snapshot)
        if (target / STORE_FILE).read_bytes() != snapshot:
            raise MoveRefused(
                f"The copy in {target} did not read back the same; your data stays where it was."
            )
        pointer = {"folder": str(target)} if target != standard.resolve() else {}
        standard.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(standard / POINTER_FILE, json.dumps(pointer).encode("utf-8"))
    except (WriteFailed, OSError) as error:
        raise MoveRefused(
            f"Your data could not be copied to {target}: {error}. It stays where it was."
        ) from error
    old = store.path
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    # Kept, in case. Should the old folder be read-only, the pointer decides anyway.
    with contextlib.suppress(OSError):
        old.replace(old.with_name(f"state.moved-away-{stamp}.json"))
    store.relocate(target, local_copy_for(target, standard))
    return MoveResult(
        target,
        f"Your data now lives in {target}. The old file was kept as state.moved-away-{stamp}.json.",
    )


def environment_chooses() -> bool:
    from mnhsc_desktop.core.store.paths import DATA_DIR_ENV

    return bool(os.environ.get(DATA_DIR_ENV))
