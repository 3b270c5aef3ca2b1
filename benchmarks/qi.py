"""QI chart figures: the signals of an XmR and a run chart of 10,000 points.

    python benchmarks/qi.py [--points 10000]

Budget (from the QI projects issue): signals for 10,000 points <= 20 ms. Baseline run alongside:
one pass computing the mean and the moving ranges of the same values (the least any XmR chart
costs in Python). Medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sys

from measure import median_seconds

from mnhsc_desktop.core.qi.spc import run_chart, xmr


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--points", type=int, default=10_000)
    args = parser.parse_args()
    chooser = random.Random(2017)
    start = dt.date(2000, 1, 1)
    data = [(start + dt.timedelta(days=n), 50 + chooser.gauss(0, 5) + (8 if n > args.points // 2
             else 0)) for n in range(args.points)]  # fmt: skip
    values = [v for _d, v in data]

    def baseline() -> None:
        mean = sum(values) / len(values)
        ranges = [abs(b - a) for a, b in itertools.pairwise(values)]
        _ = mean, sum(ranges) / len(ranges)

    base = median_seconds(baseline, 15)
    print(
        f"{args.points:,} points; medians, and ratios to one pass over the values ({base * 1000:.1f} ms)"
    )
    for name, action in (("XmR signals", lambda: xmr(data, "increase", 60)),
                         ("run chart signals", lambda: run_chart(data))):  # fmt: skip
        seconds = median_seconds(action, 7)
        verdict = "within budget" if seconds <= 0.020 else "OVER BUDGET"
        print(f"{name:<20}{seconds * 1000:8.1f} ms  <= 20 ms  {verdict:<14}{seconds / base:5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
