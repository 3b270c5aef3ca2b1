"""XmR and run chart rules, case by case as the QI issue names them, against hand-worked
figures and published examples."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.core.qi.spc import run_chart, xmr

START = dt.date(2026, 1, 5)


def series(*values: float) -> list[tuple[dt.date, float]]:
    return [(START + dt.timedelta(weeks=n), v) for n, v in enumerate(values)]


def rules(chart) -> list[list[str]]:
    return [list(p.rules) for p in chart.points]


def flagged(chart, rule: str) -> list[int]:
    return [n for n, p in enumerate(chart.points) if rule in p.rules]


def test_limits_worked_by_hand() -> None:
    """Values 10, 12, 11, 13, 9, 11: mean 66/6 = 11; moving ranges 2, 1, 2, 4, 2, mean 11/5 = 2.2;
    limits 11 +/- 2.66 x 2.2 = 11 +/- 5.852, so 16.852 and 5.148; near-limit lines 11 +/- 3.9013."""
    chart = xmr(series(10, 12, 11, 13, 9, 11))
    p = chart.points[0]
    assert p.centre == pytest.approx(11)
    assert (p.upper, p.lower) == (pytest.approx(16.852), pytest.approx(5.148))
    assert (p.near_upper, p.near_lower) == (pytest.approx(14.901333), pytest.approx(7.098667))
    assert p.trial and rules(chart) == [[]] * 6 and chart.variation == "common_cause"


def test_outside_limits_and_which_way_is_better() -> None:
    up = xmr(series(10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30), improvement="increase")
    assert flagged(up, "outside_limits") == [11]
    assert up.points[11].point_type == "special_cause_improvement"
    down = xmr(series(10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30), improvement="decrease")
    assert down.points[11].point_type == "special_cause_concern"
    neutral = xmr(series(10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30))
    assert neutral.points[11].point_type == "special_cause_neutral"


@pytest.mark.parametrize(("above", "expected"), [(6, []), (7, list(range(7, 14))),
                                                   (8, list(range(7, 15)))])  # fmt: skip
def test_a_shift_is_seven_in_a_row_and_every_point_of_it_is_flagged(above, expected) -> None:
    values = [10, 12, 10, 12, 10, 12, 10] + [11.5] * above + [10, 12, 10, 12]
    chart = xmr(series(*values), fix_after=7)  # centre 10.857 from the first seven
    assert flagged(chart, "shift") == expected


def test_a_point_on_the_centre_breaks_a_shift() -> None:
    values = [10, 12, 10, 12, 10, 12, 10, 12, 12, 12, 11, 12, 12, 12, 12]
    chart = xmr(series(*values), fix_after=8)  # centre exactly 11
    assert chart.points[10].value == chart.points[10].centre == 11
    assert flagged(chart, "shift") == []  # 3 above, the centre, 4 above: never 7


def test_a_trend_is_six_strict_rises_and_an_equal_pair_breaks_it() -> None:
    rising = xmr(series(5, 1, 2, 3, 4, 5, 6, 7, 3))
    assert flagged(rising, "trend") == [1, 2, 3, 4, 5, 6, 7]
    tied = xmr(series(5, 1, 2, 3, 3, 4, 5, 6, 7))
    assert flagged(tied, "trend") == []
    falling = xmr(series(9, 8, 7, 6, 5, 4, 3), improvement="increase")
    assert flagged(falling, "trend") == list(range(7))
    assert falling.points[3].point_type == "special_cause_concern"


def test_the_turning_point_of_two_trends_is_in_both_and_counts_as_improvement() -> None:
    """The top of a rise of 7 is the first of a fall of 7: flagged both ways, and a point
    signalling both ways is an improvement (the issue's rule), whichever way is better."""
    values = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
    for improvement in ("increase", "decrease"):
        chart = xmr(series(*values), improvement=improvement)
        assert flagged(chart, "trend") == list(range(13))
        assert chart.points[6].sides == {1, -1}
        assert chart.points[6].point_type == "special_cause_improvement"
    assert run_chart(series(*values)).points[6].sides == {1, -1}


def test_two_of_three_beyond_the_near_line_flags_only_those_points() -> None:
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10.6, 12.4, 12.5, 10]
    chart = xmr(series(*values), fix_after=10)  # centre 10.5, MR 1: near 12.273, upper 13.16
    assert flagged(chart, "two_of_three") == [11, 12]
    assert flagged(chart, "outside_limits") == []


def test_two_of_three_counts_points_beyond_the_process_limits_too() -> None:
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 12.5, 10.8, 14]
    chart = xmr(series(*values), fix_after=10)
    assert flagged(chart, "outside_limits") == [12]
    assert flagged(chart, "two_of_three") == [10, 12]


