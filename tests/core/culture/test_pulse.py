"""The team pulse: counts only, no order or time per response, nothing shown under five, and
percentages and a trend that a facilitator can check by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mnhsc_desktop.core.culture import pulse as tp
from mnhsc_desktop.core.store.store import Store

ASKED = ["help-busy", "speak-up", "energy"]


def answer(store, key, *people) -> None:
    for answers in people:
        tp.record_response(store, key, dict(zip(ASKED, answers, strict=True)))


def test_the_stored_data_holds_counts_and_nothing_of_who_when_or_in_what_order(tmp_path) -> None:
    store = Store.open(tmp_path)
    key = tp.start_pulse(store, "Ward 5", "Huddle", ASKED, dt.date(2026, 12, 1))
    answer(store, key, (5, 4, 2), (4, 4, 1), (2, 5, 3))
    assert store.save()
    saved = json.loads((tmp_path / "state.json").read_text())["pulse"][key]
    assert saved == {"team": "Ward 5", "session": "Huddle", "date": "2026-12-01",
                     "questions": ASKED, "responses": 3, "closed": False,
                     "counts": {"help-busy": [0, 1, 0, 1, 1], "speak-up": [0, 0, 0, 2, 1],
                                "energy": [1, 1, 1, 0, 0]}}  # fmt: skip
    other_order = Store.open(tmp_path / "b")
    key_b = tp.start_pulse(other_order, "Ward 5", "Huddle", ASKED, dt.date(2026, 12, 1))
    answer(other_order, key_b, (2, 5, 3), (5, 4, 2), (4, 4, 1))
    assert other_order.get("pulse", key_b) == store.get("pulse", key)  # order leaves no trace
    assert store.undo.next_label is None  # a response is never on Edit > Undo


def test_fewer_than_five_are_never_shown_then_percentages_are_right(tmp_path) -> None:
    store = Store.open(tmp_path)
    key = tp.start_pulse(store, "Ward 5", "Huddle", ASKED)
    answer(store, key, (5, 4, 2), (4, 4, 1), (2, 5, 3), (1, 2, 2))
    [pulse] = tp.pulses(store)
    assert not pulse.shown and pulse.positive("help-busy") is None
    assert "at least 5 people" in pulse.withheld_words() and "(4 so far)" in pulse.withheld_words()
    with pytest.raises(ValueError, match="at least 5"):
        tp.results_csv(pulse)
    answer(store, key, (4, 3, 5))
    [pulse] = tp.pulses(store)
    assert pulse.positive("help-busy") == 60  # 5, 4, 4 of five: three agree
    assert pulse.positive("energy") == 20
    assert (
        '"In this team, people help each other when it gets busy.",1,1,0,2,1,5,60'
        in tp.results_csv(pulse)
    )


def test_a_team_trend_uses_only_pulses_that_are_shown(tmp_path) -> None:
    store = Store.open(tmp_path)
    for week, agree in enumerate([2, 3, 4]):
        key = tp.start_pulse(store, "Ward 5", f"Huddle {week}", ASKED,
                             dt.date(2026, 10, 5) + dt.timedelta(weeks=week))  # fmt: skip
        answer(store, key, *[(5, 3, 3)] * agree, *[(1, 3, 3)] * (5 - agree))
    small = tp.start_pulse(store, "Ward 5", "Tiny", ASKED, dt.date(2026, 11, 30))
    answer(store, small, (5, 5, 5))
    assert tp.trend(store, "ward 5", "help-busy") == [
        (dt.date(2026, 10, 5), 40.0), (dt.date(2026, 10, 12), 60.0), (dt.date(2026, 10, 19), 80.0)]  # fmt: skip


def test_a_closed_pulse_takes_no_more_answers_and_bad_choices_are_refused(tmp_path) -> None:
    store = Store.open(tmp_path)
    with pytest.raises(ValueError):
        tp.start_pulse(store, "Ward 5", "", ["help-busy"])
    key = tp.start_pulse(store, "Ward 5", "", ASKED)
    tp.close_pulse(store, key)
    with pytest.raises(ValueError, match="closed"):
        answer(store, key, (5, 5, 5))
