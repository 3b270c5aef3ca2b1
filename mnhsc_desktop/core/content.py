"""Shipped content: the YAML files in a content folder, read into frozen dataclasses.

Each file is checked on its own, so one broken file costs only its own part of the app and
`content check` can list every problem in every file at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mnhsc_desktop.core.content_cache import ContentCache
from mnhsc_desktop.core.events import CalendarFile
from mnhsc_desktop.core.schema import (
    ContentError,
    ContentFileError,
    LinedDict,
    build_dataclass,
    load_yaml,
)

CONTENT_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ExternalLink:
    """A resource the page names but does not ship; opening it always needs the internet."""

    id: str
    title: str
    description: str
    url: str | None = None


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class About:
    """`about.yaml`: what the collaborative is, in the page's own words."""

    schema_version: int
    title: str
    short_name: str
    summary: str
    sections: tuple[Section, ...] = ()
    links: tuple[ExternalLink, ...] = ()


# file name -> (attribute of Content, dataclass); later features add their files here.
CONTENT_FILES: dict[str, tuple[str, type]] = {
    "about.yaml": ("about", About),
    "calendar.yaml": ("calendar", CalendarFile),
}


@dataclass(frozen=True)
class Content:
    """Everything read from one content folder; a part whose file failed is None."""

    folder: Path
    about: About | None = None
    calendar: CalendarFile | None = None
    errors: tuple[ContentError, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors


def load_content(folder: Path, cache_dir: Path | None = None) -> Content:
    """Read and check every content file in `folder`; never raises for bad content.

    With `cache_dir`, files that were valid last time and have not changed since are read from a
    JSON copy instead of YAML (start-up then never imports PyYAML; see ContentCache).
    """
    folder = Path(folder)
    cache = ContentCache(cache_dir) if cache_dir is not None else None
    if not folder.is_dir():
        error = ContentError(str(folder), None, None, "is not a folder that can be read")
        return Content(folder=folder, errors=(error,))
    parts: dict[str, object] = {}
    errors: list[ContentError] = []
    for name, (attribute, cls) in CONTENT_FILES.items():
        path = folder / name
        if not path.exists():
            errors.append(ContentError(name, None, None, "is missing from the content folder"))
            continue
        instance, file_errors = load_content_file(path, cls, cache)
        errors += file_errors
        if instance is not None:
            parts[attribute] = instance
    for path in sorted(folder.glob("*.y*ml")):
        if path.name not in CONTENT_FILES:
            known = ", ".join(CONTENT_FILES)
            errors.append(
                ContentError(path.name, None, None, f"is not a content file (known: {known})")
            )
    if cache is not None:
        cache.save()
    return Content(folder=folder, errors=tuple(errors), **parts)


def load_content_file(
    path: Path, cls: type, cache: ContentCache | None = None
) -> tuple[object | None, list[ContentError]]:
    """Read one file into `cls`, checking its schema_version first."""
    if cache is not None and (cached := cache.get(path)) is not None:
        instance, errors = build_dataclass(cls, cached, path.name)
        if not errors:
            return instance, []
    try:
        data = load_yaml(path)
    except ContentFileError as failure:
        return None, failure.errors
    instance, errors = _build_checked(path, cls, data)
    if cache is not None and not errors:
        cache.put(path, data)
    return instance, errors


def _build_checked(
    path: Path, cls: type, data: LinedDict
) -> tuple[object | None, list[ContentError]]:
    version = data.get("schema_version")
    version_line = data.key_lines.get("schema_version", 1)
    if isinstance(version, int) and version > CONTENT_SCHEMA_VERSION:
        message = (
            f"was written for a newer version of MNHSC Desktop (schema {version}; "
            f"this version reads up to {CONTENT_SCHEMA_VERSION})"
        )
        return None, [ContentError(path.name, version_line, "schema_version", message)]
    instance, errors = build_dataclass(cls, data, path.name)
    if not errors and version != CONTENT_SCHEMA_VERSION:
        message = f"should be {CONTENT_SCHEMA_VERSION} (got {version})"
        return None, [ContentError(path.name, version_line, "schema_version", message)]
    return instance, errors
