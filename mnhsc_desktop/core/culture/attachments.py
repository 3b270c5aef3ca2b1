"""Local files a facilitator attaches to an activity (a downloaded film, a PDF).

Opening one must never run a program: only documents, images, audio and video are opened, judged
by the real last extension of the real target (so report.pdf.exe, a .lnk shortcut or a link to a
script are all refused), and a file that has gone missing is reported, not crashed on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mnhsc_desktop.core.store.store import StateChange, Store

SECTION = "culture"
KINDS = {
    "document": {
        ".pdf",
        ".txt",
        ".rtf",
        ".doc",
        ".docx",
        ".odt",
        ".ppt",
        ".pptx",
        ".odp",
        ".xls",
        ".xlsx",
        ".ods",
        ".csv",
    },
    "image": {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"},
    "audio": {".mp3", ".wav", ".m4a", ".aac", ".ogg", ".oga", ".flac", ".wma"},
    "video": {".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".wmv", ".mpg", ".mpeg"},
}
ALLOWED = {suffix: kind for kind, suffixes in KINDS.items() for suffix in suffixes}


@dataclass(frozen=True)
class Check:
    ok: bool
    reason: str = ""
    path: Path | None = None  # the real file, when ok


_DEVICE_NAMES = {"CON", "NUL", "PRN", "AUX"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10)
}


def is_network_or_device(raw: str) -> bool:
    r"""A path that would make the PC contact another computer (\\host\share, //host/share) or
    that names a device (\\.\COM1, \\?\, /dev/zero, NUL.pdf): never looked at, let alone
    opened."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    device = name.split(".", 1)[0].strip().upper() in _DEVICE_NAMES
    return device or raw.startswith(("\\\\", "//", "/dev/"))


def state_of(raw: str) -> str:
    """ "" for a file that is there, else a word for the list ("missing", "not opened"), found
    without raising (a name too long for the system, a folder we may not read) and without
    touching the network."""
    if is_network_or_device(raw):
        return "not opened: a network or device path"
    try:
        return "" if Path(raw).is_file() else "missing"
    except (OSError, ValueError):
        return "cannot be reached"


def check(path: str | Path) -> Check:
    """Whether `path` may be opened with the system's viewer, and why not if not."""
    raw = str(path)
    if is_network_or_device(raw):
        return Check(
            False,
            f"{raw} is a network or device path, which this app does not open. Save a copy of "
            "the file on this PC (or a drive with a letter) and attach that.",
        )
    name = Path(raw).name
    if not name or name.endswith((".", " ")):
        return Check(
            False, f"“{name}” is not a name this app will open (it ends in a dot or a space)."
        )
    try:
        real = Path(raw).expanduser().resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        return Check(
            False,
            f"{raw} is not there any more: it may have been moved or deleted. Attach it again.",
        )
    except (OSError, RuntimeError, ValueError) as error:
        return Check(
            False, f"{raw} cannot be reached ({getattr(error, 'strerror', None) or error})."
        )
    if not real.is_file():
        return Check(False, f"{real} is not a file.")
    for candidate in (Path(name), real):  # the name given, and what it really points to
        if candidate.suffix.lower() not in ALLOWED:
            shown = candidate.suffix or "no extension"
            return Check(
                False,
                f"“{candidate.name}” ({shown}) is not a document, image, sound or video, so it will not be "
                "opened: this app never runs programs or scripts.",
            )
    return Check(True, path=real)


def attachments(store: Store, activity_id: str) -> list[str]:
    value = store.get(SECTION, f"attachment/{activity_id}", [])
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []


def attach(store: Store, activity_id: str, path: Path) -> StateChange | None:
    """Remember a file for an activity; refuses (ValueError, in words) anything it would not open."""
    result = check(path)
    if not result.ok:
        raise ValueError(result.reason)
    current = attachments(store, activity_id)
    if str(result.path) not in current:
        current.append(str(result.path))
    return store.set(SECTION, f"attachment/{activity_id}", current)


def detach(store: Store, activity_id: str, path: str) -> StateChange | None:
    return store.set(
        SECTION,
        f"attachment/{activity_id}",
        [p for p in attachments(store, activity_id) if p != path],
    )
