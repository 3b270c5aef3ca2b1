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
