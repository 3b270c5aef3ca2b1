"""Run charts and XmR charts, with the rules NHS England's Making Data Count (MDC) and the IHI
run chart guidance use, exactly: which points signal, which way, and what the limits are.

Pure arithmetic on a list of values (no numpy): signals for 10,000 points take milliseconds.
The rules are named as the command line and the JSON name them: outside_limits, shift, trend,
two_of_three (XmR); shift, trend (run chart), plus the number of runs against its table.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from dataclasses import dataclass

MR_TO_LIMITS = 2.66  # 3 / d2 (d2 = 1.128 for moving ranges of two)
MR_SCREEN = 3.267  # D4 for n = 2: a moving range this far above the mean is screened out
XMR_SHIFT, XMR_TREND = 7, 7  # points in a row (MDC)
RUN_SHIFT, RUN_TREND = 6, 5  # points (IHI run chart rules)
TRIAL_BELOW = 12  # fewer points than this: the limits are trial limits

# Too few or too many runs for the number of useful observations (not on the median), from
# Perla, Provost and Murray (2011), table 1: n -> (lowest, highest) expected by chance.
RUNS_TABLE = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12), 16: (5, 13),
    17: (5, 13), 18: (6, 14), 19: (6, 15), 20: (6, 16), 21: (7, 16), 22: (7, 17), 23: (7, 17),
    24: (8, 18), 25: (8, 18), 26: (9, 19), 27: (10, 19), 28: (10, 20), 29: (10, 20),
    30: (11, 21), 31: (11, 22), 32: (11, 22), 33: (11, 23), 34: (12, 23), 35: (13, 24),
    36: (13, 24), 37: (13, 25), 38: (14, 25), 39: (14, 26), 40: (15, 26), 41: (15, 27),
    42: (16, 27), 43: (16, 28), 44: (17, 28), 45: (17, 29), 46: (17, 30), 47: (18, 30),
    48: (18, 31), 49: (19, 31), 50: (19, 32), 51: (20, 32), 52: (20, 33), 53: (21, 33),
    54: (21, 34), 55: (22, 34), 56: (22, 35), 57: (23, 35), 58: (23, 36), 59: (24, 36),
    60: (24, 37),
}  # fmt: skip
DIRECTIONS = ("increase", "decrease", "neutral")


@dataclass(slots=True)
class Limits:
    """A rebase group's centre line and limits (the run chart has only its median)."""

    centre: float = 0.0
    upper: float | None = None
    lower: float | None = None
    near_upper: float | None = None
    near_lower: float | None = None
    trial: bool = False


_NO_LIMITS = Limits()


class Point:
    """One value, the limits of its group, and the rules it signals (none, mostly)."""

    __slots__ = ("limits", "point_type", "rules", "sides", "value", "x")
    NONE: tuple = ()  # most points signal nothing: they share one empty value until flagged

    def __init__(self, x: dt.date, value: float) -> None:
        self.x, self.value, self.limits = x, value, _NO_LIMITS
        self.rules: list[str] = Point.NONE  # type: ignore[assignment]
        self.sides: set[int] = Point.NONE  # type: ignore[assignment]
        self.point_type = "common_cause"

    centre = property(lambda self: self.limits.centre)
    upper = property(lambda self: self.limits.upper)
    lower = property(lambda self: self.limits.lower)
    near_upper = property(lambda self: self.limits.near_upper)
    near_lower = property(lambda self: self.limits.near_lower)
    trial = property(lambda self: self.limits.trial)

    def flag(self, rule: str, side: int) -> None:
        if self.rules is Point.NONE:
            self.rules, self.sides = [], set()
        if rule not in self.rules:
            self.rules.append(rule)
        self.sides.add(side)


@dataclass
class XmrChart:
    points: list[Point]
    variation: str
    assurance: str | None


@dataclass
class RunChart:
    points: list[Point]
    median: float
    runs: int
    useful_observations: int
    runs_signal: str | None


# -- XmR ------------------------------------------------------------------------------------------
def groups_of(points: list[Point], rebase: list[dt.date]) -> list[list[Point]]:
    """Consecutive points, a new group from each rebase date (one of the data's dates)."""
    groups: list[list[Point]] = [[]]
    starts = set(rebase)
    for point in points:
        if point.x in starts and groups[-1]:
            groups.append([])
        groups[-1].append(point)
    return [g for g in groups if g]


def _mean_mr(values: list[float], screen: bool) -> float:
    ranges = [abs(b - a) for a, b in itertools.pairwise(values)]
    if not ranges:
        return 0.0
    mean = sum(ranges) / len(ranges)
    if screen:  # once: drop the moving ranges far above the rest, and average again
        kept = [r for r in ranges if r < MR_SCREEN * mean]
        mean = sum(kept) / len(kept) if kept else mean
    return mean


