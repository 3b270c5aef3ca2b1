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


def test_the_revalidation_portfolio_travels_too(ward_a: Store, ward_b: Store, tmp_path) -> None:
    from mnhsc_desktop.core.revalidation.entries import FeedbackEntry, save_entry, save_sheet

    save_entry(ward_a, FeedbackEntry("f1", dt.date(2026, 5, 1), "A mother", "Kind words"))
    save_sheet(ward_a, "indemnity", {"done": True, "provider": "My employer"})
    plan = carry(ward_a, ward_b, tmp_path)
    assert len(plan.added) == 2
    apply_progress_import(ward_b, plan)
    assert ward_b.get("portfolio", "feedback/f1")["source"] == "A mother"
    assert ward_b.get("portfolio", "indemnity")["provider"] == "My employer"


def test_qi_projects_travel_too_and_the_newer_edit_wins(
    ward_a: Store, ward_b: Store, tmp_path
) -> None:
    from mnhsc_desktop.core.qi import projects as qp

    key = qp.add_project(ward_a, "Discharge before 11")
    apply_progress_import(ward_b, carry(ward_a, ward_b, tmp_path))
    assert qp.project(ward_b, key)["title"] == "Discharge before 11"
    qp.save_project(ward_a, key, qp.project(ward_a, key) | {"aim": "95% by June 2027"})
    plan = carry(ward_a, ward_b, tmp_path)
    assert len(plan.updated) == 1
    apply_progress_import(ward_b, plan)
    assert qp.project(ward_b, key)["aim"] == "95% by June 2027"


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


def progress_file(tmp_path: Path, data: dict, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(
        json.dumps({"format": "mnhsc-desktop-progress", "format_version": 1, "data": data})
    )
    return path


@pytest.mark.parametrize("stamp", ["9999-12-31T00:00:00+00:00", "zzz", "2999-01-01T00:00:00"])
def test_a_far_future_or_nonsense_stamp_never_beats_my_own_tick(
    ward_b: Store, tmp_path: Path, stamp: str
) -> None:
    """Newer-wins compared the text of `changed_at`: "9999…" and "zzz" beat every real tick."""
    mark_done(ward_b, Completion("q-network", dt.date(2026, 1, 1), 30, learned="mine"))
    theirs = {"done": False, "changed_at": stamp}
    plan = plan_progress_import(
        progress_file(tmp_path, {"ladder": {"done/q-network": theirs}}), ward_b
    )
    apply_progress_import(ward_b, plan)
    assert ward_b.get("ladder", "done/q-network")["learned"] == "mine"
    listed = [c.what for c in [*plan.conflicts, *plan.skipped]]
    assert len(listed) == 1 and "q network" in listed[0], listed


def test_a_change_dated_tomorrow_is_listed_as_suspect(ward_b: Store, tmp_path: Path) -> None:
    mark_done(ward_b, Completion("q-network", dt.date(2026, 1, 1), 30))
    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    plan = plan_progress_import(
        progress_file(
            tmp_path, {"ladder": {"done/q-network": {"done": False, "changed_at": tomorrow}}}
        ),
        ward_b,
    )
    assert plan.merged == {} and "dated in the future" in plan.conflicts[0].what


def test_stamps_are_compared_as_times_not_text(ward_b: Store, tmp_path: Path) -> None:
    """10:00 in London summer time (+01:00) is earlier than 09:30 UTC; as text it sorts later."""
    mine = {
        "done": True,
        "date": "2026-06-01",
        "minutes": 20,
        "changed_at": "2026-06-01T09:30:00+00:00",
    }
    ward_b.set("ladder", "done/q-network", mine)
    theirs = {"done": False, "changed_at": "2026-06-01T10:00:00+01:00"}
    plan = plan_progress_import(
        progress_file(tmp_path, {"ladder": {"done/q-network": theirs}}), ward_b
    )
    assert plan.merged == {} and "yours is newer" in plan.conflicts[0].what


@pytest.mark.parametrize("value", ["Infinity", "1e400", "9" * 5000, '{"a": 1}'])
def test_unusable_numbers_and_stamps_are_skipped_not_fatal(
    ward_b: Store, tmp_path: Path, value: str
) -> None:
    path = tmp_path / "odd.json"
    path.write_text(
        '{"format": "mnhsc-desktop-progress", "format_version": 1, "data": {"ladder": '
        '{"done/a": {"done": true, "date": "2026-01-01", "minutes": ' + value + "}, "
        '"done/b": {"done": false, "changed_at": ' + value + "}}}}"
    )
    plan = plan_progress_import(path, ward_b)
    assert plan.merged == {} and len(plan.skipped) == 2


@pytest.mark.parametrize(
    "attached", ["/etc/shadow", "//host/share/film.mp4", "\\\\host\\share\\film.mp4", "film.mp4"]
)
def test_imported_attachments_must_be_inside_the_data_folder(
    ward_b: Store, tmp_path: Path, attached: str
) -> None:
    inside = str((ward_b.folder / "attachments" / "ok.pdf").resolve())
    data = {"culture": {"attachment/huddle": [attached], "attachment/other": [inside]}}
    plan = plan_progress_import(progress_file(tmp_path, data), ward_b)
    assert plan.merged == {"culture": {"attachment/other": [inside]}}
    assert [change.key for change in plan.skipped] == ["attachment/huddle"]


def test_a_file_naming_an_item_twice_is_refused(ward_b: Store, tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text(
        '{"format": "mnhsc-desktop-progress", "format_version": 1, "data": {"profile": '
        '{"name": "A", "name": "B"}}}'
    )
    with pytest.raises(ProgressRefused, match="names some entries twice"):
        plan_progress_import(path, ward_b)


def test_a_fifo_or_device_as_import_file_is_refused(ward_b: Store, tmp_path: Path) -> None:
    import os

    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        with pytest.raises(ProgressRefused, match="not an ordinary file"):
            plan_progress_import(tmp_path / "pipe.json", ward_b)
    if Path("/dev/zero").exists():
        with pytest.raises(ProgressRefused, match="not an ordinary file"):
            plan_progress_import(Path("/dev/zero"), ward_b)


def test_an_import_with_favourites_of_the_wrong_type_is_skipped(ward_b: Store, tmp_path) -> None:
    """The probe's file `{"culture": {"favourites": [{"a": 1}]}}` was accepted, and the Culture
    tab then crashed the app (SIGSEGV)."""
    plan = plan_progress_import(
        progress_file(tmp_path, {"culture": {"favourites": [{"a": 1}]}}), ward_b
    )
    assert plan.merged == {} and "your favourite activities" in plan.skipped[0].what


def test_an_imported_plan_with_wrong_types_is_skipped(ward_b: Store, tmp_path) -> None:
    """It used to be accepted and then shown as an error box when the planner opened."""
    bad = {"name": ["x"], "items": [{"kind": "free", "title": "Break", "minutes": "ten"}]}
    plan = plan_progress_import(progress_file(tmp_path, {"culture": {"plan/abc": bad}}), ward_b)
    assert plan.merged == {} and "session plan" in plan.skipped[0].what
