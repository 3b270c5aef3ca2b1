"""Revalidation figures for three years of a heavy user: 2,000 CPD entries, 1,000 practice-hour
rows, 50 pieces of feedback and 50 reflective accounts.

    python benchmarks/revalidation.py [--cpd 2000] [--hours 1000]

Budgets (from the revalidation issue): open the area <= 100 ms, status <= 20 ms, pack PDF
<= 2 s, import of a 2,000-row .xlsx <= 2 s. Baselines run alongside, and each figure is also
given as a ratio to its baseline (machines are noisy; ratios much less so): a plain table of the
same rows (what any view of them costs), one pass summing the stored minutes (what any count
costs), Qt laying out the rows as plain text (what any PDF costs) and openpyxl reading the file
alone (what any .xlsx import costs). Medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from measure import median_seconds

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.revalidation.entries import (
    Account,
    CpdEntry,
    FeedbackEntry,
    HoursEntry,
    add_entries,
)
from mnhsc_desktop.core.revalidation.pack import pack_document
from mnhsc_desktop.core.revalidation.portfolio import Portfolio
from mnhsc_desktop.core.revalidation.spreadsheet import plan_import
from mnhsc_desktop.core.revalidation.status import revalidation_status, status_now
from mnhsc_desktop.core.store.paths import shipped_content_dir
from mnhsc_desktop.core.store.store import Store

TEXT = "A sentence or two about what this was and how it relates to my practice."


def heavy_store(folder: Path, cpd: int, hours: int) -> Store:
    store = Store.open(folder)
    today = dt.date.today()
    store.set("profile", "revalidation_due", (today + dt.timedelta(days=30)).isoformat())
    day = lambda n: today - dt.timedelta(days=n % 1000)  # noqa: E731
    entries = [
        CpdEntry(f"c{n}", day(n), "Course", f"Topic {n}", TEXT, 60 + n % 120, n % 90,
                 "preserve-safety", "Certificate") for n in range(cpd)
    ] + [
        HoursEntry(f"h{n}", day(n) - dt.timedelta(days=7), day(n), 7.5, "North Trust", "Clinical",
                   "Labour ward", TEXT)
        for n in range(hours)
    ] + [FeedbackEntry(f"f{n}", day(n * 13), "A colleague", TEXT, TEXT) for n in range(50)] + [
        Account(f"a{n}", day(n * 17), TEXT, TEXT, TEXT, "practise-effectively") for n in range(50)
    ]  # fmt: skip
    add_entries(store, entries)
    store.save()
    return store


def spreadsheet(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["Date", "Method", "Topic", "Relevance to practice", "Hours",
                  "Participatory hours", "Code theme", "Evidence"])  # fmt: skip
    start = dt.datetime(2025, 1, 1)
    for n in range(rows):
        sheet.append([start + dt.timedelta(days=n % 700), "Course", f"Imported topic {n}", TEXT,
                      1.5, "1:30", "Preserve safety", "Certificate"])  # fmt: skip
    book.save(path)


def row(name: str, seconds: float, budget: float, baseline: float, what: str) -> None:
    verdict = "within budget" if seconds <= budget else "OVER BUDGET"
    print(f"{name:<24}{seconds * 1000:>9.1f} ms  <= {budget * 1000:>5.0f} ms  {verdict:<14}"
          f"{seconds / baseline:>6.1f}x {what} ({baseline * 1000:.1f} ms)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cpd", type=int, default=2000)
    parser.add_argument("--hours", type=int, default=1000)
    args = parser.parse_args()

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextDocument
    from PySide6.QtWidgets import QApplication, QTableView

    from mnhsc_desktop.ui.revalidation.tab import RevalidationTab
    from mnhsc_desktop.ui.shell.pdf import document_to_pdf

    app = QApplication(sys.argv[:1])
    content = load_content(shipped_content_dir())
    activities = content.culture.activities
    with tempfile.TemporaryDirectory() as folder:
        store = heavy_store(Path(folder) / "data", args.cpd, args.hours)
        print(f"{args.cpd} CPD entries, {args.hours} practice-hour rows, 50 feedback, "
              "50 accounts; medians, and ratios to a baseline run alongside")  # fmt: skip
        portfolio, status = status_now(store, content.ladder, activities)

        def show_and_close(widget) -> None:
            widget.resize(1200, 800)
            widget.show()
            app.processEvents()
            widget.close()
            widget.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        def plain_table() -> None:
            model = QStandardItemModel(len(portfolio.cpd), 7)
            for r, entry in enumerate(portfolio.cpd):
                model.setItem(r, 0, QStandardItem(entry.topic))
            view = QTableView()
            view.setModel(model)
            show_and_close(view)

        open_area = lambda: show_and_close(RevalidationTab(store, content.ladder,  # noqa: E731
                                                           content.culture))  # fmt: skip
        open_area()  # warm Qt's caches once, as a first visit to another tab would
        plain_table()
        row("open the area", median_seconds(open_area, 7), 0.100,
            median_seconds(plain_table, 7), "a plain table of the CPD")  # fmt: skip

        def one_pass() -> float:
            return sum(v.get("minutes", 0) for _k, v in store.items("portfolio")
                       if isinstance(v, dict))  # fmt: skip

        status_seconds = median_seconds(
            lambda: revalidation_status(store, portfolio, status.period), 15
        )
        row("status", status_seconds, 0.020, median_seconds(one_pass, 15),
            "one pass summing minutes")  # fmt: skip
        fresh = median_seconds(lambda: status_now(store, content.ladder, activities), 7)
        row("status, read afresh", fresh, 0.100, median_seconds(one_pass, 15),
            "one pass summing minutes")  # fmt: skip

        def pack() -> None:
            portfolio, status = status_now(store, content.ladder, activities)
            document_to_pdf(pack_document(store, portfolio, status, ladder=content.ladder),
                            Path(folder) / "pack.pdf")  # fmt: skip

        rows = portfolio.in_period(status.period)
        plain = "\n".join(
            [f"{e.date} {e.method} {e.topic} {e.minutes}" for e in rows.cpd]
            + [f"{e.start} {e.end} {e.hours} {e.organisation}" for e in rows.hours]
        )
        row("pack PDF", median_seconds(pack, 3), 2.0,
            median_seconds(lambda: QTextDocument(plain).pageCount(), 3),
            "Qt laying out the rows as plain text")  # fmt: skip

        sheet = Path(folder) / "cpd.xlsx"
        spreadsheet(sheet, 2000)

        def openpyxl_alone() -> None:
            from openpyxl import load_workbook

            book = load_workbook(sheet, read_only=True, data_only=True)
            list(book.worksheets[0].iter_rows(values_only=True))
            book.close()

        imported = median_seconds(lambda: plan_import(sheet, "cpd", Portfolio.read(store)), 3)
        row("import a 2,000-row xlsx", imported, 2.0, median_seconds(openpyxl_alone, 3),
            "openpyxl reading it alone")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
