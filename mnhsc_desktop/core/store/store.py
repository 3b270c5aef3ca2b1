"""The user's own state: one versioned JSON file in the data folder, saved atomically.

Nothing typed is ever lost: a damaged file is set aside (never overwritten) and reported; a file
from a newer version is left alone; a failed save keeps everything in memory to try again.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mnhsc_desktop.core.store import safe_json
from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes, remove_stale_temp_files
from mnhsc_desktop.core.store.repairs import StoreRepairs
from mnhsc_desktop.core.store.state_schema import (
    SCHEMA_VERSION,
    SECTIONS,
    check_item,
    check_section,
    empty_state,
)
from mnhsc_desktop.core.store.undo import ABSENT, Step, UndoHistory

STORE_FILE = "state.json"
MAX_STORE_BYTES = 200 * 1024 * 1024  # a heavy user's file is a few MB

NoticeKind = Literal[
    "damaged",
    "repaired",
    "newer",
    "unreadable",
    "migrated",
    "folder",
    "unreachable-folder",
    "read-only",
]


@dataclass(frozen=True)
class StoreNotice:
    """Something the user must be told about their data at start-up."""

    kind: NoticeKind
    message: str
    kept_copy: Path | None = None


@dataclass(frozen=True)
class StateChange:
    """What one change touched, so each screen refreshes only when it concerns it."""

    section: str
    key: str


def _checked(section: str, key: str, value: Any) -> Any:
    """A private copy of a value the schema accepts: only what can be saved and read back is
    ever held (no NaN, no broken characters, no shape a screen could not show)."""
    value = json.loads(json.dumps(value, allow_nan=False))  # JSON only; no shared references
    if why := check_item(section, key, value):
        raise ValueError(f"{section}/{key} cannot be stored ({why})")
    return value


class Store(StoreRepairs):
    """Personal state in memory, with the rules for reading and writing it to disk."""

    def __init__(self, folder: Path, local_copy: Path | None = None) -> None:
        self.folder = Path(folder)
        self.path = self.folder / STORE_FILE
        self.local_copy = local_copy  # a safety copy on this PC when the folder is elsewhere
        self.read_only = False
        self.dirty = False
        self.notices: list[StoreNotice] = []
        self._state = empty_state()
        self._listeners: list[Callable[[StateChange], None]] = []
        # For noticing another writer (merge.py): what the file held when we last read or wrote
        # it, its stat signature then, what changed here since, and what to tell the user.
        self.synced_bytes: bytes | None = None
        self.disk_signature: tuple[int, int, int] | None = None
        self.changed_here: set[tuple[str, str]] = set()
        self.merge_notes: list[str] = []
        self.undo = UndoHistory()

    # -- reading -------------------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path, local_copy: Path | None = None) -> Store:
        """Load the store in `folder`, never raising for bad data: problems become notices.

        With `local_copy`, a folder that cannot be reached opens from that copy, read-only.
        """
        store = cls(folder, local_copy)
        if local_copy is not None and not Path(folder).is_dir():
            store._open_local_copy("cannot be reached (is the network drive connected?)")
            return store
        if local_copy is not None and not store.path.exists() and local_copy.exists():
            store._open_local_copy(
                "holds no saved data, though this PC has a copy of it (was the folder emptied "
                "or replaced?)"
            )
            return store
        try:
            store.folder.mkdir(parents=True, exist_ok=True)
            remove_stale_temp_files(store.folder)
        except OSError as error:
            message = WriteFailed(store.path, error).strerror or str(error)
            store.notices.append(StoreNotice("folder", f"The data folder is not usable. {message}"))
        store._load()
        store.disk_signature = store.signature_on_disk()
        return store

    def _load(self) -> None:
        try:
            raw = safe_json.read_bounded(self.path, MAX_STORE_BYTES)
        except (FileNotFoundError, NotADirectoryError):
            return  # first run, or no folder yet: nothing on disk to protect
        except (OSError, safe_json.InputRefused) as error:
            self.read_only = True
            reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
            self._notice(
                "unreadable",
                f"Your saved data ({self.path}) could not be read: {reason}. It has not been "
                "touched; changes made now will not be saved until the file can be read.",
            )
            return
        self.synced_bytes = raw
        try:
            parsed = safe_json.parse(raw)
        except safe_json.InputRefused as refusal:
            self._set_aside_and_start_fresh(refusal.reason)
            return
        data = parsed.value
        if not isinstance(data, dict):
            self._set_aside_and_start_fresh("it does not hold a JSON object")
            return
        version = data.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self._keep_valid_items(data, parsed.duplicate_keys, "it has no valid schema_version")
            return
        if version > SCHEMA_VERSION:
            self.read_only = True
            self._notice(
                "newer",
                f"Your saved data was written by a newer version of MNHSC Desktop (data version "
                f"{version}; this version understands up to {SCHEMA_VERSION}). It has been left "
                "untouched and nothing you change now will be saved. Please use the newer version.",
            )
            return
        if version < SCHEMA_VERSION:
            data = self._migrate(data, version)
            if data is None:
                return
        self._keep_valid_items(data, parsed.duplicate_keys)

    def _open_local_copy(self, problem: str) -> None:
        """The chosen folder is not usable: show the copy kept on this PC, read-only, so nothing
        is created in the folder's place and the copy is never overwritten with less."""
        self.read_only = True
        assert self.local_copy is not None
        try:
            data = safe_json.parse(safe_json.read_bounded(self.local_copy, MAX_STORE_BYTES)).value
            saved = dt.datetime.fromtimestamp(self.local_copy.stat().st_mtime).strftime(
                "%d %b %Y %H:%M"
            )
        except (OSError, safe_json.InputRefused):
            data, saved = None, None
        if isinstance(data, dict) and data.get("schema_version") == SCHEMA_VERSION:
            for name in SECTIONS:
                self._state[name] = check_section(name, data.get(name, {}))[0]
            shown = f"This is the copy kept on this PC (saved {saved}), read-only"
        else:
            shown = "There is no copy of it on this PC, so the app has started empty and read-only"
        self._notice(
            "unreachable-folder",
            f"Your data folder {self.folder} {problem}. {shown}: changes made now will not be "
            f"saved, and nothing has been created in its place. Reconnect the folder and "
            f"restart, or ask IT to restore it (the copy on this PC is {self.local_copy}).",
        )

    def hold_read_only(self, reason: str) -> None:
        """Open but never save (another copy holds the folder, and the user chose to look)."""
        self.read_only = True
        self._notice("read-only", reason)

    def relocate(self, folder: Path, local_copy: Path | None) -> None:
        """Carry on in another folder (after data_folder.move_data has copied the data there)."""
        self.folder = Path(folder)
        self.path = self.folder / STORE_FILE
        self.local_copy = local_copy
        self.disk_signature = self.signature_on_disk()  # the copy just made there is ours
        self.dirty = True

    def _notice(self, kind: NoticeKind, message: str, kept: Path | None = None) -> None:
        self.notices.append(StoreNotice(kind, message, kept))

    # -- using ---------------------------------------------------------------------------
    def get(self, section: str, key: str, default: Any = None) -> Any:
        return copy.deepcopy(self._state[section].get(key, default))

    def set(self, section: str, key: str, value: Any) -> StateChange | None:
        """Change one value; returns what changed (None when nothing did) and tells listeners."""
        if section not in SECTIONS:
            raise KeyError(f"unknown store section {section!r}")
        value = _checked(section, key, value)
        if self._state[section].get(key) == value and key in self._state[section]:
            return None
        self.undo.remember(section, {key: self._state[section].get(key, ABSENT)})
        self._state[section][key] = value
        self.dirty = True
        self.changed_here.add((section, key))
        change = StateChange(section, key)
        for listener in list(self._listeners):
            listener(change)
        return change

    def update(self, section: str, changes: dict[str, Any]) -> StateChange | None:
        """Set (or, for a value of None, remove) many keys at once, telling listeners once.

        The change's key is "*": an import of thousands of events is one change, not thousands.
        Every value is checked before any is taken, so a refused value changes nothing.
        """
        if section not in SECTIONS:
            raise KeyError(f"unknown store section {section!r}")
        target = self._state[section]
        checked = {k: None if v is None else _checked(section, k, v) for k, v in changes.items()}
        before = {
            key: target.get(key, ABSENT)
            for key, value in checked.items()
            if ((key in target) if value is None else (key not in target or target[key] != value))
        }
        if not before:
            return None
        for key, value in checked.items():
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
        self.undo.remember(section, before)
        self.changed_here.update((section, key) for key in before)
        self.dirty = True
        change = StateChange(section, "*")
        for listener in list(self._listeners):
            listener(change)
        return change

    def undo_last(self) -> str | None:
        """Put back what the last change (in this session) replaced; its label, or None. What
        it replaces in turn is kept for redo_last."""
        step = self.undo.pop()
        return self._swap(step, self.undo.redo_steps) if step else None

    def redo_last(self) -> str | None:
        """Bring back what the last undo replaced; its label, or None."""
        redo = self.undo.redo_steps
        return self._swap(redo.pop(), self.undo.steps) if redo else None

    def _swap(self, step: Step, reverse_into: list[Step]) -> str:
        """Write a step's values back, keeping the step that would reverse it (before listeners
        hear of the change, so Edit's menu shows it at once)."""
        now = {key: self._state[step.section].get(key, ABSENT) for key in step.before}
        reverse_into.append(Step(step.section, now))
        self.undo.paused = True
        try:
            self.update(step.section, step.before)
        finally:
            self.undo.paused = False
        return step.label

    def keys(self, section: str) -> list[str]:
        return list(self._state[section])

    def items(self, section: str) -> list[tuple[str, Any]]:
        """Every (key, value) of a section, without copying: for readers that build their own
        objects from the values and never change them (copying thousands of ticks is slow)."""
        return list(self._state[section].items())

    def subscribe(self, listener: Callable[[StateChange], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[StateChange], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def snapshot(self) -> dict[str, Any]:
        return copy.deepcopy(self._state)

    # -- writing -------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the state if it changed; False when read-only. Raises WriteFailed on disk errors.

        If another program or PC wrote the file since we read it, their changes are merged in
        first (merge.py), so ours never overwrite theirs blindly.
        """
        if self.read_only:
            return False
        if not self.dirty:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteFailed(self.path, error) from error
        if self.signature_on_disk() != self.disk_signature:
            from mnhsc_desktop.core.store.merge import take_in_disk_changes

            take_in_disk_changes(self)
        # Compact on purpose: with indent, json falls back to its pure-Python encoder, ~5x slower
        # (thousands of ticks took 150 ms to write instead of 30).
        payload = json.dumps(self._state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        data = payload.encode("utf-8")
        atomic_write_bytes(self.path, data)
        self.dirty = False
        self.synced_bytes, self.disk_signature = data, self.signature_on_disk()
        self.changed_here.clear()
        if self.local_copy is not None:
            with contextlib.suppress(OSError):  # a safety copy: never the reason a save fails
                atomic_write_bytes(self.local_copy, data)
        return True

    def signature_on_disk(self) -> tuple[int, int, int] | None:
        """What tells us the file was rewritten: its change time, size and file number."""
        try:
            info = self.path.stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def replace_state(self, state: dict[str, Any], sections: set[str]) -> None:
        """Take a merged state (merge.py), telling listeners of the sections it changed."""
        self._state = state
        for section in sorted(sections):
            change = StateChange(section, "*")
            for listener in list(self._listeners):
                listener(change)

    def take_merge_notes(self) -> list[str]:
        notes, self.merge_notes = self.merge_notes, []
        return notes
