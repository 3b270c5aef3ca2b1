"""Another writer changed state.json since we read it (the command line, another PC on a shared
folder): merge item by item instead of writing our copy over theirs.

Three copies take part: `base` (what we last read or wrote), `ours` (in memory) and `theirs` (on
disk now). An item only we changed keeps our value; an item only they changed takes theirs; an
item both changed keeps ours, and the caller keeps their file as a copy, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mnhsc_desktop.core.store.store import Store

Item = tuple[str, str]  # (section, key)


@dataclass
class Merge:
    state: dict[str, Any]
    taken: list[Item] = field(default_factory=list)  # their changes now in memory
    conflicts: list[Item] = field(default_factory=list)  # both changed: ours kept

    @property
    def sections_taken(self) -> set[str]:
        return {section for section, _key in self.taken}


_MISSING = object()


def merge_states(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], changed_here: set[Item]
) -> Merge:
    """The merged state (ours is not modified). Sections are dicts of items; other top-level
    parts (schema_version, parts a newer version wrote) are taken from ours, else theirs."""
    merged = {name: (dict(v) if isinstance(v, dict) else v) for name, v in ours.items()}
    for name, value in theirs.items():
        merged.setdefault(name, value)
    result = Merge(merged)
    for section, their_items in theirs.items():
        if not isinstance(their_items, dict) or not isinstance(merged.get(section), dict):
            continue
        base_items = base.get(section) if isinstance(base.get(section), dict) else {}
        our_items = ours.get(section, {})
        for key in set(their_items) | set(base_items):
            mine = our_items.get(key, _MISSING)
            other = their_items.get(key, _MISSING)
            before = base_items.get(key, _MISSING)
            if other in (before, mine):
                continue  # they did not change it, or both made the same change
            if (section, key) in changed_here:
                result.conflicts.append((section, key))
                continue
            if other is _MISSING:
                merged[section].pop(key, None)  # they removed it (an undone plan, a deleted event)
            else:
                merged[section][key] = other
            result.taken.append((section, key))
    return result


def take_in_disk_changes(store: Store) -> None:
    """Before `store` saves over a file another writer changed: merge their changes into memory,
    and keep their file as a copy wherever a difference could not be merged (so nothing is lost).
    What happened is added to `store.merge_notes`, for the window to say."""
    from mnhsc_desktop.core.store import safe_json
    from mnhsc_desktop.core.store.state_schema import check_section, plain
    from mnhsc_desktop.core.store.store import MAX_STORE_BYTES, SCHEMA_VERSION, SECTIONS

    try:
        theirs = safe_json.parse(safe_json.read_bounded(store.path, MAX_STORE_BYTES)).value
    except FileNotFoundError:
        return  # removed meanwhile: what we hold is all there is
    except (OSError, safe_json.InputRefused):
        theirs = None
    if not isinstance(theirs, dict) or theirs.get("schema_version") != SCHEMA_VERSION:
        kept = _keep_their_copy(store)  # replaced by something this version cannot use
        store.merge_notes.append(
            "The saved file had been replaced by one this version cannot use; it is kept as "
            f"{kept.name}."
        )
        return
    clean: dict[str, Any] = {}
    damaged = False
    for name, value in theirs.items():
        if name in SECTIONS:
            clean[name], rejected = check_section(name, value)
            damaged = damaged or bool(rejected)
        elif name == "schema_version" or not plain(value):
            clean[name] = value  # a part a newer version wrote: kept as it is
        else:
            damaged = True
    try:
        base = safe_json.parse(store.synced_bytes).value if store.synced_bytes else {}
    except safe_json.InputRefused:
        base = {}
    merge = merge_states(
        base if isinstance(base, dict) else {}, store.snapshot(), clean, store.changed_here
    )
    kept = _keep_their_copy(store) if (damaged or merge.conflicts) else None
    store.replace_state(merge.state, merge.sections_taken)
    if merge.taken:
        store.merge_notes.append(
            f"Changes saved by another program or PC were merged in ({_items(len(merge.taken))})."
        )
    if kept is not None:
        what = (
            f"{_items(len(merge.conflicts))} changed both here and elsewhere kept your version"
            if merge.conflicts
            else "Some of what was saved elsewhere could not be used"
        )
        store.merge_notes.append(f"{what}; the other copy is kept as {kept.name}.")


def _items(count: int) -> str:
    return f"{count} item{'s' if count != 1 else ''}"


def _keep_their_copy(store: Store) -> Path:
    import datetime as dt
    import shutil

    target = store.unique_sibling(f"state.other-writer-{dt.datetime.now():%Y%m%d-%H%M%S}")
    try:
        shutil.copy2(store.path, target)
    except OSError as error:
        from mnhsc_desktop.core.store.atomic import WriteFailed

        raise WriteFailed(store.path, error) from error  # never overwrite what we cannot keep
    return target
