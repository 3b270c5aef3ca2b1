"""Another writer (the command line, another PC on a shared folder) saves state.json while this
store has it open: its changes are merged in, never overwritten, and a clash loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

from mnhsc_desktop.cli.main import main
from mnhsc_desktop.core.store.merge import merge_states
from mnhsc_desktop.core.store.progress_file import export_progress
from mnhsc_desktop.core.store.store import STORE_FILE, StateChange, Store

TICK = {
    "done": True,
    "date": "2026-01-05",
    "minutes": 20,
    "changed_at": "2026-01-05T09:00:00+00:00",
}


def on_disk(folder: Path) -> dict:
    return json.loads((folder / STORE_FILE).read_text(encoding="utf-8"))


def test_a_save_elsewhere_is_merged_not_overwritten(data_dir: Path) -> None:
    window = Store.open(data_dir)
    heard: list[StateChange] = []
    window.subscribe(heard.append)
    other = Store.open(data_dir)
    other.set("ladder", "done/q-network", TICK)
    assert other.save()
    window.set("window", "last_tab", "ladder")
    assert window.save()
    assert on_disk(data_dir)["ladder"]["done/q-network"] == TICK
    assert on_disk(data_dir)["window"]["last_tab"] == "ladder"
    assert window.get("ladder", "done/q-network") == TICK  # and the window shows it
    assert StateChange("ladder", "*") in heard
    assert "merged in (1 item)" in window.take_merge_notes()[0]


def test_both_changing_one_item_keeps_mine_and_a_copy_of_theirs(data_dir: Path) -> None:
    window = Store.open(data_dir)
    other = Store.open(data_dir)
    other.set("profile", "name", "From the other PC")
    other.save()
    window.set("profile", "name", "Typed here")
    window.save()
    assert on_disk(data_dir)["profile"]["name"] == "Typed here"
    (note,) = window.take_merge_notes()
    assert "1 item changed both here and elsewhere kept your version" in note
    (copy,) = data_dir.glob("state.other-writer-*.json")
    assert copy.name in note
    assert json.loads(copy.read_text())["profile"]["name"] == "From the other PC"


def test_a_removal_elsewhere_is_taken_in(data_dir: Path) -> None:
    first = Store.open(data_dir)
    first.set("culture", "favourites", ["how-to-huddle"])
    first.set("profile", "name", "Sam")
    first.save()
    other = Store.open(data_dir)
    other.update("culture", {"favourites": None})
    other.save()
    first.set("window", "last_tab", "home")
    first.save()
    assert "favourites" not in on_disk(data_dir)["culture"]
    assert on_disk(data_dir)["profile"]["name"] == "Sam"


def test_a_damaged_file_written_elsewhere_is_kept_aside(data_dir: Path) -> None:
    window = Store.open(data_dir)
    window.set("profile", "name", "Sam")
    window.save()
    (data_dir / STORE_FILE).write_text("{ not json")
    window.set("window", "last_tab", "home")
    window.save()
    assert on_disk(data_dir)["profile"]["name"] == "Sam"
    (copy,) = data_dir.glob("state.other-writer-*.json")
    assert copy.read_text() == "{ not json" and copy.name in window.take_merge_notes()[0]


def test_a_command_line_import_survives_a_window_opened_during_it(
    data_dir: Path, tmp_path: Path
) -> None:
    """The probe's case: `progress import` said "Imported." while a window opened meanwhile wrote
    its older state back over it (0 of 60,000 items left)."""
    source = Store.open(tmp_path / "other-pc")
    source.update("ladder", {f"done/r{n}": TICK for n in range(2000)})
    progress = tmp_path / "progress.json"
    progress.write_bytes(export_progress(source))
    window = Store.open(data_dir)  # opened before the import wrote anything
    assert main(["--data-dir", str(data_dir), "progress", "import", str(progress)]) == 0
    window.set("window", "geometry", "AAAA")  # what closing the window does
    assert window.save()
    assert len(on_disk(data_dir)["ladder"]) == 2000
    assert len(window.keys("ladder")) == 2000


def test_merge_rules_item_by_item() -> None:
    base = {"ladder": {"a": 1, "b": 1, "c": 1}}
    ours = {"ladder": {"a": 2, "b": 1, "c": 1}}
    theirs = {"ladder": {"a": 3, "b": 3, "d": 4}}
    merge = merge_states(base, ours, theirs, {("ladder", "a")})
    assert merge.state["ladder"] == {"a": 2, "b": 3, "d": 4}
    assert merge.conflicts == [("ladder", "a")]
    assert sorted(merge.taken) == [("ladder", "b"), ("ladder", "c"), ("ladder", "d")]
    assert ours == {"ladder": {"a": 2, "b": 1, "c": 1}}, "ours is not modified"


def test_an_unusable_part_written_elsewhere_is_kept_aside_not_taken(data_dir: Path) -> None:
    window = Store.open(data_dir)
    window.set("profile", "name", "Sam")
    window.save()
    state = on_disk(data_dir)
    deep: object = 1
    for _ in range(20):
        deep = [deep]
    (data_dir / STORE_FILE).write_text(json.dumps({**state, "future": deep}))
    window.set("window", "last_tab", "home")
    window.save()
    assert "future" not in on_disk(data_dir)
    assert len(list(data_dir.glob("state.other-writer-*.json"))) == 1