def xmr(data: list[tuple[dt.date, float]], improvement: str = "neutral",
        target: float | None = None, rebase: list[dt.date] | None = None,
        fix_after: int | None = None, screen_outliers: bool = False) -> XmrChart:  # fmt: skip
    if improvement not in DIRECTIONS:
        raise ValueError(f"improvement should be one of {', '.join(DIRECTIONS)}")
    points = [Point(x, float(v)) for x, v in data]
    for group in groups_of(points, rebase or []):
        baseline = group[:fix_after] if fix_after else group
        values = [p.value for p in baseline]
        centre = sum(values) / len(values)
        spread = MR_TO_LIMITS * _mean_mr(values, screen_outliers)
        limits = Limits(centre, centre + spread, centre - spread, centre + spread * 2 / 3,
                        centre - spread * 2 / 3, len(baseline) < TRIAL_BELOW)  # fmt: skip
        for p in group:
            p.limits = limits
        _outside(group)
        _shift(group, XMR_SHIFT, skip_on_centre=False)
        _trend(group, XMR_TREND, ties_break=True)
        _two_of_three(group)
    for p in points:
        p.point_type = _point_type(p, improvement)
    last = points[-1] if points else None
    variation = last.point_type if last else "common_cause"
    return XmrChart(points, variation, _assurance(last, improvement, target))


def _outside(group: list[Point]) -> None:
    upper, lower = group[0].upper, group[0].lower
    for p in group:
        if p.value > upper:
            p.flag("outside_limits", +1)
        elif p.value < lower:
            p.flag("outside_limits", -1)


def _side(p: Point) -> int:
    return (p.value > p.centre) - (p.value < p.centre)


def _shift(group: list[Point], length: int, skip_on_centre: bool) -> None:
    """`length` or more in a row on one side. On the centre: a break (XmR), or skipped,
    neither adding nor breaking (run chart)."""
    run: list[Point] = []
    side = 0
    centre = group[0].centre if group else 0.0
    for p in [*group, None]:
        here = 0 if p is None else (p.value > centre) - (p.value < centre)
        if here == 0 and skip_on_centre and p is not None:
            continue
        if here and here == side:
            run.append(p)
            continue
        if len(run) >= length:
            for q in run:
                q.flag("shift", side)
        run, side = ([p], here) if here else ([], 0)


def _trend(group: list[Point], length: int, ties_break: bool) -> None:
    """`length` points each strictly above (or below) the one before. An equal pair breaks it
    (XmR), or counts once (run chart: the second of the pair joins without adding)."""
    best: list[Point] = []
    direction = 0
    counted = 0
    for previous, p in zip([None, *group], group, strict=False):
        step = 0 if previous is None else (p.value > previous.value) - (p.value < previous.value)
        if step != 0 and step == direction:
            best.append(p)
            counted += 1
        elif step == 0 and previous is not None and not ties_break and direction:
            best.append(p)  # an equal neighbour: in the trend, but not another point of it
        else:
            _flag_trend(best, counted, length, direction)
            best, counted = ([previous, p], 2) if previous is not None and step else ([p], 1)
            direction = step
    _flag_trend(best, counted, length, direction)


def _flag_trend(points: list[Point], counted: int, length: int, direction: int) -> None:
    if direction and counted >= length:
        for p in points:
            p.flag("trend", direction)


def _two_of_three(group: list[Point]) -> None:
    if not group:
        return
    centre, near_upper, near_lower = group[0].centre, group[0].near_upper, group[0].near_lower
    sides = [(p.value > centre) - (p.value < centre) for p in group]
    beyond = [(p.value > near_upper) - (p.value < near_lower) for p in group]  # +1, -1 or 0
    for start in range(len(group) - 2):
        side = sides[start]
        if side == 0 or sides[start + 1] != side or sides[start + 2] != side:
            continue  # all three on one side of the centre, or no signal here
        outside = [at for at in range(start, start + 3) if beyond[at] == side]
        if len(outside) >= 2:
            for at in outside:
                group[at].flag("two_of_three", side)


def _point_type(p: Point, improvement: str) -> str:
    if not p.rules:
        return "common_cause"
    if improvement == "neutral":
        return "special_cause_neutral"
    better = +1 if improvement == "increase" else -1
    return "special_cause_improvement" if better in p.sides else "special_cause_concern"


def _assurance(last: Point | None, improvement: str, target: float | None) -> str | None:
    """Can the process be relied on to meet the target? From the (latest) limits."""
    if last is None or target is None or improvement == "neutral":
        return None
    if improvement == "decrease":
        target, upper, lower = -target, -last.lower, -last.upper
    else:
        upper, lower = last.upper, last.lower
    if target > upper:
        return "consistent_fail"
    if target < lower:
        return "consistent_pass"
    return "inconsistent"


# -- run chart -------------------------------------------------------------------------------------
def run_chart(data: list[tuple[dt.date, float]]) -> RunChart:
    points = [Point(x, float(v)) for x, v in data]
    median = statistics.median([p.value for p in points]) if points else 0.0
    limits = Limits(median)
    for p in points:
        p.limits = limits
    _shift(points, RUN_SHIFT, skip_on_centre=True)
    _trend(points, RUN_TREND, ties_break=False)
    useful = [p for p in points if p.value != median]
    runs = 1 + sum(1 for a, b in itertools.pairwise(useful) if _side(a) != _side(b))
    runs = runs if useful else 0
    signal = None
    if len(useful) >= 10:
        low, high = (
            RUNS_TABLE[min(len(useful), 60)] if len(useful) <= 60 else _runs_limits(len(useful))
        )
        signal = "too_few" if runs < low else "too_many" if runs > high else None
    return RunChart(points, median, runs, len(useful), signal)


def _runs_limits(n: int) -> tuple[int, int]:
    """Beyond the table (60): the normal approximation the table's authors give."""
    mean = n / 2 + 1
    spread = 1.96 * (n * (n - 2) / (4 * (n - 1))) ** 0.5
    return round(mean - spread), round(mean + spread)
