"""What the benchmarks share: timing by medians, and the words their made-up data is built from."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

# Words of the programme, for made-up titles, notes and search keystrokes.
WORDS = [
    "safety", "huddle", "neonatal", "hypoglycaemia", "PDSA", "run", "chart", "learning", "set",
    "SCORE", "debrief", "sepsis",
]  # fmt: skip


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """The median wall time of `repeats` calls: one slow run on a noisy machine moves nothing."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
