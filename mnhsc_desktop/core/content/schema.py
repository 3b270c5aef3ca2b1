"""Read YAML into frozen dataclasses, strictly, with errors that name the file, line and field.

Shipped content is checked by people who are not programmers (trust IT, content editors), so every
problem is reported in one pass, in words, with where to look.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mnhsc_desktop.core.text import printable


@dataclass(frozen=True)
class ContentError:
    """One problem in a content file."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{printable(self.field)}'"
        return f"{where}: {self.message}"


class ContentFileError(Exception):
    """A file that could not be used at all; carries every error found."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class LinedDict(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int
    key_lines: dict[str, int]


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"key '{key}' appears twice")
        self.key = key
        self.line = line


@functools.cache
def _strict_safe_loader() -> type:
    """A safe loader (the C one when present) that keeps line numbers and refuses duplicate keys.

    Built on first use so that PyYAML is imported only when a YAML file is actually read: the app
    usually starts from the content cache instead (see content.py).
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictSafeLoader(base):  # type: ignore[misc, valid-type]
        pass

    # Only true/false are booleans: YAML 1.1 also reads yes/no/on/off as booleans, which turns a
    # key named "on" or a country code "NO" into True. Dates are not resolved either: they stay
    # text, and the schema parses them, so a bad date gets a clear error rather than a crash.
    boolean = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    StrictSafeLoader.yaml_implicit_resolvers = {
        first: [
            (tag, boolean if tag == "tag:yaml.org,2002:bool" else regex)
            for tag, regex in resolvers
            if tag != "tag:yaml.org,2002:timestamp"
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LinedDict:
        loader.flatten_mapping(node)
        mapping = LinedDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in mapping:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    StrictSafeLoader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    return StrictSafeLoader


MAX_CONTENT_BYTES = 4 * 1024 * 1024  # the shipped files are ~15 KB each
MAX_ALIASES = 200  # YAML's &anchor / *alias: enough for reuse, too few for a "billion laughs"
MAX_NESTING = 40  # the shipped files nest 4 deep
MAX_EXPANDED = 20_000_000  # characters, every alias written out (the shipped files: ~15,000)


def load_yaml(path: Path) -> LinedDict:
    """Parse one YAML file whose top level must be a mapping; raise ContentFileError otherwise.

    Only a regular file inside the content folder is read (a link out of it, a device or a pipe
    is refused), at most MAX_CONTENT_BYTES, and its aliases and nesting are counted before
    anything is built, so a hostile file costs milliseconds, not minutes and gigabytes.
    """
    name = path.name

    def refuse(message: str, line: int | None = None) -> ContentFileError:
        return ContentFileError([ContentError(name, line, None, message)])

    from mnhsc_desktop.core.input_files import InputRefused, read_bounded

    try:
        if path.resolve().parent != path.parent.resolve():
            raise refuse("is a link to a file outside the content folder, so it is not read")
        raw = read_bounded(path, MAX_CONTENT_BYTES)
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(f"is not UTF-8 text ({error.reason})") from error
    except InputRefused as refusal:
        raise refuse(f"cannot be used: {refusal.reason}") from refusal
    except OSError as error:
        raise refuse(f"cannot be read: {error.strerror or error}") from error
    import yaml

    loader = _strict_safe_loader()
    try:
        _check_shape(yaml, yaml.parse(text, Loader=loader), refuse)
        data = yaml.load(text, Loader=loader)
    except _DuplicateKey as error:
        raise ContentFileError(
            [ContentError(name, error.line, str(error.key), str(error))]
        ) from error
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        problem = error.problem or "not valid YAML"
        raise refuse(f"not valid YAML: {printable(problem)}", line) from error
    except yaml.YAMLError as error:
        raise refuse(f"not valid YAML: {printable(str(error))}") from error
    if not isinstance(data, LinedDict):
        raise refuse("should be a mapping of keys to values", 1)
    return data


def _check_shape(yaml: Any, events: Any, refuse: Any) -> None:
    """Count aliases, nesting and the size the file would have with every alias written out, in
    the parser's events, before any object is built (a "billion laughs" file is ~1 KB)."""
    sizes: list[list[Any]] = [[None, 0]]  # [anchor, size so far] per open mapping or list
    anchored: dict[str, int] = {}
    aliases = 0

    def add(size: int, event: Any) -> None:
        sizes[-1][1] += size
        if sizes[-1][1] > MAX_EXPANDED:
            raise refuse(
                f"would be larger than {MAX_EXPANDED // 1_000_000} million characters with its "
                "*aliases written out",
                event.start_mark.line + 1,
            )

    for event in events:
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            sizes.append([event.anchor, 0])
            if len(sizes) > MAX_NESTING + 1:
                raise refuse(
                    f"nests more than {MAX_NESTING} levels deep", event.start_mark.line + 1
                )
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            anchor, size = sizes.pop()
            if anchor:
                anchored[anchor] = size
            add(size, event)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                anchored[event.anchor] = len(event.value) + 1
            add(len(event.value) + 1, event)
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                line = event.start_mark.line + 1
                raise refuse(f"repeats more than {MAX_ALIASES} anchors (*aliases)", line)
            add(anchored.get(event.anchor, 0), event)


class _Builder:
    """Turns plain YAML values into dataclass instances, collecting every error on the way."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[ContentError] = []

    def error(self, line: int | None, field: str | None, message: str) -> None:
        self.errors.append(ContentError(self.file, line, field, message))

    def build(self, cls: type, data: Any, line: int | None, path: str) -> Any:
        if not isinstance(data, dict):
            self.error(line, path or None, f"should be a mapping, not {_describe(data)}")
            return None
        fields = {f.name: f for f in dataclasses.fields(cls)}
        hints = _type_hints(cls)
        key_lines = getattr(data, "key_lines", {})
        here = getattr(data, "line", line)
        values: dict[str, Any] = {}
        for key in data:
            if key not in fields:
                known = ", ".join(sorted(fields))
                self.error(
                    key_lines.get(key, here), _join(path, key), f"unknown key (known: {known})"
                )
        for name, field in fields.items():
            if name not in data:
                no_default = field.default is dataclasses.MISSING
                if no_default and field.default_factory is dataclasses.MISSING:
                    self.error(here, _join(path, name), "missing")
                continue
            value_line = key_lines.get(name, here)
            values[name] = self.convert(hints[name], data[name], value_line, _join(path, name))
        if len(values) + _count_defaults(fields, data) < len(fields):
            return None
        errors_before = len(self.errors)
        try:
            instance = cls(**values)
        except (TypeError, ValueError) as error:
            self.error(here, path or None, str(error))
            return None
        # Rules between fields (an end before its start, say) live on the dataclass itself.
        check = getattr(instance, "problems", None)
        if check is not None and len(self.errors) == errors_before:
            for name, message in check():
                self.error(key_lines.get(name, here), _join(path, name), message)
        return instance

    def convert(self, hint: Any, value: Any, line: int | None, path: str) -> Any:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            if value is None and type(None) in args:
                return None
            inner = [a for a in args if a is not type(None)]
            return self.convert(inner[0], value, line, path)
        if origin is typing.Literal:
            if value not in args:
                choices = ", ".join(str(a) for a in args)
                self.error(line, path, f"should be one of: {choices} (got {value!r})")
            return value
        if origin is tuple:
            if not isinstance(value, list):
                self.error(line, path, f"should be a list, not {_describe(value)}")
                return ()
            items = tuple(
                self.convert(args[0], item, getattr(item, "line", line), f"{path}[{i + 1}]")
                for i, item in enumerate(value)
            )
            self._check_unique_ids(items, value, line, path)
            return items
        if dataclasses.is_dataclass(hint):
            return self.build(hint, value, line, path)
        if hint is dt.date:
            return self._date(value, line, path)
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if hint in (str, int, bool, float):
            if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
                self.error(line, path, f"should be {_NAMES[hint]}, not {_describe(value)}")
            elif hint is str and not value.strip():
                self.error(line, path, "should not be empty")
            return value
        raise TypeError(f"schema uses an unsupported type: {hint!r}")

    def _date(self, value: Any, line: int | None, path: str) -> dt.date | None:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.error(line, path, f"should be a date written YYYY-MM-DD (got {value!r})")
        return None

    def _check_unique_ids(self, items: tuple, raw: list, line: int | None, path: str) -> None:
        seen: dict[str, int | None] = {}
        for item, source in zip(items, raw, strict=True):
            item_id = getattr(item, "id", None)
            if not isinstance(item_id, str):
                continue
            item_line = getattr(source, "key_lines", {}).get("id", line)
            if item_id in seen:
                self.error(
                    item_line,
                    f"{path}.id",
                    f"duplicate id '{item_id}' (first on line {seen[item_id]})",
                )
            else:
                seen[item_id] = item_line


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


_NAMES = {str: "text", int: "a whole number", bool: "true or false", float: "a number"}


def _count_defaults(fields: dict[str, dataclasses.Field], data: dict) -> int:
    return sum(
        1
        for name, f in fields.items()
        if name not in data
        and (f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING)
    )


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{printable(str(value), 60)}'"


def build_dataclass(cls: type, data: LinedDict, file: str) -> tuple[Any, list[ContentError]]:
    """Build `cls` from `data`; returns (instance or None, every error found)."""
    builder = _Builder(file)
    instance = builder.build(cls, data, getattr(data, "line", 1), "")
    if builder.errors:
        return None, builder.errors
    return instance, []
