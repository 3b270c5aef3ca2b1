"""Global search over 20,000 items: at most 16 ms a keystroke (one frame).

    python benchmarks/search.py [--items 20000]

Baseline run alongside: a plain substring test over the same titles (the least any search costs).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from measure import WORDS as PROGRAMME_WORDS

from mnhsc_desktop.core.search import SearchIndex, item

WORDS = [
    *PROGRAMME_WORDS,
    "café",
    "naïve",
    "Ysbyty",
]  # accents and Welsh: folding is part of the cost


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=20000)
    args = parser.parse_args()
    chooser = random.Random(2018)
    kinds = ("event", "subject", "resource", "activity")
    index = SearchIndex(
        item(
            kinds[n % 4],
            str(n),
            " ".join(chooser.sample(WORDS, 3)).capitalize() + f" {n}",
            " ".join(chooser.sample(WORDS, 6)),
        )
        for n in range(args.items)
    )
    typed = [
        "h",
        "hu",
        "hud",
        "hudd",
        "huddl",
        "huddle",
        "",
        "n",
        "ne",
        "neo",
        "neon",
        "neona",
        "",
        "cafe",
        "s",
        "sa",
    ]

    def keystrokes() -> list[float]:
        times = []
        for text in typed:
            started = time.perf_counter()
            index.find(text)
            times.append(time.perf_counter() - started)
        return times

    runs = keystrokes() + keystrokes() + keystrokes()
    per_key, worst = statistics.median(runs), max(runs)
    titles = [e.title_text for e in index.items]
    started = time.perf_counter()
    _ = [t for t in titles if "hu" in t]
    baseline = time.perf_counter() - started
    verdict = "within budget" if per_key <= 0.016 else "OVER BUDGET"
    print(f"{args.items} items; medians")
    print(
        f"search per keystroke   {per_key * 1000:6.2f} ms  (slowest {worst * 1000:.1f} ms)  <= 16 ms  {verdict}"
    )
    print(f"  baseline: plain title scan {baseline * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
