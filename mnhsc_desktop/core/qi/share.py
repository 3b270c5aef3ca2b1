"""A QI project as one file, to carry to another PC on a USB stick or send by email: versioned
JSON with a SHA-256 checksum of the project, so a damaged or edited file is refused, not half
read. Reading checks the project against the store's schema before anything is shown."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mnhsc_desktop.core.input_files import InputRefused, read_input
from mnhsc_desktop.core.qi.projects import PREFIX, SECTION, save_project
from mnhsc_desktop.core.store.store import Store

FORMAT = "mnhsc-qi-project"
VERSION = 1
SUFFIX = ".mnhscqi"
MAX_BYTES = 20 * 1024 * 1024


def _digest(project: dict[str, Any]) -> str:
    canonical = json.dumps(project, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def shared_bytes(key: str, project: dict[str, Any]) -> bytes:
    payload = {"format": FORMAT, "version": VERSION, "key": key, "project": project,
               "sha256": _digest(project)}  # fmt: skip
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


@dataclass(frozen=True)
class SharedProject:
    key: str
    project: dict[str, Any]

    @property
    def title(self) -> str:
        return self.project["title"]

    def summary(self) -> str:
        p = self.project
        points = sum(len(m.get("data", [])) for m in p.get("measures", []))
        return (f"“{p['title']}”: {len(p.get('drivers', []))} driver diagram line(s), "
                f"{len(p.get('cycles', []))} PDSA cycle(s), {len(p.get('measures', []))} "
                f"measure(s) with {points} value(s).")  # fmt: skip


def read_shared(path: Path) -> SharedProject:
    """The project in a shared file; InputRefused (a clause) for anything else."""
    from mnhsc_desktop.core.store import safe_json
    from mnhsc_desktop.core.store.state_schema import check_item

    raw = read_input(Path(path), MAX_BYTES)
    try:
        data = safe_json.parse(raw).value
    except safe_json.InputRefused as refusal:
        raise InputRefused(f"it is not a shared QI project ({refusal.reason})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputRefused("it is not a shared QI project")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise InputRefused("it was written by a newer version of MNHSC Desktop")
    project, key = data.get("project"), data.get("key")
    if not isinstance(key, str) or not key.startswith(PREFIX) or not isinstance(project, dict):
        raise InputRefused("it is not a shared QI project (its parts are missing)")
    if data.get("sha256") != _digest(project):
        raise InputRefused("it has been damaged or changed since it was shared (its checksum "
                           "does not match)")  # fmt: skip
    if why := check_item(SECTION, key, project):
        raise InputRefused(f"the project in it cannot be used: {why}")
    return SharedProject(key, project)


def take_in(store: Store, shared: SharedProject, replace: bool) -> str:
    """Save the shared project: over the one with the same key when `replace`, else as a new
    project beside it. One undoable change; the key it was saved under."""
    import uuid

    key = shared.key
    if not replace and store.get(SECTION, key) is not None:
        key = PREFIX + uuid.uuid4().hex[:12]
    save_project(store, key, shared.project)
    return key
