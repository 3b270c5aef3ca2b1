"""Signals said in words, stretch by stretch, as the chart shows them beside the dots."""

from __future__ import annotations

import datetime as dt

from mnhsc_desktop.core.qi.spc import xmr
from mnhsc_desktop.core.qi.words import signal_sentences


def test_each_stretch_of_a_rule_is_one_sentence() -> None:
    start = dt.date(2026, 6, 1)
    values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11] + [15] * 7
    chart = xmr([(start + dt.timedelta(weeks=n), v) for n, v in enumerate(values)],
                improvement="decrease", fix_after=12)  # fmt: skip
    said = signal_sentences(chart.points)
    assert said == [
        "points 12 to 19 (17 Aug 2026 to 5 Oct 2026): a shift (a run on one side of the centre "
        "line), concern",  # the 12th (11, above the centre of 10.5) starts the run of 8
        "points 13 to 19 (24 Aug 2026 to 5 Oct 2026): outside the process limits, concern",
        "points 13 to 19 (24 Aug 2026 to 5 Oct 2026): two of three points close to a limit, "
        "concern",
    ]
    assert signal_sentences(xmr([(start, 1.0), (start + dt.timedelta(days=1), 1.0)]).points) == []


def test_the_whole_chart_is_said_in_words_with_its_markers() -> None:
    from mnhsc_desktop.core.qi.spc import run_chart
    from mnhsc_desktop.core.qi.words import chart_sentences

    start = dt.date(2026, 6, 1)
    few = [(start + dt.timedelta(weeks=n), float(v)) for n, v in enumerate([1] * 8 + [9] * 8)]
    said = chart_sentences(run_chart(few), [(start, "PDSA 1: leaflet at booking")])
    assert "too few runs: 2 in 16 points not on the median, a sign of a non-random pattern" in said
    assert said[-1] == "marker 1 (1 Jun 2026): PDSA 1: leaflet at booking"
    short = xmr(few[:6], improvement="increase", target=100)
    said = chart_sentences(short)
    assert said[0].startswith("trial limits")
    assert said[-1].startswith("assurance: the process will consistently miss the target")
