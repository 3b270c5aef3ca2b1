"""Shipped content: the YAML files in a content folder, read into frozen dataclasses.

Each file is checked on its own, so one broken file costs only its own part of the app and
`content check` can list every problem in every file at once.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mnhsc_desktop.core.content.cache import ContentCache
from mnhsc_desktop.core.content.schema import (
    ContentError,
    ContentFileError,
    LinedDict,
    build_dataclass,
    load_yaml,
)

if TYPE_CHECKING:
    from mnhsc_desktop.core.calendar.events import CalendarFile
    from mnhsc_desktop.core.culture.culture import CultureFile
    from mnhsc_desktop.core.ladder.ladder import LadderFile

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


# file name -> (attribute of Content, "module:Class"). Classes are imported when their file is
# read, so a start-up that needs only About never loads the calendar's schema.
CONTENT_FILES: dict[str, tuple[str, str]] = {
    "about.yaml": ("about", "mnhsc_desktop.core.content.content:About"),
    "calendar.yaml": ("calendar", "mnhsc_desktop.core.calendar.events:CalendarFile"),
    "ladder.yaml": ("ladder", "mnhsc_desktop.core.ladder.ladder:LadderFile"),
    "culture.yaml": ("culture", "mnhsc_desktop.core.culture.culture:CultureFile"),
}


def schema_class(spec: str) -> type:
    module_name, _, class_name = spec.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


class Content:
    """Everything read from one content folder; a part whose file failed is None.

    A part that was valid last time and is unchanged (the content cache) is built from its data
    only when first used: its errors are known to be none, so nothing is hidden by waiting.
    """

    about: About | None
    calendar: CalendarFile | None
    ladder: LadderFile | None
    culture: CultureFile | None

    def __init__(
        self,
        folder: Path,
        errors: tuple[ContentError, ...] = (),
        parts: dict[str, object] | None = None,
        deferred: dict[str, Callable[[], object]] | None = None,
    ) -> None:
        self.folder = folder
        self.errors = errors
        self._deferred = dict(deferred or {})
        for attribute, _spec in CONTENT_FILES.values():
            if attribute not in self._deferred:
                setattr(self, attribute, (parts or {}).get(attribute))

    def __getattr__(self, name: str) -> object:
        deferred = self.__dict__.get("_deferred", {})
        if name in deferred:
            value = deferred.pop(name)()
            setattr(self, name, value)
            return value
        raise AttributeError(name)

    @property
    def ok(self) -> bool:
        return not self.errors


def load_content(folder: Path, cache_dir: Path | None = None, base: Path | None = None) -> Content:
    """Read and check every content file in `folder`; never raises for bad content.

    With `cache_dir`, files that were valid last time and have not changed since are read from a
    JSON copy instead of YAML (start-up then never imports PyYAML; see ContentCache).

    With `base` (the shipped content), `folder` is a trust's content laid on top of it: a file
    the trust folder lacks, or has in a state that cannot be used, comes from `base`, and the
    reason is among the errors.
    """
    folder = Path(folder)
    if base is not None and Path(base).resolve() != folder.resolve():
        return _overlay(folder, Path(base), cache_dir)
    cache = ContentCache(cache_dir) if cache_dir is not None else None
    if not folder.is_dir():
        error = ContentError(str(folder), None, None, "is not a folder that can be read")
        return Content(folder, (error,))
    parts: dict[str, object] = {}
    deferred: dict[str, Callable[[], object]] = {}
    errors: list[ContentError] = []
    for name, (attribute, spec) in CONTENT_FILES.items():
        path = folder / name
        if not path.exists():
            errors.append(ContentError(name, None, None, "is missing from the content folder"))
            continue
        if cache is not None and (cached := cache.get(path)) is not None:
            deferred[attribute] = functools.partial(_build_cached, path, spec, cached, cache)
            continue
        instance, file_errors = load_content_file(path, schema_class(spec), cache)
        errors += file_errors
        if instance is not None:
            parts[attribute] = instance
    for path in sorted(folder.glob("*.y*ml")):
        if path.name not in CONTENT_FILES:
            known = ", ".join(CONTENT_FILES)
            message = f"is not a content file (known: {known})"
            errors.append(ContentError(path.name, None, None, message))
    if cache is not None:
        cache.save()
    return Content(folder, tuple(errors), parts, deferred)


def _overlay(folder: Path, base: Path, cache_dir: Path | None) -> Content:
    trust = load_content(folder, cache_dir) if folder.is_dir() else Content(folder)
    shipped = load_content(base, cache_dir)
    errors: list[ContentError] = []
    if not folder.is_dir():
        errors.append(
            ContentError(
                str(folder),
                None,
                None,
                "cannot be read; the content that came with the app is used",
            )
        )
    parts: dict[str, object] = {}
    for name, (attribute, _spec) in CONTENT_FILES.items():
        own_errors = [e for e in trust.errors if e.file == name]
        missing = any("is missing" in e.message for e in own_errors)
        value = getattr(trust, attribute, None) if folder.is_dir() else None
        if value is None or own_errors:
            if own_errors and not missing:
                errors += own_errors
                errors.append(
                    ContentError(
                        name,
                        None,
                        None,
                        f"in {folder} cannot be used; the one that came with the app is used instead",
                    )
                )
            value = getattr(shipped, attribute)
        parts[attribute] = value
    errors += [e for e in trust.errors if e.file not in CONTENT_FILES and folder.is_dir()]
    errors += shipped.errors
    return Content(folder, tuple(errors), parts)


def _build_cached(path: Path, spec: str, data: dict, cache: ContentCache) -> object | None:
    """Build a part from the cache; should the cache disagree with the schema, read the file."""
    cls = schema_class(spec)
    instance, errors = build_dataclass(cls, data, path.name)
    if not errors:
        return instance
    instance, _errors = load_content_file(path, cls, cache)
    return instance


def load_content_file(
    path: Path, cls: type, cache: ContentCache | None = None
) -> tuple[object | None, list[ContentError]]:
    """Read one file into `cls`, checking its schema_version first."""
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
