"""A JSON copy of content files that were valid, so a normal start-up does not parse YAML.

PyYAML costs ~20 ms to import and parses slowly; JSON is already loaded for the store. An entry is
used only while its file has the same size and modification time, and only for this version of
the app, so editing a file or upgrading the app always re-reads the YAML. The cache is a
convenience: any problem reading or writing it is ignored and the YAML is read instead.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from mnhsc_desktop import __version__
from mnhsc_desktop.core.input_files import read_bounded
from mnhsc_desktop.core.store.atomic import atomic_write_bytes

CACHE_FILE = "content-cache.json"
MAX_CACHE_BYTES = 8 * 1024 * 1024  # the shipped content takes ~60 KB; a larger cache is not kept


class ContentCache:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / CACHE_FILE
        self._entries: dict[str, Any] = {}
        self._changed = False
        with contextlib.suppress(OSError, ValueError, RecursionError):
            stored = json.loads(read_bounded(self.path, MAX_CACHE_BYTES))
            if isinstance(stored, dict) and stored.get("app_version") == __version__:
                self._entries = stored.get("files") or {}

    @staticmethod
    def _stamp(path: Path) -> list[int] | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return [info.st_size, info.st_mtime_ns]

    def get(self, path: Path) -> dict[str, Any] | None:
        """The data last read from `path`, if the file is unchanged since."""
        entry = self._entries.get(str(path.resolve()))
        if isinstance(entry, dict) and entry.get("stamp") == self._stamp(path):
            data = entry.get("data")
            return data if isinstance(data, dict) else None
        return None

    def put(self, path: Path, data: dict[str, Any]) -> None:
        stamp = self._stamp(path)
        if stamp is not None:
            self._entries[str(path.resolve())] = {"stamp": stamp, "data": data}
            self._changed = True

    def save(self) -> None:
        if not self._changed:
            return
        payload = {"app_version": __version__, "files": self._entries}
        with contextlib.suppress(OSError, TypeError, ValueError, RecursionError):
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            if len(data) <= MAX_CACHE_BYTES:  # bounded: it sits in every user's folder
                self.path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(self.path, data)
        self._changed = False
