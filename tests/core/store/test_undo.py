"""Edit > Undo: each change a person makes is put back in one step, words included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mnhsc_desktop.core.culture.culture import (
    LogEntry,
    add_log_entry,
    log_entries,
    remove_log_entry,
)
from mnhsc_desktop.core.ladder.ladder import Completion, Progress, mark_done, undo_done
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.core.store.undo import LIMIT


def test_untick_keeps_the_words_and_undo_restores_the_tick(data_dir: Path) -> None:
    store = Store.open(data_dir)
    mark_done(store, Completion("q-network", dt.date(2026, 1, 5), 30, learned="Measure first"))
    undo_done(store, "q-network")
    progress = Progress(store)
    assert "q-network" not in progress.done
    assert progress.last_written("q-network").learned == "Measure first"
    assert store.undo_last() == "QI resource “q network”"
    assert Progress(store).done["q-network"].learned == "Measure first"


def test_a_removed_log_entry_comes_back(data_dir: Path) -> None:
    store = Store.open(data_dir)
    add_log_entry(store, LogEntry("how-to-huddle", dt.date(2026, 1, 5), 6, 15, "Went well"))
    (entry,) = log_entries(store)
    remove_log_entry(store, entry)
    assert log_entries(store) == []
    store.undo_last()
    assert [e.note for e in log_entries(store)] == ["Went well"]


def test_an_update_of_many_keys_is_one_step_and_a_new_key_is_removed_again(data_dir) -> None:
    store = Store.open(data_dir)
    store.set("profile", "name", "Sam")
    store.update("calendar", {"hidden": ["a"], "event/x@y": None})
    assert store.undo.next_label == "the events you hid"
    store.update("profile", {"name": "Alex", "revalidation_due": "2027-01-01"})
    assert store.undo_last() == "2 changes to your name and settings"
    assert (
        store.get("profile", "name") == "Sam" and store.get("profile", "revalidation_due") is None
    )


def test_window_size_is_not_undone_and_the_history_is_bounded(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set("window", "last_tab", "home")
    assert store.undo_last() is None
    for n in range(LIMIT + 10):
        store.set("profile", "name", f"name {n}")
    assert len(store.undo.steps) == LIMIT >= 20


def test_undoing_is_itself_saved_and_not_undoable(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set("profile", "name", "Sam")
    store.undo_last()
    assert store.undo_last() is None and store.dirty
    assert store.save() and Store.open(data_dir).get("profile", "name") is None


def test_an_undone_change_can_be_redone_so_undo_never_loses_words(data_dir: Path) -> None:
    store = Store.open(data_dir)
    mark_done(store, Completion("q-network", dt.date(2026, 1, 5), 30, learned="First thoughts"))
    mark_done(store, Completion("q-network", dt.date(2026, 1, 5), 30, learned="Second, longer"))
    assert store.undo_last() == "QI resource “q network”"
    assert Progress(store).done["q-network"].learned == "First thoughts"
    assert store.undo.redo_label == "QI resource “q network”"
    assert store.redo_last() == "QI resource “q network”"
    assert Progress(store).done["q-network"].learned == "Second, longer"
    store.undo_last()
    store.set("profile", "name", "Sam")  # a new change: what was undone is gone for good
    assert store.redo_last() is None
