"""A session pack: one file that carries a session to another PC on a USB stick. It is a zip
holding the plan (versioned JSON), its handout (PDF), the files attached to its activities, and
a manifest with the SHA-256 of every other member, written last so a pack cut short is refused.

Films are large: each file is streamed through the hash into the zip in chunks (memory stays
flat whatever their size), stored as they are (video and pictures are compressed already), and
the pack appears under its name only when whole (a temp file, then a rename).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from mnhsc_desktop.core.culture.attachments import attachments, check
from mnhsc_desktop.core.culture.plans import SECTION, Plan
from mnhsc_desktop.core.store.atomic import TEMP_PREFIX, TEMP_SUFFIX, WriteFailed
from mnhsc_desktop.core.store.store import Store

FORMAT = "mnhsc-session-pack"
VERSION = 1
SUFFIX = ".mnhscpack"
PLAN_MEMBER, MANIFEST_MEMBER, HANDOUT_MEMBER = "plan.json", "manifest.json", "handout.pdf"
FILES = "files/"
CHUNK = 1024 * 1024
COMPRESSED_ALREADY = {".mp4", ".m4v", ".mov", ".mkv", ".webm", ".wmv", ".avi", ".mpg", ".mpeg",
                      ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".flac", ".wma", ".png", ".jpg",
                      ".jpeg", ".gif", ".webp", ".docx", ".xlsx", ".pptx", ".odt", ".ods",
                      ".odp"}  # fmt: skip


class HashBeside:
    """SHA-256 worked out on a second core while this one reads and writes: hashlib, zlib and
    file writes all let go of the interpreter lock for a chunk, so a film is hashed in the
    time it takes to copy it, not after (at most a few chunks wait between the two)."""

    def __init__(self) -> None:
        import queue
        import threading

        self.digest = hashlib.sha256()
        self.chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.worker = threading.Thread(target=self._run, daemon=True)
        self.worker.start()

    def _run(self) -> None:
        while (chunk := self.chunks.get()) is not None:
            self.digest.update(chunk)

    def update(self, chunk: bytes) -> None:
        self.chunks.put(chunk)

    def hexdigest(self) -> str:
        self.chunks.put(None)
        self.worker.join()
        return self.digest.hexdigest()


def attached_files(store: Store, plan: Plan) -> list[tuple[str, Path]]:
    """(activity id, file) for every attachment of the plan's activities that can travel: there,
    and a kind the app opens. The rest are named by `left_behind`."""
    found = []
    for activity_id in dict.fromkeys(i.activity_id for i in plan.items if i.activity_id):
        for raw in attachments(store, activity_id):
            result = check(raw)
            if result.ok and result.path is not None:
                found.append((activity_id, result.path))
    return found


def left_behind(store: Store, plan: Plan) -> list[str]:
    """Attachments that will not travel, each with why (gone, or not a kind the app opens)."""
    said = []
    for activity_id in dict.fromkeys(i.activity_id for i in plan.items if i.activity_id):
        for raw in attachments(store, activity_id):
            result = check(raw)
            if not result.ok:
                said.append(result.reason)
    return said


def _member_name(activity_id: str, path: Path, taken: set[str]) -> str:
    """files/<activity>/<name>, with " (2)" before the extension when two files share a name."""
    base = f"{FILES}{activity_id}/{path.name}"
    name, number = base, 2
    while name in taken:
        name = f"{FILES}{activity_id}/{path.stem} ({number}){path.suffix}"
        number += 1
    taken.add(name)
    return name


def _add_stream(pack: zipfile.ZipFile, name: str, source: Path, sums: dict[str, str]) -> None:
    method = (
        zipfile.ZIP_STORED if source.suffix.lower() in COMPRESSED_ALREADY else zipfile.ZIP_DEFLATED
    )
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = method
    info.external_attr = 0o644 << 16  # a plain file, read and write for its owner
    digest = HashBeside()
    try:
        with source.open("rb") as reading, pack.open(info, "w", force_zip64=True) as writing:
            while chunk := reading.read(CHUNK):
                digest.update(chunk)
                writing.write(chunk)
    finally:
        sums[name] = digest.hexdigest()  # also ends the worker when the copy failed


def _add_bytes(pack: zipfile.ZipFile, name: str, data: bytes, sums: dict[str, str]) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    pack.writestr(info, data)
    sums[name] = hashlib.sha256(data).hexdigest()


def write_pack(path: Path, store: Store, plan: Plan, handout: bytes | None) -> list[str]:
    """Write the pack to `path` (atomically); returns its members. Raises WriteFailed."""
    path = Path(path)
    stored: dict[str, Any] = store.get(SECTION, f"plan/{plan.id}") or {}
    sums: dict[str, str] = {}
    files: dict[str, list[str]] = {}
    tmp = path.parent / f"{TEMP_PREFIX}{path.name}{TEMP_SUFFIX}"
    try:
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as pack:
            taken: set[str] = set()
            for activity_id, source in attached_files(store, plan):
                name = _member_name(activity_id, source, taken)
                _add_stream(pack, name, source, sums)
                files.setdefault(activity_id, []).append(name)
            if handout is not None:
                _add_bytes(pack, HANDOUT_MEMBER, handout, sums)
            body = {"format": FORMAT, "version": VERSION, "plan_id": plan.id, "plan": stored,
                    "files": files}  # fmt: skip
            _add_bytes(
                pack, PLAN_MEMBER, json.dumps(body, ensure_ascii=False, indent=1).encode(), sums
            )
            manifest = {"format": FORMAT, "version": VERSION, "sha256": sums}
            pack.writestr(MANIFEST_MEMBER, json.dumps(manifest, indent=1, sort_keys=True))
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteFailed(path, error) from error
    return [*sums, MANIFEST_MEMBER]
