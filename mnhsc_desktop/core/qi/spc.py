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

from mnhsc_desktop.core.collector import collector_waiting

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
XMR_RULES = ("outside_limits", "shift", "trend", "two_of_three")


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

    def __init__(self, x: dt.date, value: float, limits: Limits = _NO_LIMITS,
                 rules: tuple[str, ...] = (), sides: frozenset[int] = frozenset(),
                 point_type: str = "common_cause") -> None:  # fmt: skip
        self.x, self.value, self.limits = x, value, limits
        self.rules, self.sides, self.point_type = rules, sides, point_type

    centre = property(lambda self: self.limits.centre)
    upper = property(lambda self: self.limits.upper)
    lower = property(lambda self: self.limits.lower)
    near_upper = property(lambda self: self.limits.near_upper)
    near_lower = property(lambda self: self.limits.near_lower)
    trial = property(lambda self: self.limits.trial)


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


# -- shared: the rules work on lists of values; each gives {index: side} for the points it flags --
# A side is +1 (above, or rising) or -1 (below, or falling); BOTH is a trend's turning point, the
# last of one trend and the first of the next. Points are made once, at the end, and only the few
# that signal are given rules.
Flags = dict[int, int]
BOTH = 0


def _group_bounds(xs: list[dt.date], rebase: list[dt.date]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive points, a new one from each rebase date."""
    starts = set(rebase)
    cuts = [0, *(at for at in range(1, len(xs)) if xs[at] in starts), len(xs)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _sides(values: list[float], centre: float) -> list[int]:
    return [(v > centre) - (v < centre) for v in values]


def _shift(sides: list[int], length: int, skip_on_centre: bool, offset: int = 0) -> Flags:
    """`length` or more in a row on one side. On the centre: a break (XmR), or skipped,
    neither adding nor breaking (run chart)."""
    flags: Flags = {}
    counted = [at for at, side in enumerate(sides) if side] if skip_on_centre else range(len(sides))
    for side, run in itertools.groupby(counted, key=sides.__getitem__):
        if side:
            run = list(run)
            if len(run) >= length:
                flags.update(dict.fromkeys([at + offset for at in run], side))
    return flags


def _trend(values: list[float], length: int, ties_break: bool, offset: int = 0) -> Flags:
    """`length` points each strictly above (or below) the one before. An equal pair breaks it
    (XmR), or counts once (run chart: the second of the pair joins without adding)."""
    flags: Flags = {}
    first, counted, direction = 0, 1, 0
    for at in range(1, len(values) + 1):
        step = 0
        if at < len(values):
            before, here = values[at - 1], values[at]
            step = (here > before) - (here < before)
            if step and step == direction:
                counted += 1
                continue
            if not step and direction and not ties_break:
                continue  # an equal neighbour: in the trend, but not another point of it
        if direction and counted >= length:
            turning = flags.get(first + offset, direction) != direction
            flags.update(dict.fromkeys(range(first + offset, at + offset), direction))
            if turning:
                flags[first + offset] = BOTH
        first, counted, direction = (at - 1, 2, step) if step else (at, 1, 0)
    return flags


def _points(xs: list[dt.date], values: list[float], limits: list[Limits],
            columns: dict[str, Flags], improvement: str | None) -> list[Point]:  # fmt: skip
    """One Point per value; the flagged ones get their rules (in the order the rules are named)
    and, on an XmR chart (an `improvement` given), their type: run chart points have none.

    A flagged point's rules, sides and type follow from its side under each rule, and few such
    combinations occur, so each is worked out once."""
    points = [Point(x, v, bounds) for x, v, bounds in zip(xs, values, limits, strict=True)]
    flagged = list(set().union(*columns.values()))
    meanings: dict[tuple, tuple] = {}
    combinations = zip(*(map(flags.get, flagged) for flags in columns.values()), strict=True)
    for at, combination in zip(flagged, combinations, strict=True):
        meaning = meanings.get(combination)
        if meaning is None:
            meaning = meanings[combination] = _meaning(list(columns), combination, improvement)
        point = points[at]
        point.rules, point.sides, point.point_type = meaning
    return points


def _meaning(rules: list[str], sides: tuple[int | None, ...],
             improvement: str | None) -> tuple[tuple[str, ...], frozenset[int], str]:  # fmt: skip
    """The rules flagging a point, the sides they flag it on, and the point's type."""
    named = tuple(rule for rule, side in zip(rules, sides, strict=True) if side is not None)
    ways = {side for side in sides if side is not None}
    ways = (ways | {1, -1}) - {BOTH} if BOTH in ways else ways
    better = {"increase": 1, "decrease": -1}.get(improvement or "")
    kind = ("common_cause" if improvement is None else "special_cause_neutral" if better is None
            else "special_cause_improvement" if better in ways else "special_cause_concern")  # fmt: skip
    return named, frozenset(ways), kind


# -- XmR ------------------------------------------------------------------------------------------
def _mean_mr(values: list[float], screen: bool) -> float:
    ranges = [abs(b - a) for a, b in itertools.pairwise(values)]
    if not ranges:
        return 0.0
    mean = sum(ranges) / len(ranges)
    if screen:  # once: drop the moving ranges far above the rest, and average again
        kept = [r for r in ranges if r < MR_SCREEN * mean]
        mean = sum(kept) / len(kept) if kept else mean
    return mean


@collector_waiting()  # 10,000 points: the collector's passes cost more than the rules
def xmr(data: list[tuple[dt.date, float]], improvement: str = "neutral",
        target: float | None = None, rebase: list[dt.date] | None = None,
        fix_after: int | None = None, screen_outliers: bool = False) -> XmrChart:  # fmt: skip
    if improvement not in DIRECTIONS:
        raise ValueError(f"improvement should be one of {', '.join(DIRECTIONS)}")
    xs = [x for x, _v in data]
    values = [float(v) for _x, v in data]
    limits: list[Limits] = []
    columns: dict[str, Flags] = {rule: {} for rule in XMR_RULES}
    for start, end in _group_bounds(xs, rebase or []):
        group = values[start:end]
        baseline = group[:fix_after] if fix_after else group
        centre = sum(baseline) / len(baseline)
        spread = MR_TO_LIMITS * _mean_mr(baseline, screen_outliers)
        bounds = Limits(centre, centre + spread, centre - spread, centre + spread * 2 / 3,
                        centre - spread * 2 / 3, len(baseline) < TRIAL_BELOW)  # fmt: skip
        limits += [bounds] * len(group)
        sides = _sides(group, centre)
        columns["outside_limits"].update(_beyond(group, bounds.upper, bounds.lower, start))
        columns["shift"].update(_shift(sides, XMR_SHIFT, skip_on_centre=False, offset=start))
        columns["trend"].update(_trend(group, XMR_TREND, ties_break=True, offset=start))
        near = _beyond(group, bounds.near_upper, bounds.near_lower, 0)
        columns["two_of_three"].update(_two_of_three(sides, near, start))
    points = _points(xs, values, limits, columns, improvement)
    last = points[-1] if points else None
    variation = last.point_type if last else "common_cause"
    return XmrChart(points, variation, _assurance(last, improvement, target))


def _beyond(values: list[float], upper: float, lower: float, offset: int) -> Flags:
    """The points above `upper` (+1) or below `lower` (-1)."""
    return {at + offset: side for at, v in enumerate(values) if (side := (v > upper) - (v < lower))}


def _two_of_three(sides: list[int], beyond: Flags, offset: int) -> Flags:
    """2 of 3 in a row beyond a near line on one side, all 3 on that side of the centre; only
    the points beyond the near line are flagged (beyond the process limits counts too).

    Such a window holds two neighbours among the points beyond the lines, on one side and at
    most two apart (a point between them beyond the other line would be on the other side of
    the centre), so only those pairs are looked at, with the one point that completes them."""
    flags: Flags = {}
    for a, b in itertools.pairwise(beyond):
        side = beyond[a]
        if beyond[b] != side:
            continue
        if b - a == 1:
            third = (a > 0 and sides[a - 1] == side) or (
                b + 1 < len(sides) and sides[b + 1] == side
            )
        else:
            third = b - a == 2 and sides[a + 1] == side
        if third:
            flags[a + offset] = flags[b + offset] = side
    return flags


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
@collector_waiting()
def run_chart(data: list[tuple[dt.date, float]]) -> RunChart:
    xs = [x for x, _v in data]
    values = [float(v) for _x, v in data]
    median = statistics.median(values) if values else 0.0
    sides = _sides(values, median)
    columns = {"shift": _shift(sides, RUN_SHIFT, skip_on_centre=True),
               "trend": _trend(values, RUN_TREND, ties_break=False)}  # fmt: skip
    points = _points(xs, values, [Limits(median)] * len(values), columns, None)
    useful = [side for side in sides if side]
    runs = 1 + sum(1 for a, b in itertools.pairwise(useful) if a != b) if useful else 0
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