def test_a_flat_series_has_zero_width_limits_and_no_false_alarm() -> None:
    chart = xmr(series(*[4.0] * 15))
    assert chart.points[0].upper == chart.points[0].lower == 4.0
    assert rules(chart) == [[]] * 15


def test_rebase_starts_new_limits_and_signals_stay_within_their_group() -> None:
    values = [10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21]
    chart = xmr(series(*values), rebase=[START + dt.timedelta(weeks=6)])
    assert chart.points[0].centre == pytest.approx(10.5)
    assert chart.points[6].centre == pytest.approx(20.5)
    assert rules(chart) == [[]] * 12, "no shift across the rebase: each group is its own"


def test_screening_drops_a_huge_moving_range_once() -> None:
    values = [10, 11, 10, 11, 10, 11, 10, 40, 10, 11, 10, 11]
    plain, screened = xmr(series(*values)), xmr(series(*values), screen_outliers=True)
    assert screened.points[0].upper < plain.points[0].upper


@pytest.mark.parametrize(("target", "improvement", "expected"), [
    (30, "increase", "consistent_fail"), (5, "increase", "consistent_pass"),
    (12, "increase", "inconsistent"), (30, "decrease", "consistent_pass"),
    (5, "decrease", "consistent_fail"), (12, "neutral", None),
])  # fmt: skip
def test_assurance_against_a_target_on_each_side(target, improvement, expected) -> None:
    chart = xmr(series(10, 12, 11, 13, 9, 11, 10, 12, 11, 13, 9, 11), improvement, target)
    assert chart.assurance == expected


@given(st.lists(st.integers(-50, 50), min_size=3, max_size=40), st.integers(-1000, 1000))
def test_adding_a_constant_moves_the_limits_and_keeps_the_signals(values, shift) -> None:
    a = xmr(series(*values))
    b = xmr(series(*[v + shift for v in values]))
    assert rules(a) == rules(b)
    assert b.points[0].upper == pytest.approx(a.points[0].upper + shift)


@given(st.lists(st.integers(-50, 50), min_size=3, max_size=40))
def test_reversing_the_direction_swaps_improvement_and_concern(values) -> None:
    up, down = xmr(series(*values), "increase"), xmr(series(*values), "decrease")
    swap = {"special_cause_improvement": "special_cause_concern",
            "special_cause_concern": "special_cause_improvement"}  # fmt: skip
    for a, b in zip(up.points, down.points, strict=True):
        if len(a.sides) == 1:  # a point signalling both ways is improvement both times
            assert swap.get(a.point_type, a.point_type) == b.point_type


# -- run charts ------------------------------------------------------------------------------------
def test_the_published_example_of_too_few_runs() -> None:
    """Balestracci, Quality Digest, October 2008: 16 points, 7 above the median, 7 below, one
    above, one below: 4 runs where 5 to 12 are expected by chance (his table), so too few."""
    values = [20, 21, 22, 20, 21, 22, 20, 10, 11, 12, 10, 11, 12, 10, 21, 11]
    chart = run_chart(series(*values))
    assert (chart.useful_observations, chart.runs, chart.runs_signal) == (16, 4, "too_few")
    assert flagged(chart, "shift") == list(range(14)), "both runs of seven are shifts"


def test_run_chart_shift_skips_points_on_the_median() -> None:
    values = [1, 9, 1, 9, 5, 7, 8, 5, 7, 8, 9, 1, 2, 3]
    chart = run_chart(series(*values))
    assert chart.median == 6
    assert flagged(chart, "shift") == [], "5 above only (the 5s are below)"
    chart = run_chart(series(*[1, 2, 1, 6, 7, 8, 6, 9, 9, 9, 7, 2, 3, 6]))
    assert chart.median == 6
    assert flagged(chart, "shift") == [4, 5, 7, 8, 9, 10], "six above, the 6 between skipped"


def test_run_chart_trend_is_five_with_equal_neighbours_counted_once() -> None:
    assert flagged(run_chart(series(9, 1, 2, 3, 4, 5, 0)), "trend") == [1, 2, 3, 4, 5]
    assert flagged(run_chart(series(9, 1, 2, 2, 3, 4, 0)), "trend") == [], "only 4 distinct"
    assert flagged(run_chart(series(9, 1, 2, 2, 3, 4, 5, 0)), "trend") == [1, 2, 3, 4, 5, 6]


def test_too_many_runs() -> None:
    chart = run_chart(series(*[1, 9] * 10))
    assert (chart.runs, chart.runs_signal) == (20, "too_many")
