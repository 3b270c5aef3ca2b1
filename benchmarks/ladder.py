"""QI ladder figures with a heavy user: 5,000 completed items and 500 reflections.

    python benchmarks/ladder.py [--items 5000] [--reflections 500]

Budgets (from the ladder issue): open the tab <= 100 ms, save after a tick <= 20 ms, PDF export
(the revalidation pack) <= 2 s, CSV <= 200 ms. Baselines run alongside: json.dumps of the same state (what any save must
pay) and Qt laying out the same rows as plain text (what any PDF must pay). Medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from measure import median_seconds

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.ladder.ladder import (
    Completion,
    LadderFile,
    LadderResource,
    Period,
    mark_done,
)
from mnhsc_desktop.core.revalidation.pack import log_csv, pack_document
from mnhsc_desktop.core.revalidation.status import status_now
from mnhsc_desktop.core.store.paths import shipped_content_dir
from mnhsc_desktop.core.store.store import Store

TYPES = ("watch", "read", "online-training", "attend", "apply", "register", "host")


def heavy_ladder(items: int) -> LadderFile:
    shipped = load_content(shipped_content_dir()).ladder
    subjects = [s.id for s in shipped.subjects]
    resources = tuple(
        LadderResource(
            id=f"resource-{n}",
            level=("learn", "living", "leading")[n % 3],
            type=TYPES[n % len(TYPES)],
            page_text=f"Resource {n}",
            title=f"Resource number {n} on quality improvement",
            description="A resource.",
            minutes=15 + n % 90,
            subjects=(subjects[n % len(subjects)],),
        )
        for n in range(items)
    )
    return LadderFile(1, shipped.note, shipped.credit, shipped.levels, shipped.subjects, resources)


def heavy_store(folder: Path, ladder: LadderFile, reflections: int) -> Store:
    store = Store.open(folder)
    start = dt.date.today() - dt.timedelta(days=1000)
    for n, resource in enumerate(ladder.resources):
        reflective = n < reflections
        mark_done(store, Completion(
            resource.id, start + dt.timedelta(days=n % 1000), resource.minutes, n % 4 == 0,
            "What I learned, in a sentence or two." if reflective else "",
            "How my practice changed as a result." if reflective else "",
            "preserve-safety" if reflective else None,
        ))  # fmt: skip
    store.save()
    return store


def row(name: str, seconds: float, budget: float | None, note: str = "") -> None:
    verdict = "" if budget is None else ("within budget" if seconds <= budget else "OVER BUDGET")
    limit = "" if budget is None else f"<= {budget * 1000:.0f} ms"
    print(f"{name:<30}{seconds * 1000:>9.1f} ms   {limit:<12}{verdict:<15}{note}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--reflections", type=int, default=500)
    args = parser.parse_args()

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from mnhsc_desktop.ui.ladder.tab import LadderTab
    from mnhsc_desktop.ui.shell.pdf import document_to_pdf

    app = QApplication(sys.argv[:1])
    ladder = heavy_ladder(args.items)
    with tempfile.TemporaryDirectory() as folder:
        store = heavy_store(Path(folder) / "data", ladder, args.reflections)
        print(f"{args.items} completed items, {args.reflections} reflections; medians")

        def open_tab() -> None:
            tab = LadderTab(ladder, store)
            tab.resize(1200, 800)
            tab.show()
            app.processEvents()
            tab.close()
            tab.deleteLater()
            # processEvents() leaves deferred deletes alone; a tab left alive would redraw on
            # every tick below and be counted.
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        open_tab()  # warm Qt's caches once, as a user's first visit to another tab would
        row("open the tab", median_seconds(open_tab, 7), 0.100)

        tab = LadderTab(ladder, store)  # open, as in the app: a tick also redraws the tab
        tab.show()
        app.processEvents()
        state = store.snapshot()
        baseline = median_seconds(lambda: json.dumps(state, ensure_ascii=False), 7)
        ticked = median_seconds(
            lambda: mark_done(store, Completion("resource-7", dt.date.today(), 20, True)), 15
        )
        row("tick (store and redraw)", ticked, 0.020)

        def tick_and_save() -> None:
            mark_done(store, Completion("resource-7", dt.date.today(), 20, True))
            store.save()

        saved = median_seconds(tick_and_save, 15) - ticked
        row("save after a tick", saved, 0.020, f"(serialising alone: {baseline * 1000:.1f} ms)")

        period = Period(dt.date.today() - dt.timedelta(days=1100), dt.date.today())
        portfolio, _status = status_now(store, ladder, (), period)
        rows = portfolio.in_period(period).cpd
        csv_seconds = median_seconds(
            lambda: (Path(folder) / "r.csv").write_bytes(
                log_csv("cpd", status_now(store, ladder, (), period)[0].in_period(period))
            ),
            5,
        )
        row("CSV export", csv_seconds, 0.200, f"({len(rows)} rows)")

        def pdf() -> None:
            portfolio, status = status_now(store, ladder, (), period)
            document_to_pdf(pack_document(store, portfolio, status), Path(folder) / "r.pdf")

        pdf_seconds = median_seconds(pdf, 3)
        plain = "\n".join(f"{r.date} {r.method} {r.topic} {r.hours}" for r in rows)
        layout = median_seconds(lambda: QTextDocument(plain).pageCount(), 3)
        row(
            "PDF export",
            pdf_seconds,
            2.0,
            f"(Qt laying out the rows as plain text: {layout * 1000:.0f} ms)",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
