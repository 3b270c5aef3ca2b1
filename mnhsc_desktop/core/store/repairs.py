"""How a state file that cannot be used as it is gets repaired on load: an old version migrated
(after a backup), bad items or a damaged file set aside. The original is always kept and the
user told; nothing is ever silently dropped.

A mixin of Store: it uses the store's path, folder, state and notices.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mnhsc_desktop.core.store.state_schema import (
    SCHEMA_VERSION,
    SECTIONS,
    Rejected,
    check_section,
    empty_state,
    plain,
)

# MIGRATIONS[n] turns a version-n state into version n+1; one small step per version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class StoreRepairs:
    """Migrate, check item by item, and set aside what cannot be used."""

    def _migrate(self, data: dict[str, Any], version: int) -> dict[str, Any] | None:
        backup = self.unique_sibling(f"state.v{version}-backup")
        try:
            import shutil  # only when a store is set aside: ~3 ms off every start-up

            shutil.copy2(self.path, backup)
        except OSError as error:
            self.read_only = True
            reason = error.strerror or str(error)
            self._notice(
                "migrated",
                f"Your saved data needs updating from version {version}, but a safety copy could "
                f"not be made ({reason}). It has been left untouched; changes will not be saved.",
            )
            return None
        for step in range(version, SCHEMA_VERSION):
            data = MIGRATIONS[step](copy.deepcopy(data))
            data["schema_version"] = step + 1
        self.dirty = True
        self._notice(
            "migrated",
            f"Your saved data was updated from version {version} to {SCHEMA_VERSION}. "
            f"The original is kept as {backup.name}.",
            backup,
        )
        return data

    def _keep_valid_items(
        self, data: dict[str, Any], duplicates: list[str], problem: str = ""
    ) -> None:
        """Take every item the schema accepts. If any is not, or the file names a key twice, the
        original file is set aside whole and every such item is listed: nothing is lost."""
        state = empty_state()
        rejected: list[Rejected] = []
        for name, value in data.items():
            if name == "schema_version":
                continue
            if name in SECTIONS:
                state[name], refused = check_section(name, value)
                rejected += refused
            elif why := plain(value):
                rejected.append(Rejected(str(name)[:80], "*", why))
            else:
                state[name] = value  # a part a newer version wrote: kept as it is
        if not (rejected or duplicates or problem):
            self._state = state
            return
        moved = self._move_aside()
        if moved is None:
            return
        self._state = state
        self.dirty = True
        lines = [problem] if problem else []
        lines += [item.sentence() for item in rejected[:8]]
        if len(rejected) > 8:
            lines.append(f"…and {len(rejected) - 8} more")
        if duplicates:
            shown = ", ".join(sorted(set(duplicates))[:5])
            lines.append(f"some entries appeared twice ({shown}); the later of each was used")
        self._notice(
            "repaired",
            "Part of your saved data could not be used: " + "; ".join(lines) + ". The original "
            f"file is kept as {moved}; the app has started with everything else.",
            moved,
        )

    def _set_aside_and_start_fresh(self, reason: str) -> None:
        moved = self._move_aside()
        if moved is None:
            return
        self.dirty = True
        self._notice(
            "damaged",
            f"Your saved data could not be read because {reason}. The damaged file is kept as "
            f"{moved} so nothing is lost; the app has started afresh.",
            moved,
        )

    def _move_aside(self) -> Path | None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.unique_sibling(f"state.damaged-{stamp}")
        try:
            self.path.replace(target)
        except OSError as error:
            self.read_only = True
            reason = error.strerror or str(error)
            self._notice(
                "unreadable",
                f"Your saved data ({self.path}) is damaged and could not be moved aside "
                f"({reason}). It has been left untouched; changes made now will not be saved.",
            )
            return None
        return target

    def unique_sibling(self, stem: str) -> Path:
        """A name beside state.json that nothing uses yet, for a copy kept aside."""
        candidate = self.folder / f"{stem}.json"
        counter = 2
        while candidate.exists():
            candidate = self.folder / f"{stem}-{counter}.json"
            counter += 1
        return candidate
