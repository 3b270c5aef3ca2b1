"""State files that a probe wrote to break the app: each ends in a clear notice and a clean start,
with the original kept and every good item still there."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from mnhsc_desktop.core.store.store import STORE_FILE, Store

GOOD_TICK = {
    "done": True,
    "date": "2019-03-01",
    "minutes": 30,
    "changed_at": "2019-03-01T10:00:00+00:00",
}


def write_state(folder: Path, text: str) -> Path:
    path = folder / STORE_FILE
    path.write_text(text, encoding="utf-8")
    return path


def opened_with_one_notice(folder: Path) -> tuple[Store, str]:
    store = Store.open(folder)
    (notice,) = store.notices
    assert notice.kind == "repaired"
    assert notice.kept_copy is not None and notice.kept_copy.exists()
    return store, notice.message


def test_lone_surrogate_is_set_aside_and_saving_still_works(data_dir: Path) -> None:
    original = (
        '{"schema_version": 1, "profile": {"name": "Sam"}, '
        '"ladder": {"done/a": ' + json.dumps(GOOD_TICK) + ', "done/b": '
        '{"done": true, "date": "2019-03-01", "minutes": 5, "learned": "bad \\ud800 text"}}}'
    )
    write_state(data_dir, original)
    store, message = opened_with_one_notice(data_dir)
    assert "QI resource “b”" in message and "broken character" in message
    assert store.get("ladder", "done/a") == GOOD_TICK and store.get("ladder", "done/b") is None
    assert store.save()  # before the fix every save failed while the window said "saved"
    assert json.loads((data_dir / STORE_FILE).read_text())["profile"] == {"name": "Sam"}
    assert store.notices[0].kept_copy.read_text(encoding="utf-8") == original


def test_a_lone_surrogate_cannot_be_stored_either(data_dir: Path) -> None:
    store = Store.open(data_dir)
    with pytest.raises(ValueError, match="broken character"):
        store.set("profile", "name", "x\ud800")
    assert store.get("profile", "name") is None and store.save()


def test_duplicate_keys_are_reported_with_the_original_kept(data_dir: Path) -> None:
    original = (
        '{"schema_version": 1, "ladder": {"done/a": ' + json.dumps(GOOD_TICK) + ', "done/a": '
        '{"done": false, "changed_at": "2019-04-01T10:00:00+00:00"}}}'
    )
    write_state(data_dir, original)
    store, message = opened_with_one_notice(data_dir)
    assert "appeared twice (done/a)" in message
    assert store.get("ladder", "done/a")["done"] is False  # the later, as JSON readers do
    assert store.notices[0].kept_copy.read_text(encoding="utf-8") == original


@pytest.mark.parametrize(
    "section, key, value",
    [
        ("calendar", "hidden", 5),
        ("culture", "favourites", [{"a": 1}]),
        ("culture", "log/huddle", [{"date": "2019-01-01", "people": "many", "minutes": 10}]),
        ("culture", "plan/x", {"name": "Session", "items": [{"kind": "free", "minutes": []}]}),
        ("ladder", "level/pdsa", [{"level": "expert", "date": "2019-01-01"}]),
        ("calendar", "event/x@y", {"uid": "x@y", "title": 3, "kind": "w", "start": "2019-01-01"}),
        ("window", "high_contrast", "yes"),
        ("profile", "revalidation_due", "next spring"),
    ],
)
def test_wrong_types_are_set_aside_item_by_item(
    data_dir: Path, section: str, key: str, value: object
) -> None:
    state = {"schema_version": 1, "ladder": {"done/a": GOOD_TICK}}
    state.setdefault(section, {})[key] = value
    write_state(data_dir, json.dumps(state))
    store, _message = opened_with_one_notice(data_dir)
    assert store.get(section, key) is None
    assert store.get("ladder", "done/a") == GOOD_TICK


@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN", "1e400", "9" * 5000])
def test_numbers_python_cannot_use_are_set_aside(data_dir: Path, number: str) -> None:
    tick = json.dumps(GOOD_TICK).replace('"minutes": 30', f'"minutes": {number}')
    write_state(data_dir, '{"schema_version": 1, "ladder": {"done/a": ' + tick + "}}")
    store, message = opened_with_one_notice(data_dir)
    assert "QI resource “a”" in message and store.get("ladder", "done/a") is None


def test_a_hundred_thousand_deep_value_sets_the_file_aside(data_dir: Path) -> None:
    write_state(data_dir, '{"schema_version": 1, "profile": {"x": ' + "[" * 100_000 + "]}}")
    store = Store.open(data_dir)
    (notice,) = store.notices
    assert notice.kind == "damaged" and "nested too deeply" in notice.message
    assert store.save()


def test_a_nine_hundred_deep_unknown_value_is_set_aside(data_dir: Path) -> None:
    deep = "[" * 900 + "]" * 900
    write_state(data_dir, '{"schema_version": 1, "profile": {"x": ' + deep + ', "name": "Sam"}}')
    store, message = opened_with_one_notice(data_dir)
    assert "nested too deeply" in message and store.get("profile", "name") == "Sam"


def test_unknown_keys_of_a_newer_version_are_kept(data_dir: Path) -> None:
    state = {"schema_version": 1, "profile": {"future": {"a": [1, 2]}}, "revalidation": {"x": 1}}
    write_state(data_dir, json.dumps(state))
    store = Store.open(data_dir)
    assert store.notices == []
    store.set("profile", "name", "Sam")
    assert store.save()
    saved = json.loads((data_dir / STORE_FILE).read_text())
    assert saved["revalidation"] == {"x": 1} and saved["profile"]["future"] == {"a": [1, 2]}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_state_json_as_a_fifo_does_not_hang(data_dir: Path) -> None:
    os.mkfifo(data_dir / STORE_FILE)
    result: list[Store] = []
    reader = threading.Thread(target=lambda: result.append(Store.open(data_dir)), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert result, "opening the store hung on a FIFO"
    (notice,) = result[0].notices
    assert result[0].read_only and "not an ordinary file" in notice.message


def test_state_json_linked_to_dev_zero_is_refused(data_dir: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    (data_dir / STORE_FILE).symlink_to("/dev/zero")
    store = Store.open(data_dir)
    assert store.read_only and "not an ordinary file" in store.notices[0].message
