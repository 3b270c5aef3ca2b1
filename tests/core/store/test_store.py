"""The user's store: saves are atomic, and bad files are set aside and reported, never lost."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import pytest

from mnhsc_desktop.core.store import atomic, repairs, safe_json, state_schema
from mnhsc_desktop.core.store import store as store_module
from mnhsc_desktop.core.store.atomic import WriteFailed
from mnhsc_desktop.core.store.store import SCHEMA_VERSION, STORE_FILE, StateChange, Store

needs_posix_permissions = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions"
)


def saved(folder: Path) -> dict:
    return json.loads((folder / STORE_FILE).read_text(encoding="utf-8"))


def test_first_run_starts_empty_and_saves_versioned_json(data_dir: Path) -> None:
    store = Store.open(data_dir)
    assert store.notices == [] and not store.read_only
    assert store.set("ladder", "pdsa", {"level": "living"}) == StateChange("ladder", "pdsa")
    assert store.save()
    on_disk = saved(data_dir)
    assert on_disk["schema_version"] == SCHEMA_VERSION
    assert on_disk["ladder"] == {"pdsa": {"level": "living"}}
    assert Store.open(data_dir).get("ladder", "pdsa") == {"level": "living"}


def test_a_file_saved_with_a_byte_order_mark_still_loads(data_dir: Path) -> None:
    """Notepad on Windows writes one when someone opens and saves the file by hand."""
    Store.open(data_dir).set("profile", "name", "Ann")
    text = json.dumps({"schema_version": SCHEMA_VERSION, "profile": {"name": "Ann"}})
    (data_dir / STORE_FILE).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    store = Store.open(data_dir)
    assert store.notices == [] and store.get("profile", "name") == "Ann"


def test_setting_the_same_value_changes_nothing(data_dir: Path) -> None:
    store = Store.open(data_dir)
    seen: list[StateChange] = []
    store.subscribe(seen.append)
    store.set("profile", "name", "Ann")
    assert store.set("profile", "name", "Ann") is None
    assert seen == [StateChange("profile", "name")]


def test_values_are_copied_so_callers_cannot_change_state_behind_its_back(data_dir: Path) -> None:
    store = Store.open(data_dir)
    value = {"done": [1]}
    store.set("ladder", "x", value)
    value["done"].append(2)
    store.get("ladder", "x")["done"].append(3)
    assert store.get("ladder", "x") == {"done": [1]}


def test_unknown_section_is_a_programming_error(data_dir: Path) -> None:
    with pytest.raises(KeyError):
        Store.open(data_dir).set("nonsense", "k", 1)


@pytest.mark.parametrize(
    ("contents", "why"),
    [
        (b"", "the file is empty"),
        (b'{"schema_version": 1, "ladder": {"a"', "it is not valid JSON"),
        (b"\x00\x00\x00\x00", "it is not valid JSON"),
        (b"[1, 2, 3]", "it does not hold a JSON object"),
    ],
)
def test_damaged_file_is_set_aside_reported_and_not_overwritten(
    data_dir: Path, contents: bytes, why: str
) -> None:
    (data_dir / STORE_FILE).write_bytes(contents)
    store = Store.open(data_dir)
    (notice,) = store.notices
    assert notice.kind == "damaged" and why in notice.message
    assert notice.kept_copy is not None and notice.kept_copy.read_bytes() == contents
    assert notice.kept_copy.name.startswith("state.damaged-")
    assert store.save()
    assert saved(data_dir)["schema_version"] == SCHEMA_VERSION


def test_damaged_sections_are_dropped_but_the_rest_is_kept(data_dir: Path) -> None:
    original = {"schema_version": 1, "ladder": {"pdsa": "leading"}, "culture": "oops"}
    (data_dir / STORE_FILE).write_text(json.dumps(original))
    store = Store.open(data_dir)
    (notice,) = store.notices
    assert notice.kind == "repaired" and "your culture activity log" in notice.message
    assert store.get("ladder", "pdsa") == "leading"
    assert json.loads(notice.kept_copy.read_text()) == original


def test_missing_version_keeps_what_it_can(data_dir: Path) -> None:
    (data_dir / STORE_FILE).write_text(json.dumps({"ladder": {"a": 1}}))
    store = Store.open(data_dir)
    assert store.notices[0].kind == "repaired"
    assert store.get("ladder", "a") == 1


def test_newer_version_is_left_untouched_and_read_only(data_dir: Path) -> None:
    newer = json.dumps({"schema_version": SCHEMA_VERSION + 1, "ladder": {"x": 1}}).encode()
    (data_dir / STORE_FILE).write_bytes(newer)
    store = Store.open(data_dir)
    assert store.read_only
    assert store.notices[0].kind == "newer" and "newer version" in store.notices[0].message
    store.set("ladder", "y", 2)
    assert store.save() is False
    assert (data_dir / STORE_FILE).read_bytes() == newer
    assert list(data_dir.iterdir()) == [data_dir / STORE_FILE]


def test_migration_copies_the_old_file_aside_first(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in (store_module, repairs, state_schema):
        monkeypatch.setattr(module, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(repairs.MIGRATIONS, 1, lambda s: {**s, "ladder": {"v": 2}})
    monkeypatch.setitem(repairs.MIGRATIONS, 2, lambda s: {**s, "profile": {"v": 3}})
    old = json.dumps({"schema_version": 1, "ladder": {"v": 1}})
    (data_dir / STORE_FILE).write_text(old)
    store = Store.open(data_dir)
    (notice,) = store.notices
    assert notice.kind == "migrated" and notice.kept_copy.read_text() == old
    assert store.get("ladder", "v") == 2 and store.get("profile", "v") == 3
    assert store.save() and saved(data_dir)["schema_version"] == 3


def test_stale_temp_files_from_an_interrupted_save_are_removed(data_dir: Path) -> None:
    leftover = data_dir / f"{atomic.TEMP_PREFIX}abc{atomic.TEMP_SUFFIX}"
    leftover.write_text("half a file")
    Store.open(data_dir)
    assert not leftover.exists()


def fail_with(code: int):
    def failing_mkstemp(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return failing_mkstemp


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "is full"), (errno.EROFS, "read-only"), (errno.EACCES, "read-only")],
)
def test_failed_save_says_why_keeps_memory_and_succeeds_on_retry(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    store = Store.open(data_dir)
    store.set("profile", "name", "Ann")
    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", fail_with(code))
        with pytest.raises(WriteFailed) as failure:
            store.save()
    assert words in str(failure.value) and "kept meanwhile" in str(failure.value)
    assert store.dirty and store.get("profile", "name") == "Ann"
    assert store.save()
    assert saved(data_dir)["profile"] == {"name": "Ann"}


def test_failed_write_midway_leaves_the_old_file_and_no_temp(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(data_dir)
    store.set("profile", "name", "Ann")
    store.save()
    before = (data_dir / STORE_FILE).read_bytes()
    store.set("profile", "name", "Bea")

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(WriteFailed):
        store.save()
    assert (data_dir / STORE_FILE).read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == [STORE_FILE]


@needs_posix_permissions
def test_read_only_folder_gives_a_clear_error(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set("profile", "name", "Ann")
    data_dir.chmod(0o500)
    try:
        with pytest.raises(WriteFailed, match="cannot be written to"):
            store.save()
    finally:
        data_dir.chmod(0o700)
    assert store.save()


@needs_posix_permissions
def test_unreadable_file_is_left_alone_and_not_overwritten(data_dir: Path) -> None:
    path = data_dir / STORE_FILE
    path.write_text(json.dumps({"schema_version": 1, "ladder": {"a": 1}}))
    path.chmod(0o000)
    try:
        store = Store.open(data_dir)
        assert store.read_only and store.notices[0].kind == "unreadable"
    finally:
        path.chmod(0o600)


def test_unreadable_file_as_root_is_simulated(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root can read anything, so the permission error is made to happen."""
    path = data_dir / STORE_FILE
    path.write_text(json.dumps({"schema_version": 1}))

    def denied(path: Path, limit: int) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_json, "read_bounded", denied)
    store = Store.open(data_dir)
    assert store.read_only and store.notices[0].kind == "unreadable"
    assert "Permission denied" in store.notices[0].message
    store.set("profile", "x", 1)
    assert store.save() is False


def test_read_only_damaged_file_cannot_be_moved_and_is_left_alone(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / STORE_FILE).write_text("{broken")

    def refuse(self: Path, target: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "replace", refuse)
    store = Store.open(data_dir)
    assert store.read_only
    assert "could not be moved aside" in store.notices[0].message
    assert (data_dir / STORE_FILE).read_text() == "{broken"


def test_a_data_folder_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    store = Store.open(blocker / "data")
    assert store.notices[0].kind == "folder"
    store.set("profile", "x", 1)
    with pytest.raises(WriteFailed):
        store.save()
    assert store.get("profile", "x") == 1


def test_update_sets_and_removes_many_keys_as_one_change(data_dir: Path) -> None:
    store = Store.open(data_dir)
    seen: list[StateChange] = []
    store.subscribe(seen.append)
    assert store.update("calendar", {"a": {"x": 1}, "b": [2]}) == StateChange("calendar", "*")
    assert store.update("calendar", {"a": {"x": 1}}) is None
    store.update("calendar", {"a": None, "c": 3})
    assert sorted(store.keys("calendar")) == ["b", "c"]
    assert len(seen) == 2
