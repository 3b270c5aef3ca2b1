"""Culture library figures: search as you type over 10,000 activities, and a 100-card Kudos PDF.

    python benchmarks/culture.py [--activities 10000]

Budgets (from the culture issue): at most 10 ms a keystroke, at most 1 s for 100 Kudos cards.
Baseline run alongside: a plain substring test over the same titles (the least any search costs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.culture.culture import CultureFilter, search
from mnhsc_desktop.core.culture.kudos import KudosCard
from mnhsc_desktop.core.store.paths import shipped_content_dir


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--activities", type=int, default=10000)
    args = parser.parse_args()
    shipped = load_content(shipped_content_dir()).culture.activities
    activities = tuple(
        replace(
            shipped[n % len(shipped)],
            id=f"activity-{n}",
            title=f"{shipped[n % len(shipped)].title} {n}",
        )
        for n in range(args.activities)
    )
    for activity in activities:
        _ = activity.search_text  # folded once, as the tab does when it first shows them
    typed = ["h", "hu", "hud", "hudd", "huddl", "huddle", "", "c", "ci", "civ", "civil"]
    filters = [CultureFilter(text=t, who="team") for t in typed]

    def keystrokes() -> list[float]:
        times = []
        for where in filters:
            started = time.perf_counter()
            search(activities, where)
            times.append(time.perf_counter() - started)
        return times

    per_key = statistics.median(keystrokes() + keystrokes() + keystrokes())
    titles = [a.title.casefold() for a in activities]
    baseline = statistics.median(_plain(titles, t) for t in typed if t)
    print(f"{args.activities} activities; medians")
    verdict = "within budget" if per_key <= 0.010 else "OVER BUDGET"
    print(
        f"search per keystroke      {per_key * 1000:7.2f} ms   <= 10 ms     {verdict}  (plain title scan: {baseline * 1000:.2f} ms)"
    )

    from PySide6.QtGui import QGuiApplication

    from mnhsc_desktop.ui.culture.kudos_pdf import kudos_pdf

    _app = QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        cards = [KudosCard("Sam on Ward 5", "Jane", "Calm help at a busy handover")] * 100

        def pdf() -> float:
            started = time.perf_counter()
            kudos_pdf(cards, 8, Path(folder) / "kudos.pdf")
            return time.perf_counter() - started

        seconds = statistics.median(pdf() for _ in range(3))
        verdict = "within budget" if seconds <= 1.0 else "OVER BUDGET"
        print(f"100 Kudos cards to PDF    {seconds * 1000:7.0f} ms   <= 1000 ms   {verdict}")
    return 0


def _plain(titles: list[str], text: str) -> float:
    started = time.perf_counter()
    _ = [t for t in titles if text in t]
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
