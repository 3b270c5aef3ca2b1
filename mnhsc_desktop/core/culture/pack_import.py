"""Reading a session pack someone hands over, as hostile until proven otherwise: every member's
name (no climbing out with ../, no absolute or drive paths, no links, only the pack's own
layout), kind (documents, pictures, sound and film only, by extension and by content), size
(a total, and a ratio against zip bombs) and SHA-256 against the manifest are checked before
anything is shown, and checked again while the files are written. Nothing is written outside the
data folder, and no file already there is ever overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from mnhsc_desktop.core.culture.attachments import ALLOWED, attachments
from mnhsc_desktop.core.culture.pack_export import (
    CHUNK,
    FILES,
    FORMAT,
    HANDOUT_MEMBER,
    MANIFEST_MEMBER,
    PLAN_MEMBER,
    VERSION,
)  # fmt: skip
from mnhsc_desktop.core.culture.plans import SECTION
from mnhsc_desktop.core.input_files import InputRefused
from mnhsc_desktop.core.store.store import Store

MAX_MEMBERS = 1000
MAX_TOTAL = 8 * 1024**3  # a morning of films; beyond this it is not a session
MAX_JSON = 5 * 1024 * 1024
MAX_RATIO = 200  # uncompressed to compressed: real documents stay far below; bombs do not
PACKS_FOLDER = "session-packs"
PROGRAM_STARTS = (b"MZ", b"\x7fELF", b"#!", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",
                  b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")  # fmt: skip
_DEVICES = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
_SAFE_PART = re.compile(r"^[^\x00-\x1f<>:\"|?*\\/]+$")


@dataclass(frozen=True)
class PackFile:
    member: str
    activity_id: str
    name: str
    size: int
    sha256: str


@dataclass
class PackPreview:
    path: Path
    plan_id: str
    plan: dict[str, Any]
    files: list[PackFile] = field(default_factory=list)
    handout: bool = False
    staged: dict[str, Path] = field(default_factory=dict)  # member -> its checked copy
    staging_folder: Path | None = None

    def discard(self) -> None:
        """The user said no (or the files are in place): the checked copies folder goes."""
        self.staged = {}
        if self.staging_folder is not None:
            shutil.rmtree(self.staging_folder, ignore_errors=True)
            self.staging_folder = None

    def summary(self) -> str:
        size = sum(f.size for f in self.files)
        return (f"The session “{self.plan.get('name', '')}” with {len(self.plan.get('items', []))} "
                f"item(s), {len(self.files)} attached file(s) ({size / 1024**2:.1f} MB)"
                + (" and its handout" if self.handout else "") + ".")  # fmt: skip


def member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a member may not be taken out of a pack, or None."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "is a link"
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "has an absolute or Windows path"
    parts = PurePosixPath(name).parts if not name.endswith("/") else ()
    if name.endswith("/"):
        return None if name in (FILES,) or (name.startswith(FILES) and name.count("/") == 2
                                            and _part_ok(name[len(FILES):-1])) else "is an unexpected folder"  # fmt: skip
    if any(p in ("..", ".") for p in name.split("/")):
        return "climbs out of the pack (..)"
    if name in (PLAN_MEMBER, MANIFEST_MEMBER, HANDOUT_MEMBER):
        return None
    if len(parts) != 3 or parts[0] != FILES.rstrip("/") or not all(map(_part_ok, parts[1:])):
        return "is not where a session pack keeps its files"
    if PurePosixPath(name).suffix.lower() not in ALLOWED:
        return "is not a document, picture, sound or film (it could be a program)"
    return None


def _part_ok(part: str) -> bool:
    return (bool(_SAFE_PART.match(part)) and not _DEVICES.match(part) and len(part) <= 200
            and not part.endswith((".", " ")))  # fmt: skip


def _json_member(pack: zipfile.ZipFile, name: str) -> Any:
    try:
        info = pack.getinfo(name)
    except KeyError:
        raise InputRefused(f"it has no {name}, so it is not a whole session pack") from None
    if info.file_size > MAX_JSON:
        raise InputRefused(f"its {name} is too large")
    try:
        return json.loads(pack.read(name).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise InputRefused(f"its {name} cannot be read ({error})") from None


def _hash_member(pack: zipfile.ZipFile, info: zipfile.ZipInfo, copy: Path | None = None
                 ) -> tuple[str, bytes]:  # fmt: skip
    """The member's SHA-256 and first bytes; with `copy`, written there on the same pass (one
    read of a film, not two: the checked copy is what is later moved into place)."""
    digest, start = hashlib.sha256(), b""
    with pack.open(info) as reading, open(copy, "xb") if copy else contextlib.nullcontext() as out:
        while chunk := reading.read(CHUNK):
            start = start or chunk[:8]
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
    return digest.hexdigest(), start


def read_pack(path: Path, staging: Path | None = None) -> PackPreview:
    """Everything about a pack, checked; InputRefused (a clause saying why) otherwise.

    With `staging` (a folder in the data folder), each attached file is copied there as it is
    checked, so taking the pack in later only moves files; a refused pack leaves nothing."""
    path = Path(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputRefused("it is not an ordinary file")
        pack = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputRefused("it does not exist") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise InputRefused("it is not a session pack (not a zip file)") from None
    except OSError as error:
        raise InputRefused(f"it could not be read ({error.strerror or error})") from None
    copies = None
    if staging is not None:
        _remove_stale(staging)
        copies = staging / f".incoming-{uuid.uuid4().hex[:8]}"
    done = False
    try:
        with pack:
            preview = _check(path, pack, copies)
        done = True
        return preview
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as error:
        raise InputRefused(f"it is damaged ({error})") from None
    finally:
        if copies is not None and not done:  # refused: no checked copy is left behind
            shutil.rmtree(copies, ignore_errors=True)


def staging_for(store: Store) -> Path:
    """Where a pack's files are checked into: beside where they will live (the same disk, so
    taking them in is a rename)."""
    folder = Path(store.folder) / PACKS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remove_stale(staging: Path) -> None:
    """Checked copies an interrupted import left behind (a crash between preview and yes)."""
    with contextlib.suppress(OSError):
        for old in staging.glob(".incoming-*"):
            shutil.rmtree(old, ignore_errors=True)


def _check(path: Path, pack: zipfile.ZipFile, copies: Path | None) -> PackPreview:
    infos = pack.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputRefused(f"it holds more than {MAX_MEMBERS} files")
    if len({i.filename for i in infos}) != len(infos):
        raise InputRefused("it holds two files of the same name")
    total = 0
    for info in infos:
        if why := member_problem(info):
            raise InputRefused(f"“{info.filename[:80]}” {why}")
        total += info.file_size
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024**2:
            raise InputRefused(f"“{info.filename[:80]}” expands far beyond its size (a zip bomb?)")
    if total > MAX_TOTAL:
        raise InputRefused(f"it would take more than {MAX_TOTAL // 1024**3} GB unpacked")
    manifest, body = _json_member(pack, MANIFEST_MEMBER), _json_member(pack, PLAN_MEMBER)
    for what in (manifest, body):
        if not isinstance(what, dict) or what.get("format") != FORMAT:
            raise InputRefused("it is not a session pack")
        if not isinstance(what.get("version"), int) or what["version"] > VERSION:
            raise InputRefused("it was made by a newer version of MNHSC Desktop")
    sums = manifest.get("sha256")
    members = {i.filename for i in infos if not i.is_dir()} - {MANIFEST_MEMBER}
    if not isinstance(sums, dict) or set(sums) != members:
        raise InputRefused("its manifest does not list exactly the files in it")
    staged: dict[str, Path] = {}
    for info in infos:
        if info.is_dir() or info.filename == MANIFEST_MEMBER:
            continue
        copy = None
        if copies is not None and info.filename.startswith(FILES):
            _files, activity_id, name = info.filename.split("/")
            (copies / activity_id).mkdir(parents=True, exist_ok=True)
            copy = staged[info.filename] = copies / activity_id / name
        digest, start = _hash_member(pack, info, copy)
        if digest != sums[info.filename]:
            raise InputRefused(f"“{info.filename}” has changed since the pack was made "
                               "(its checksum does not match)")  # fmt: skip
        if info.filename.startswith(FILES) and start.startswith(PROGRAM_STARTS):
            raise InputRefused(f"“{info.filename}” is a program, whatever its name says")
    preview = _preview(path, pack, body, sums)
    preview.staged, preview.staging_folder = staged, copies
    return preview


def _preview(path: Path, pack: zipfile.ZipFile, body: dict, sums: dict) -> PackPreview:
    from mnhsc_desktop.core.store.state_schema import check_item

    plan, plan_id = body.get("plan"), body.get("plan_id")
    if not isinstance(plan_id, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", plan_id):
        raise InputRefused("its plan has no usable name")
    if why := check_item(SECTION, f"plan/{plan_id}", plan):
        raise InputRefused(f"its plan cannot be used: {why}")
    files = []
    for info in pack.infolist():
        if info.filename.startswith(FILES) and not info.is_dir():
            _files, activity_id, name = info.filename.split("/")
            files.append(PackFile(info.filename, activity_id, name, info.file_size,
                                  sums[info.filename]))  # fmt: skip
    return PackPreview(path, plan_id, plan, files, HANDOUT_MEMBER in sums)


@dataclass
class Installed:
    plan_id: str
    written: list[Path] = field(default_factory=list)
    reused: list[Path] = field(default_factory=list)  # the same file was there already
    renamed: list[Path] = field(default_factory=list)  # another file had its name: kept both


def install_pack(preview: PackPreview, store: Store, replace_plan: bool = False) -> Installed:
    """Take the pack in: files into the data folder (never over another file), then the plan
    and its attachments in one store change (one Edit > Undo). Raises InputRefused when the
    pack changed since it was previewed, OSError when the disk refuses."""
    folder = (Path(store.folder) / PACKS_FOLDER).resolve()
    taken: dict[str, list[str]] = {}
    result = Installed(preview.plan_id)
    with zipfile.ZipFile(preview.path) as pack:
        for item in preview.files:
            target_dir = folder / item.activity_id
            target_dir.mkdir(parents=True, exist_ok=True)
            target = _free_name(target_dir / item.name, item.sha256, result)
            if not target.resolve().is_relative_to(folder):  # belt and braces: never outside
                raise InputRefused(f"“{item.member}” would be written outside the data folder")
            if target.exists():
                result.reused.append(target)
            elif item.member in preview.staged:  # checked on the way in: only a move now
                os.replace(preview.staged.pop(item.member), target)
                result.written.append(target)
            else:
                _extract(pack, item, target)
                result.written.append(target)
            taken.setdefault(item.activity_id, []).append(str(target))
    plan_id = preview.plan_id
    if store.get(SECTION, f"plan/{plan_id}") is not None and not replace_plan:
        plan_id = uuid.uuid4().hex[:12]
    result.plan_id = plan_id
    changes: dict[str, Any] = {f"plan/{plan_id}": preview.plan}
    for activity_id, paths in taken.items():
        have = attachments(store, activity_id)
        changes[f"attachment/{activity_id}"] = have + [p for p in paths if p not in have]
    store.update(SECTION, changes)
    preview.discard()  # copies not needed (the same file was there already)
    return result


def _free_name(target: Path, sha256: str, result: Installed) -> Path:
    """The target, or the same file already there, or a new name beside a different file."""
    number = 2
    candidate = target
    while candidate.exists():
        if _sha_of(candidate) == sha256:
            return candidate
        candidate = target.with_name(f"{target.stem} ({number}){target.suffix}")
        number += 1
    if candidate != target:
        result.renamed.append(candidate)
    return candidate


def _sha_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reading:
        while chunk := reading.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _extract(pack: zipfile.ZipFile, item: PackFile, target: Path) -> None:
    """Stream the member to a temp file beside the target, checking its sum on the way; the
    file appears under its name only when whole and right."""
    tmp = target.with_name(f".{target.name}.part")
    digest = hashlib.sha256()
    try:
        with pack.open(item.member) as reading, open(tmp, "xb") as writing:
            while chunk := reading.read(CHUNK):
                digest.update(chunk)
                writing.write(chunk)
        if digest.hexdigest() != item.sha256:
            raise InputRefused(f"“{item.member}” changed while it was being taken in")
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
