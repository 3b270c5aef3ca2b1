"""QI chart figures: the signals of an XmR and a run chart of 10,000 points, a chart of 1,000
points repainted on screen, and a project on a page written as a PDF.

    QT_QPA_PLATFORM=offscreen python benchmarks/qi.py [--points 10000] [--against REV]

Budgets (from the QI projects issue): signals for 10,000 points <= 20 ms; a repaint with 1,000
points <= 16 ms; the project-on-a-page PDF <= 1 s. Baselines run alongside: one pass computing
the mean and the moving ranges of the same values (the least any XmR chart costs in Python);
QPainter drawing the same 1,000 points as a bare polyline into the same widget; an empty A4 PDF
page. Medians.

--against REV times the signals of the chart code as it was at git revision REV too, the two
taking turns in this one process (a noisy machine slows both alike): how a change to the rules'
code is judged.
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
    parser.add_argument("--against", metavar="REV", help="also time the chart code of this commit")
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
    if args.against:
        against(args.against, data)
    drawing(data)
    return 0


def against(revision: str, data) -> None:
    """The signals of this checkout and of `revision`'s spc.py, in turns, 21 rounds."""
    import importlib.util
    import statistics
    import subprocess
    import tempfile
    import time
    from pathlib import Path

    from mnhsc_desktop.core.qi import spc

    source = subprocess.run(["git", "show", f"{revision}:mnhsc_desktop/core/qi/spc.py"],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spc_then.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("spc_then", path)
        then = importlib.util.module_from_spec(spec)
        sys.modules["spc_then"] = then  # dataclasses look their module up while made
        spec.loader.exec_module(then)
    times: dict[str, list[float]] = {}
    for _ in range(21):
        for label, module in ((revision, then), ("this checkout", spc)):
            for chart, action in (("XmR", lambda m=module: m.xmr(data, "increase", 60)),
                                  ("run", lambda m=module: m.run_chart(data))):  # fmt: skip
                started = time.perf_counter()
                action()
                times.setdefault(f"{chart} signals, {label}", []).append(
                    time.perf_counter() - started
                )
    for name, seconds in times.items():
        print(f"{name:<36}{statistics.median(seconds) * 1000:8.1f} ms (median of 21, in turns)")


def drawing(data) -> None:
    """Repaint and page figures: Qt is loaded only here, after the pure-Python figures."""
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainter, QPolygonF
    from PySide6.QtWidgets import QApplication, QWidget

    from mnhsc_desktop.core.qi import projects as qp
    from mnhsc_desktop.ui.qi.chart_view import ChartView
    from mnhsc_desktop.ui.qi.page_commands import write_page_pdf
    from mnhsc_desktop.ui.shell.pdf import LAYOUT, paint_to_pdf

    app = QApplication.instance() or QApplication([])
    thousand = data[:1000]
    view = ChartView()
    view.resize(900, 520)
    view.show_chart(xmr(thousand, "increase", 60), "A measure", "%",
                    [(thousand[300][0], "PDSA 1"), (thousand[600][0], "PDSA 2")], 60)  # fmt: skip

    class Bare(QWidget):
        def paintEvent(self, _event) -> None:
            painter = QPainter(self)
            painter.drawPolyline(QPolygonF([QPointF(i * 0.9, v * 5) for i, (_d, v) in
                                            enumerate(thousand)]))  # fmt: skip
            painter.end()

    bare = Bare()
    bare.resize(900, 520)
    for widget in (view, bare):
        widget.show()
        app.processEvents()
    bare_time = median_seconds(bare.repaint, 15)
    seconds = median_seconds(view.repaint, 15)
    verdict = "within budget" if seconds <= 0.016 else "OVER BUDGET"
    print(f"{'repaint 1,000 points':<20}{seconds * 1000:8.1f} ms  <= 16 ms  {verdict:<14}"
          f"{seconds / bare_time:5.1f}x a bare polyline ({bare_time * 1000:.1f} ms)")  # fmt: skip

    project = qp.empty_project("Discharge before 11") | {
        "aim": "95% of women on the postnatal ward get discharge information before 11:00 by "
               "June 2027", "team": ["Ward manager", "Midwife"],
    }  # fmt: skip
    project["drivers"] = [{"id": str(n), "text": f"Driver line {n}", "depth": 1 + n % 3}
                          for n in range(24)]  # fmt: skip
    project["cycles"] = [qp.empty_cycle() | {"title": f"Cycle {n}"} for n in range(12)]
    project["measures"] = [qp.empty_measure(f"Measure {n}") | {
        "chart": "xmr", "data": [[d.isoformat(), v] for d, v in data[:104]]} for n in range(4)]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        page, empty = Path(folder) / "page.pdf", Path(folder) / "empty.pdf"
        empty_time = median_seconds(lambda: paint_to_pdf(empty, "x", LAYOUT, lambda _d: None), 5)
        seconds = median_seconds(lambda: write_page_pdf(page, project), 5)
    verdict = "within budget" if seconds <= 1.0 else "OVER BUDGET"
    print(f"{'project on a page':<20}{seconds * 1000:8.1f} ms  <= 1 s    {verdict:<14}"
          f"{seconds / empty_time:5.1f}x an empty PDF page ({empty_time * 1000:.1f} ms)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
