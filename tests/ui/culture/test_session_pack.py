"""File > Export session pack… and Import session pack… as a facilitator uses them: a plan with
a film travels to another PC's data folder, is previewed, and lands in the planner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from mnhsc_desktop.core.culture.attachments import attach, attachments
from mnhsc_desktop.core.culture.plans import Plan, PlanItem, plans, save_plan


def test_a_session_pack_goes_from_one_window_to_another(make_window, tmp_path, monkeypatch) -> None:
    first = make_window(tmp_path / "here")
    activity = first.content.culture.activities[0]
    film = tmp_path / "film.mp4"
    film.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"film" * 1000)
    attach(first.store, activity.id, film)
    save_plan(first.store, Plan("p1", "Ward 5 session", (PlanItem("activity", activity.title,
                                                                  activity.minutes, activity.id),)))  # fmt: skip
    pack = tmp_path / "ward-5.mnhscpack"
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Ward 5 session", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pack), ""))
    first.export_session_action.trigger()
    assert pack.exists() and "Wrote “Ward 5 session”" in first.statusBar().currentMessage()

    second = make_window(tmp_path / "there")
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)  # fmt: skip
    second.import_session_action.trigger()
    assert "1 attached file(s)" in asked[0] and "film.mp4" in asked[0]
    assert [p.name for p in plans(second.store)] == ["Ward 5 session"]
    [copied] = attachments(second.store, activity.id)
    assert Path(copied).read_bytes() == film.read_bytes()
    assert second.culture_tab.planner.plan.name == "Ward 5 session"  # shown where it lives


def test_a_damaged_pack_is_refused_in_words(make_window, tmp_path, monkeypatch) -> None:
    window = make_window(tmp_path / "data")
    bad = tmp_path / "bad.mnhscpack"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    warned = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    window.import_session_action.trigger()
    assert "not a zip file" in warned[0] and plans(window.store) == []
