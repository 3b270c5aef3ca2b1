"""QI projects in the store: the schema, the aim's nudge, measures, ramps of PDSA cycles."""

from __future__ import annotations

import datetime as dt

import pytest

from mnhsc_desktop.core.qi import projects as qp
from mnhsc_desktop.core.qi.measure_rows import read_rows, rows_from_text
from mnhsc_desktop.core.store.state_schema import check_item
from mnhsc_desktop.core.store.store import Store


def test_a_project_is_saved_checked_and_undone_as_one(tmp_path) -> None:
    store = Store.open(tmp_path)
    key = qp.add_project(store, "Discharge before 11")
    value = qp.project(store, key)
    assert value["title"] == "Discharge before 11" and value["status"] == "planning"
    value["aim"] = "95% of women discharged before 11:00 by June 2027"
    qp.save_project(store, key, value)
    assert store.save()
    again = Store.open(tmp_path)
    assert qp.project(again, key)["aim"].startswith("95%")
    assert store.undo_last() == "a QI project"
    assert qp.project(store, key)["aim"] == ""


@pytest.mark.parametrize(
    ("aim", "missing"),
    [
        (
            "95% of women on the postnatal ward get discharge information before 11:00 by June 2027",
            0,
        ),
        ("Reduce the median wait for a discharge to 2 hours by the end of March", 0),
        ("Get to 90% within 6 months", 0),
        ("Improve discharge", 2),
        ("Halve delays", 1),
        ("", 3),
    ],
)
def test_the_aim_is_nudged_towards_how_much_and_by_when(aim: str, missing: int) -> None:
    assert len(qp.aim_missing(aim)) == missing


@pytest.mark.parametrize(
    "bad",
    [
        {"drivers": [{"id": "a", "text": "x", "depth": 2}]},  # starts below a primary
        {"measures": [{"id": "m", "name": "x", "data": [["2026-01-02", 1], ["2026-01-01", 2]]}]},
        {"measures": [{"id": "m", "name": "x", "data": [["2026-01-01", 1], ["2026-01-01", 2]]}]},
        {"measures": [{"id": "m", "name": "x", "data": [["2026-01-01", "1"]]}]},
        {"measures": [{"id": "m", "name": "x", "direction": "sideways"}]},
        {"cycles": [{"id": "c", "act": "maybe"}]},
        {"status": "lost"},
    ],
)
def test_the_store_refuses_a_project_it_could_not_draw(bad: dict) -> None:
    value = {**qp.empty_project("x"), **bad}
    assert check_item("qi", "project/1", value) is not None


def test_merging_rows_counts_what_was_added_and_what_replaced_a_value() -> None:
    measure = qp.empty_measure("On time")
    measure["data"] = [["2026-01-05", 50.0]]
    rows = [(dt.date(2026, 1, 5), 60.0), (dt.date(2026, 1, 12), 70.0)]
    merged, added, replaced = qp.merge_rows(measure, rows)
    assert (added, replaced) == (1, 1)
    assert merged["data"] == [["2026-01-05", 60.0], ["2026-01-12", 70.0]]
    assert measure["data"] == [["2026-01-05", 50.0]]  # the original untouched


def test_the_chart_follows_the_measure_settings() -> None:
    measure = qp.empty_measure("On time")
    measure["data"] = [
        [f"2026-01-{d:02d}", float(v)]
        for d, v in zip(range(1, 21), [5] * 10 + [9] * 10, strict=True)
    ]
    assert type(qp.chart_of(measure)).__name__ == "RunChart"
    measure |= {"chart": "xmr", "rebase": ["2026-01-11", "2030-01-01"]}  # one date not in the data
    chart = qp.chart_of(measure)
    assert chart.points[0].centre == 5 and chart.points[-1].centre == 9
    assert qp.chart_of(qp.empty_measure("empty")) is None


def test_a_ramp_is_read_in_order_from_any_of_its_cycles() -> None:
    value = qp.empty_project("x")
    first, second, third = qp.empty_cycle("i"), qp.empty_cycle("i"), qp.empty_cycle("i")
    second["follows"], third["follows"] = first["id"], second["id"]
    value["cycles"] = [third, first, second]
    assert [c["id"] for c in qp.ramp_of(value, third["id"])] == [
        first["id"],
        second["id"],
        third["id"],
    ]
    first["follows"] = third["id"]  # a loop typed by another version: still ends
    assert len(qp.ramp_of(value, second["id"])) == 3


def test_pasted_excel_rows_read_with_uk_dates_and_a_heading() -> None:
    pasted = "Week\tOn time (%)\r\n05/01/2026\t62%\r\n12/01/2026\t71,5\r\n19 Jan 2026\t1,234\r\n"
    read = read_rows(rows_from_text(pasted))
    assert read.header and read.usable
    assert read.rows == [
        (dt.date(2026, 1, 5), 62.0),
        (dt.date(2026, 1, 12), 71.5),
        (dt.date(2026, 1, 19), 1234.0),
    ]


def test_every_bad_row_is_named_and_nothing_is_taken() -> None:
    pasted = "2026-01-05,62\n2026-13-01,70\n2026-01-19,\n2026-01-05,3\n2026-01-26,abc\n"
    read = read_rows(rows_from_text(pasted))
    assert not read.usable
    assert [n for n, _why in read.refused] == [2, 3, 4, 5]
    assert "also in row 1" in read.refused[2][1]
    assert "Nothing was taken" in read.summary() and "row 2" in read.summary()
