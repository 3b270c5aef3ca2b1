"""Carry progress between PCs: one versioned JSON file out, and a previewed merge back in.

Merging is per item and never silent: the newer change wins where an item says when it changed
(ticks, undos), histories are joined, and where neither side can be called newer the copy on this
PC is kept and the difference listed as a conflict.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mnhsc_desktop import __version__
from mnhsc_desktop.core.store.store import StateChange, Store

FORMAT = "mnhsc-desktop-progress"
FORMAT_VERSION = 1
PERSONAL_SECTIONS = ("profile", "ladder", "calendar", "culture")  # not "window": that is per PC
MAX_BYTES = 50 * 1024 * 1024


class ProgressRefused(Exception):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name} cannot be imported: {reason}. Nothing was changed.")


def export_progress(store: Store) -> bytes:
    state = store.snapshot()
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "owner": state.get("profile", {}).get("name", ""),
        "data": {section: state.get(section, {}) for section in PERSONAL_SECTIONS},
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


@dataclass
class Change:
    section: str
    key: str
    what: str  # a sentence for the preview


@dataclass
class ProgressPlan:
    source: Path
    owner: str
    merged: dict[str, dict[str, Any]] = field(default_factory=dict)  # section -> key -> new value
    added: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    conflicts: list[Change] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{len(self.added)} new, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''} (yours kept)"
        )
        return text + (f", {len(self.skipped)} skipped" if self.skipped else "")


def read_progress(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProgressRefused(path, "it is larger than any progress file could be")
        payload = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        raise ProgressRefused(path, f"it could not be read ({error.strerror or error})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProgressRefused(
            path, "it is not a progress file from MNHSC Desktop (not JSON)"
        ) from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ProgressRefused(path, "it is not a progress file from MNHSC Desktop")
    version = payload.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ProgressRefused(path, "its format version is missing or damaged")
    if version > FORMAT_VERSION:
        raise ProgressRefused(
            path,
            f"it was written by a newer version of MNHSC Desktop ({payload.get('app_version', '?')}); please update this PC first",
        )
    data = payload.get("data")
    if not isinstance(data, dict) or not all(
        isinstance(data.get(s, {}), dict) for s in PERSONAL_SECTIONS
    ):
        raise ProgressRefused(path, "its contents are damaged")
    return payload


def plan_progress_import(path: Path, store: Store) -> ProgressPlan:
    payload = read_progress(Path(path))
    owner = str(payload.get("owner") or "")
    plan = ProgressPlan(Path(path), owner)
    mine = str(store.get("profile", "name", "") or "")
    if owner and mine and owner.casefold() != mine.casefold():
        plan.warnings.append(
            f"This progress belongs to {owner}, not to {mine}. Import it only if that is right."
        )
    for section in PERSONAL_SECTIONS:
        incoming: dict[str, Any] = payload["data"].get(section, {})
        current = {key: store.get(section, key) for key in store.keys(section)}
        for key, theirs in incoming.items():
            ours = current.get(key)
            if not _valid(section, key, theirs):
                plan.skipped.append(
                    Change(section, key, f"{_describe(section, key)}: damaged in the file, skipped")
                )
            elif ours is None:
                _take(plan, section, key, theirs, plan.added, "added")
            elif ours == theirs:
                plan.unchanged += 1
            else:
                _merge_item(plan, section, key, ours, theirs)
    return plan


def _take(
    plan: ProgressPlan, section: str, key: str, value: Any, into: list[Change], verb: str
) -> None:
    plan.merged.setdefault(section, {})[key] = value
    into.append(Change(section, key, f"{_describe(section, key)}: {verb}"))


def _merge_item(plan: ProgressPlan, section: str, key: str, ours: Any, theirs: Any) -> None:
    if (
        section == "ladder"
        and key.startswith("level/")
        and isinstance(ours, list)
        and isinstance(theirs, list)
    ):
        joined = sorted(
            {json.dumps(e, sort_keys=True): e for e in [*ours, *theirs]}.values(),
            key=_history_order,
        )
        _take(plan, section, key, joined, plan.updated, "histories joined")
        return
    if (
        section == "calendar"
        and key == "hidden"
        and isinstance(ours, list)
        and isinstance(theirs, list)
    ):
        _take(
            plan,
            section,
            key,
            sorted(set(ours) | set(theirs)),
            plan.updated,
            "hidden events joined",
        )
        return
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for stamp in ("changed_at", "sequence"):
            if stamp in ours and stamp in theirs and ours[stamp] != theirs[stamp]:
                if type(ours[stamp]) is not type(theirs[stamp]):
                    break
                if theirs[stamp] > ours[stamp]:
                    _take(
                        plan, section, key, theirs, plan.updated, "the newer change from the file"
                    )
                else:
                    plan.conflicts.append(
                        Change(section, key, f"{_describe(section, key)}: yours is newer, kept")
                    )
                return
    plan.conflicts.append(Change(section, key, f"{_describe(section, key)}: differs; yours kept"))


def _valid(section: str, key: str, value: Any) -> bool:
    """Only items this version can read come in; anything else is listed as skipped."""
    kind = key.partition("/")[0]
    try:
        if section == "ladder" and kind == "done":
            return isinstance(value, dict) and (
                value.get("done") is False
                or (bool(dt.date.fromisoformat(value["date"])) and int(value["minutes"]) > 0)
            )
        if section == "ladder" and kind == "level":
            return isinstance(value, list) and all(
                isinstance(e, dict) and dt.date.fromisoformat(e["date"]) and e["level"]
                for e in value
            )
        if section == "calendar" and kind == "event":
            from mnhsc_desktop.core.calendar.calendar import event_from_json

            event_from_json(value)
            return True
        if section == "calendar" and key == "hidden":
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    return value is not None


def _history_order(entry: Any) -> tuple[str, str]:
    if isinstance(entry, dict):
        return (str(entry.get("date", "")), str(entry.get("changed_at", "")))
    return ("", "")


def _describe(section: str, key: str) -> str:
    kind, _, name = key.partition("/")
    readable = name.replace("-", " ")
    return {
        ("ladder", "done"): f"QI resource “{readable}”",
        ("ladder", "level"): f"where I am in “{readable}”",
        ("calendar", "event"): f"calendar event {name.split('@')[0]}",
    }.get((section, kind), f"{section}: {key}")


def apply_progress_import(store: Store, plan: ProgressPlan) -> list[StateChange]:
    changes = []
    for section, values in plan.merged.items():
        if (change := store.update(section, values)) is not None:
            changes.append(change)
    return changes
