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
from mnhsc_desktop.core.store import safe_json
from mnhsc_desktop.core.store.state_schema import FUTURE_SKEW, check_item, describe, parse_stamp
from mnhsc_desktop.core.store.store import StateChange, Store

FORMAT = "mnhsc-desktop-progress"
FORMAT_VERSION = 1
PERSONAL_SECTIONS = (
    "profile",
    "ladder",
    "calendar",
    "culture",
    "portfolio",
    "qi",
)  # not "window": that is per PC; not "pulse": a team's counts, not a person's progress
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
        parsed = safe_json.parse(safe_json.read_bounded(path, MAX_BYTES))
    except safe_json.InputRefused as refusal:
        reason = refusal.reason
        if refusal.not_json:
            reason = "it is not a progress file from MNHSC Desktop (not JSON)"
        raise ProgressRefused(path, reason) from refusal
    except OSError as error:
        raise ProgressRefused(path, f"it could not be read ({error.strerror or error})") from error
    payload = parsed.value
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ProgressRefused(path, "it is not a progress file from MNHSC Desktop")
    version = payload.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProgressRefused(path, "its format version is missing or damaged")
    if version > FORMAT_VERSION:
        raise ProgressRefused(
            path,
            f"it was written by a newer version of MNHSC Desktop ({_short(payload.get('app_version'))}); "
            "please update this PC first",
        )
    data = payload.get("data")
    if not isinstance(data, dict) or not all(
        isinstance(data.get(s, {}), dict) for s in PERSONAL_SECTIONS
    ):
        raise ProgressRefused(path, "its contents are damaged")
    if parsed.duplicate_keys:
        shown = ", ".join(sorted(set(parsed.duplicate_keys))[:5])
        raise ProgressRefused(path, f"it names some entries twice ({shown}), so it was altered")
    return payload


def plan_progress_import(path: Path, store: Store) -> ProgressPlan:
    payload = read_progress(Path(path))
    owner = payload.get("owner") if not check_item("profile", "name", payload.get("owner")) else ""
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
            if why := check_item(section, key, theirs) or _outside(store, section, key, theirs):
                plan.skipped.append(
                    Change(
                        section,
                        key,
                        f"{describe(section, key)}: damaged in the file ({why}), skipped",
                    )
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
    into.append(Change(section, key, f"{describe(section, key)}: {verb}"))


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
        newer = _theirs_newer(ours, theirs)
        if newer == "future":
            plan.conflicts.append(
                Change(
                    section,
                    key,
                    f"{describe(section, key)}: the file's change is dated in the future "
                    "(a wrong clock?), so yours is kept",
                )
            )
            return
        if newer is True:
            _take(plan, section, key, theirs, plan.updated, "the newer change from the file")
            return
        if newer is False:
            plan.conflicts.append(
                Change(section, key, f"{describe(section, key)}: yours is newer, kept")
            )
            return
    plan.conflicts.append(Change(section, key, f"{describe(section, key)}: differs; yours kept"))


def _short(value: Any) -> str:
    """A version the file claims, shown only if it looks like one."""
    text = str(value)[:20]
    return text if text.isprintable() and not check_item("profile", "name", text) else "?"


def _outside(store: Store, section: str, key: str, value: list[str]) -> str | None:
    """Attached files must be in this data folder: a path from another PC could name a network
    share (which Windows would contact) or a system file."""
    if section != "culture" or not key.startswith("attachment/"):
        return None
    home = store.folder.resolve()
    for raw in value:
        if raw.startswith(("\\\\", "//")) or not Path(raw).is_absolute():
            return f"it names a file on another computer or no full path ({raw[:80]})"
        try:
            Path(raw).resolve().relative_to(home)
        except (ValueError, OSError):
            return f"it names a file outside your data folder ({raw[:80]})"
    return None


def _theirs_newer(ours: dict[str, Any], theirs: dict[str, Any]) -> bool | str | None:
    """True or False when one side's change is plainly newer, "future" when the file's is dated
    beyond this PC's clock, None when neither can be called newer. Times are compared as times."""
    mine, other = parse_stamp(ours.get("changed_at")), parse_stamp(theirs.get("changed_at"))
    if mine is not None and other is not None and mine != other:
        if other > dt.datetime.now(dt.UTC) + FUTURE_SKEW:
            return "future"
        return other > mine
    sequences = ours.get("sequence"), theirs.get("sequence")
    plain_numbers = all(isinstance(s, int) and not isinstance(s, bool) for s in sequences)
    if plain_numbers and sequences[0] != sequences[1]:
        return sequences[1] > sequences[0]
    return None


def _history_order(entry: Any) -> tuple[str, str]:
    if isinstance(entry, dict):
        return (str(entry.get("date", "")), str(entry.get("changed_at", "")))
    return ("", "")


def apply_progress_import(store: Store, plan: ProgressPlan) -> list[StateChange]:
    changes = []
    for section, values in plan.merged.items():
        if (change := store.update(section, values)) is not None:
            changes.append(change)
    return changes
