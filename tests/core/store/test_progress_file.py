"""Portable progress: export, then merge on another PC; the newer change wins and nothing is silent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mnhsc_desktop.core.ladder.ladder import Completion, Progress, mark_done, set_level, undo_done
from mnhsc_desktop.core.store.progress_file import (
    ProgressRefused,
    apply_progress_import,
    export_progress,
    plan_progress_import,
)
from mnhsc_desktop.core.store.store import Store


@pytest.fixture
def ward_a(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "ward-a")


@pytest.fixture
def ward_b(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "ward-b")


def carry(source: Store, target: Store, tmp_path: Path):
    path = tmp_path / "progress.json"
    path.write_bytes(export_progress(source))
    return plan_progress_import(path, target)


def test_progress_moves_to_an_empty_pc(ward_a: Store, ward_b: Store, tmp_path: Path) -> None:
    ward_a.set("profile", "name", "Jane Midwife")
    mark_done(
        ward_a, Completion("mike-evans-qi-video", dt.date(2026, 11, 20), 20, learned="Systems")
    )
    set_level(ward_a, "pdsa", "living", dt.date(2026, 11, 28))
    ward_a.set("window", "last_tab", "ladder")
    plan = carry(ward_a, ward_b, tmp_path)
    assert len(plan.added) == 3 and plan.conflicts == [] and plan.warnings == []
    apply_progress_import(ward_b, plan)
    progress = Progress(ward_b)
    assert progress.level_of("pdsa") == "living" and "mike-evans-qi-video" in progress.done
    assert ward_b.get("window", "last_tab") is None, "window layout belongs to each PC"
    again = carry(ward_a, ward_b, tmp_path)
    assert (len(again.added), len(again.updated), again.unchanged) == (0, 0, 3)


def test_the_newer_change_wins_and_histories_join(
    ward_a: Store, ward_b: Store, tmp_path: Path
) -> None:
    mark_done(ward_a, Completion("q-network", dt.date(2026, 1, 1), 30))
    apply_progress_import(ward_b, carry(ward_a, ward_b, tmp_path))
    set_level(ward_a, "pdsa", "learn", dt.date(2026, 1, 1))
    set_level(ward_b, "pdsa", "living", dt.date(2026, 6, 1))
    ward_a_done = ward_a.get("ladder", "done/q-network")
    ward_a_done["changed_at"] = "2000-01-01T00:00:00+00:00"  # an older tick on A
    ward_a.set("ladder", "done/q-network", ward_a_done)
    undo_done(ward_b, "q-network")  # the undo on B is newer
    plan = carry(ward_a, ward_b, tmp_path)
    assert any("yours is newer, kept" in c.what for c in plan.conflicts)
    apply_progress_import(ward_b, plan)
    progress = Progress(ward_b)
    assert "q-network" not in progress.done
    assert [h.level for h in progress.history_of("pdsa")] == ["learn", "living"]


def test_another_persons_progress_is_flagged(ward_a: Store, ward_b: Store, tmp_path: Path) -> None:
    ward_a.set("profile", "name", "Jane Midwife")
    ward_b.set("profile", "name", "Sam Nurse")
    plan = carry(ward_a, ward_b, tmp_path)
    assert "belongs to Jane Midwife, not to Sam Nurse" in plan.warnings[0]
    assert any("differs; yours kept" in c.what for c in plan.conflicts)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not json at all", "not a progress file from MNHSC Desktop (not JSON)"),
        (b'{"format": "something-else"}', "not a progress file from MNHSC Desktop"),
        (
            b'{"format": "mnhsc-desktop-progress", "format_version": 9, "app_version": "9.0"}',
            "newer version of MNHSC Desktop (9.0)",
        ),
        (
            b'{"format": "mnhsc-desktop-progress", "format_version": 1, "data": []}',
            "contents are damaged",
        ),
    ],
)
def test_garbage_and_newer_files_are_refused(
    ward_b: Store, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ProgressRefused, match="Nothing was changed") as refusal:
        plan_progress_import(path, ward_b)
    assert reason in str(refusal.value)


def test_damaged_items_are_skipped_and_listed(ward_b: Store, tmp_path: Path) -> None:
    payload = {"format": "mnhsc-desktop-progress", "format_version": 1, "data": {
        "ladder": {"done/x": "garbage", "level/pdsa": [{"level": "living", "date": "2026-01-01"}]}}}  # fmt: skip
    path = tmp_path / "half.json"
    path.write_text(json.dumps(payload))
    plan = plan_progress_import(path, ward_b)
    assert len(plan.added) == 1 and len(plan.skipped) == 1 and "damaged" in plan.skipped[0].what
