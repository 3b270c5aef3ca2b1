"""The strict YAML reader: every kind of mistake is reported with file, line and field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

from mnhsc_desktop.core.content.schema import ContentFileError, build_dataclass, load_yaml


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    on: dt.date
    kind: Literal["talk", "walk"] = "talk"
    minutes: int = 10


@dataclass(frozen=True)
class Sample:
    schema_version: int
    items: tuple[Item, ...]
    note: str | None = None


def check(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "sample.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        data = load_yaml(path)
    except ContentFileError as failure:
        return [str(e) for e in failure.errors]
    _instance, errors = build_dataclass(Sample, data, path.name)
    return [str(e) for e in errors]


GOOD = """\
schema_version: 1
items:
  - id: a
    title: First
    on: 2018-10-08
  - id: b
    title: Second
    on: 2019-02-28
    kind: walk
    minutes: 45
"""


def test_good_file_builds_frozen_dataclasses(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_text(GOOD, encoding="utf-8")
    sample, errors = build_dataclass(Sample, load_yaml(path), "sample.yaml")
    assert errors == []
    assert sample.items[1] == Item("b", "Second", dt.date(2019, 2, 28), "walk", 45)
    with pytest.raises(AttributeError):
        sample.items[0].title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace("    minutes: 45", "    minutes: 45\n    colour: red"),
            "sample.yaml, line 11, field 'items[2].colour': unknown key",
        ),
        (
            GOOD.replace("minutes: 45", "minutes: lots"),
            "sample.yaml, line 10, field 'items[2].minutes': should be a whole number, not 'lots'",
        ),
        (
            GOOD.replace("    title: First\n", ""),
            "sample.yaml, line 3, field 'items[1].title': missing",
        ),
        (
            GOOD.replace("2019-02-28", "2019-02-30"),
            "sample.yaml, line 8, field 'items[2].on': should be a date written YYYY-MM-DD",
        ),
        (
            GOOD.replace("id: b", "id: a"),
            "sample.yaml, line 6, field 'items.id': duplicate id 'a' (first on line 3)",
        ),
        (
            GOOD.replace("kind: walk", "kind: run"),
            "sample.yaml, line 9, field 'items[2].kind': should be one of: talk, walk",
        ),
        (
            GOOD.replace("items:", "items: 3\nx:"),
            "sample.yaml, line 2, field 'items': should be a list",
        ),
        (
            GOOD + "schema_version: 2\n",
            "sample.yaml, line 11, field 'schema_version': key 'schema_version' appears twice",
        ),
        ("items: [\n", "sample.yaml, line 2: not valid YAML"),
        ("- just\n- a list\n", "sample.yaml, line 1: should be a mapping"),
        (GOOD.replace("title: First", "title: ''"), "field 'items[1].title': should not be empty"),
        (GOOD.replace("minutes: 45", "minutes: true"), "should be a whole number, not true/false"),
    ],
)
def test_each_mistake_names_file_line_and_field(tmp_path: Path, text: str, expected: str) -> None:
    errors = check(tmp_path, text)
    assert any(e.startswith(expected) or expected in e for e in errors), errors


def test_every_error_is_reported_in_one_pass(tmp_path: Path) -> None:
    text = GOOD.replace("minutes: 45", "minutes: x\n    extra: 1").replace(
        "2018-10-08", "08/10/2018"
    )
    errors = check(tmp_path, text)
    assert len(errors) == 3, errors


def test_dates_stay_text_until_checked(tmp_path: Path) -> None:
    """YAML's own date parsing is off, so a bad date is our clear error, not a parser crash."""
    path = tmp_path / "d.yaml"
    path.write_text("when: 2018-13-45\n", encoding="utf-8")
    assert load_yaml(path) == {"when": "2018-13-45"}


def test_unsafe_tags_are_refused(tmp_path: Path) -> None:
    errors = check(
        tmp_path, "schema_version: !!python/object/apply:os.system ['true']\nitems: []\n"
    )
    assert errors and "not valid YAML" in errors[0]


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ContentFileError) as failure:
        load_yaml(path)
    assert "is not UTF-8 text" in str(failure.value)


def test_yes_no_on_off_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("on: yes\ncountry: NO\nflag: true\n", encoding="utf-8")
    assert load_yaml(path) == {"on": "yes", "country": "NO", "flag": True}
