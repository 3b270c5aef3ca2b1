"""Global search: ranked sensibly, blind to case and accents, across every kind of item."""

from __future__ import annotations

from pathlib import Path

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.search import SearchIndex, build_index, grouped, item
from mnhsc_desktop.core.store.store import Store
from tests.conftest import SHIPPED_CONTENT


def test_finds_every_kind_and_groups_them(data_dir: Path) -> None:
    index = build_index(load_content(SHIPPED_CONTENT), Store.open(data_dir))
    assert [e.key for e in index.find("huddle")][:1] == ["how-to-huddle"]
    kinds = {e.kind for e in index.find("score")}
    assert {"event"} <= kinds
    assert index.find("pdsa")[0].kind == "subject" and index.find("pdsa")[0].key == "pdsa"
    assert index.find("hypoglycaemia")[0].title == "Neonatal hypoglycaemia"
    assert next(label for label, _ in grouped(index.find("human factors"))) in (
        "QI subjects",
        "QI resources",
        "Culture activities",
    )


def test_title_beats_details_and_starts_beat_middles() -> None:
    index = SearchIndex([
        item("activity", "a", "Learning boards", "about teams"),
        item("activity", "b", "Teams in the morning", "details"),
        item("activity", "c", "Good teams", "details"),
        item("activity", "d", "Quiet", "mentions teams in passing"),
    ])  # fmt: skip
    assert [e.key for e in index.find("teams")] == ["b", "c", "a", "d"]


def test_case_and_accents_do_not_matter() -> None:
    index = SearchIndex(
        [item("event", "e", "Café Scientifique — naïve questions", "Ysbyty Gwynedd")]
    )
    for query in ("CAFE", "naive", "ysbyty", "café sci"):
        assert index.find(query), query
    assert index.find("") == [] and index.find("zzz") == []


def test_typing_on_narrows_and_deleting_widens() -> None:
    index = SearchIndex([item("event", str(n), f"Session {n}", "") for n in range(100)])
    assert len(index.find("session 1")) == 19  # "1" in 1, 10-19, 21, 31 ... 91
    assert [e.title for e in index.find("session 12")] == ["Session 12"]
    assert len(index.find("session")) == 50, "capped at the limit, best first"
