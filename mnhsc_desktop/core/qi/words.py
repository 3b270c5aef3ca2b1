"""Each signal of a chart said in words, as the chart shows it beside the dots: "points 14 to 20
(3 Jun to 15 Jul 2026): 7 above the centre line, a shift". Colour is never the only cue."""

from __future__ import annotations

from mnhsc_desktop.core.calendar.events import uk_date

RULE_WORDS = {
    "outside_limits": "outside the process limits",
    "shift": "a shift (a run on one side of the centre line)",
    "trend": "a trend (a run of points each higher, or each lower, than the last)",
    "two_of_three": "two of three points close to a limit",
}
TYPE_WORDS = {
    "special_cause_improvement": "improvement",
    "special_cause_concern": "concern",
    "special_cause_neutral": "a change",
    "common_cause": "common cause variation",
}


def signal_sentences(points, limit: int = 8) -> list[str]:
    """One sentence per stretch of points flagged by the same rule, in date order."""
    stretches: list[tuple[str, int, int]] = []
    for rule in RULE_WORDS:
        start = None
        for at, p in enumerate([*points, None]):
            on = p is not None and rule in p.rules
            if on and start is None:
                start = at
            elif not on and start is not None:
                stretches.append((rule, start, at - 1))
                start = None
    stretches.sort(key=lambda s: (s[1], s[0]))
    sentences = []
    for rule, first, last in stretches[:limit]:
        kind = TYPE_WORDS.get(getattr(points[first], "point_type", ""), "")
        where = (f"point {first + 1} ({uk_date(points[first].x, weekday=False)})" if first == last
                 else f"points {first + 1} to {last + 1} ({uk_date(points[first].x, weekday=False)}"
                 f" to {uk_date(points[last].x, weekday=False)})")  # fmt: skip
        sentences.append(f"{where}: {RULE_WORDS[rule]}" + (f", {kind}" if kind else ""))
    if len(stretches) > limit:
        sentences.append(f"…and {len(stretches) - limit} more")
    return sentences


VARIATION_WORDS = {
    "common_cause": "common cause: no sign of change",
    "special_cause_improvement": "special cause, improvement",
    "special_cause_concern": "special cause, concern",
    "special_cause_neutral": "special cause (neither direction is better)",
}
ASSURANCE_WORDS = {
    "consistent_pass": "the process will consistently meet the target (it lies outside the "
    "limits on the good side)",
    "consistent_fail": "the process will consistently miss the target unless something "
    "changes (it lies outside the limits on the wrong side)",
    "inconsistent": "the process will sometimes meet the target and sometimes not (it lies "
    "between the limits)",
}


def chart_sentences(chart, markers: list[tuple] = ()) -> list[str]:
    """Everything the chart says, in words, for the lines beneath it and the data table: each
    signal, too few or too many runs, trial limits, variation and assurance, and the markers."""
    sentences = signal_sentences(chart.points)
    if hasattr(chart, "runs_signal"):
        if chart.runs_signal:
            few = chart.runs_signal == "too_few"
            sentences.append(
                f"{'too few' if few else 'too many'} runs: {chart.runs} in {chart.useful_observations} "
                "points not on the median, a sign of a non-random pattern"
            )
        elif chart.useful_observations < 10 and chart.points:
            sentences.append(
                f"runs are judged from 10 points not on the median (there are "
                f"{chart.useful_observations} so far)"
            )
    elif chart.points:
        if any(p.trial for p in chart.points):
            sentences.append(
                "trial limits: fewer than 12 points set them, so they will move as data come in"
            )
        sentences.append(f"variation: {VARIATION_WORDS.get(chart.variation, chart.variation)}")
        if chart.assurance:
            sentences.append(f"assurance: {ASSURANCE_WORDS[chart.assurance]}")
    first, last = (chart.points[0].x, chart.points[-1].x) if chart.points else (None, None)
    for number, (day, label) in enumerate(markers, start=1):
        outside = "" if first is None or first <= day <= last else ", outside the chart's dates"
        sentences.append(f"marker {number} ({uk_date(day, weekday=False)}{outside}): {label}")
    return sentences
