"""Calendar figures at scale (20,000 events), printed against their budgets and baselines.

    python benchmarks/calendar.py [--events 20000] [--only memory|files|window]

Budgets (from the calendar issues): import and export at most 1.3x icalendar's own parse and
write of the same file (run side by side), agenda re-filter per keystroke <= 16 ms (one frame),
month switch <= 30 ms with 500 repeating series beside the events, memory for the events
< 60 MiB above the empty app. The window's figures are taken once it has settled after opening
(its first layout passes repaint it whole for a moment). The agenda's baseline
is QSortFilterProxyModel filtering the same rows (the approach the agenda does not use).
Figures are medians; machines are noisy, so compare ratios rather than single runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from measure import WORDS, median_seconds

# This file is called calendar.py: keep its folder off the import path, or `import calendar`
# anywhere (the standard library's, used by strptime) would find this file instead.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from mnhsc_desktop.core.calendar.calendar import Calendar, save_events  # noqa: E402 - after the path fix
from mnhsc_desktop.core.calendar.events import KINDS, Event, Repeat  # noqa: E402 - after the path fix
from mnhsc_desktop.core.calendar.ics.exporter import export_calendar  # noqa: E402 - after the path fix
from mnhsc_desktop.core.calendar.ics.import_plan import apply_import, plan_import  # noqa: E402 - after the path fix
from mnhsc_desktop.core.store.store import Store  # noqa: E402 - after the path fix

PLACES = ["Bristol", "Exeter", "London", "Manchester", "Online", "Truro", "Taunton", "Bath"]


def make_events(count: int) -> list[Event]:
    chooser = random.Random(2018)
    kinds = sorted(KINDS)
    events = []
    for number in range(count):
        start = dt.date(2018, 1, 1) + dt.timedelta(days=chooser.randrange(0, 365 * 4))
        timed = chooser.random() < 0.6
        hour = chooser.randrange(8, 17)
        title = " ".join(chooser.sample(WORDS, 3)).capitalize() + f" {number}"
        events.append(
            Event(
                uid=f"bench-{number}@mnhsc-desktop",
                title=title,
                kind=chooser.choice(kinds),
                start=start,
                end=start + dt.timedelta(days=chooser.choice([0, 0, 0, 1, 2]))
                if not timed
                else start,
                start_time=dt.time(hour) if timed else None,
                end_time=dt.time(hour + 1) if timed else None,
                location=chooser.choice(PLACES),
                notes=(
                    f"Bring the {chooser.choice(WORDS)} notes; ask about {chooser.choice(WORDS)}.",
                ),
                origin="imported",
            )
        )
    return events


def make_series(count: int) -> list[Event]:
    """Repeating series of the shapes wards use: weekly with no end, Mon/Wed/Fri for 300,
    the 2nd Tuesday monthly, every other day until a date, and an imported Tue/Thu rule in New
    York's zone (repeated in its own zone, shown at UK times)."""
    chooser = random.Random(2019)
    series = []
    for number in range(count):
        start = dt.date(2024, 1, 1) + dt.timedelta(days=chooser.randrange(0, 700))
        fields = dict(uid=f"series-{number}@mnhsc-desktop", title=f"Ward meeting {number}",
                      kind="meeting", start=start, end=start, start_time=dt.time(9),
                      end_time=dt.time(10), origin="local")  # fmt: skip
        shape = number % 5
        if shape == 3:
            fields.update(rule="FREQ=WEEKLY;BYDAY=TU,TH", zone="America/New_York",
                          zone_start=dt.datetime.combine(start, dt.time(9)), origin="imported")  # fmt: skip
        else:
            fields["repeat"] = [Repeat("weekly"), Repeat("weekly", byday="MO,WE,FR", count=300),
                                Repeat("monthly", byday="2TU"), None,
                                Repeat("daily", interval=2, until=start + dt.timedelta(days=900))
                                ][shape]  # fmt: skip
        series.append(Event(**fields))
    return series


def row(name: str, value: str, budget: str, verdict: bool | None, note: str = "") -> None:
    mark = "" if verdict is None else ("within budget" if verdict else "OVER BUDGET")
    print(f"{name:<34}{value:>12}   {budget:<12}{mark:<15}{note}")


def icalendar_writes(icalendar, events: list[Event]) -> bytes:
    """icalendar's own way of writing the same events: add() each property, then to_ical."""
    from zoneinfo import ZoneInfo

    london, stamp = ZoneInfo("Europe/London"), dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    for e in events:
        v = icalendar.Event()
        for name, value in (("uid", e.uid), ("dtstamp", stamp), ("sequence", e.sequence),
                            ("summary", e.title), ("categories", [e.kind_label]),
                            ("x-mnhsc-kind", e.kind)):  # fmt: skip
            v.add(name, value)
        if e.start_time is None:
            v.add("dtstart", e.start)
            v.add("dtend", e.end + dt.timedelta(days=1))
        else:
            v.add("dtstart", dt.datetime.combine(e.start, e.start_time, london))
        if e.location:
            v.add("location", e.location)
        for note in e.notes:
            v.add("x-mnhsc-note", note)
        calendar.add_component(v)
    return calendar.to_ical()


def export_calendar_file(events: list[Event], folder: Path) -> None:
    """bench.ics, which the import figures and the longest-pause figure read."""
    (folder / "bench.ics").write_bytes(export_calendar(events))


def core_figures(events: list[Event], folder: Path) -> None:
    """Import and export side by side with icalendar doing the same work on the same file (the
    issue's budget is a ratio: at most 1.3x icalendar's own parse and write)."""
    import icalendar

    path = folder / "bench.ics"
    export_seconds = median_seconds(lambda: path.write_bytes(export_calendar(events)), 3)
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    their_write = median_seconds(parsed.to_ical, 3)
    their_build = median_seconds(lambda: icalendar_writes(icalendar, events), 3)
    ratio = export_seconds / their_write
    row("export", f"{export_seconds * 1000:.0f} ms", "<= 1.3x", ratio <= 1.3,
        f"{ratio:.2f}x icalendar's to_ical of the same events ({their_write * 1000:.0f} ms); "
        f"{export_seconds / their_build:.2f}x icalendar making and writing them its own way "
        f"({their_build * 1000:.0f} ms)")  # fmt: skip

    def import_all() -> None:
        store = Store.open(Path(tempfile.mkdtemp(dir=folder)))
        apply_import(store, plan_import(path, Calendar([], [])))
        store.save()

    import_seconds = median_seconds(import_all, 3)
    their_parse = median_seconds(lambda: icalendar.Calendar.from_ical(path.read_bytes()), 3)
    ratio = import_seconds / their_parse
    row("import (read, plan, save)", f"{import_seconds * 1000:.0f} ms", "<= 1.3x", ratio <= 1.3,
        f"{ratio:.2f}x icalendar's from_ical of the same file ({their_parse * 1000:.0f} ms)")  # fmt: skip


def gui_figures(events: list[Event], folder: Path) -> None:
    from PySide6.QtCore import QSortFilterProxyModel
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from mnhsc_desktop.core.content.content import load_content
    from mnhsc_desktop.core.store.paths import shipped_content_dir
    from mnhsc_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(folder / "gui")
    save_events(store, events)
    window = MainWindow(load_content(shipped_content_dir()), store, QIcon())
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.show_calendar()
    app.processEvents()
    opened = time.perf_counter() - started
    row("open the calendar tab", f"{opened * 1000:.0f} ms", "", None, f"{len(events):,} events")
    tab = window.calendar_tab
    tab.mode.setCurrentIndex(2)
    settle(app)

    def type_and_clear() -> list[float]:
        times = []
        for text in ["n", "ne", "neo", "neon", "neona", "neonat", "", "s", "sa", "saf", "safe", ""]:
            started = time.perf_counter()
            tab.search.setText(text)
            app.processEvents()  # includes the repaint of the visible rows
            times.append(time.perf_counter() - started)
        return times

    typed = type_and_clear() + type_and_clear()
    keystroke = statistics.median(typed)
    worst = f"slowest {max(typed) * 1000:.1f} ms (first letter or cleared box: a full scan)"
    row(
        "agenda re-filter per keystroke",
        f"{keystroke * 1000:.1f} ms",
        "<= 16 ms",
        keystroke <= 0.016,
        worst,
    )

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(tab.model)
    proxy.setFilterKeyColumn(1)
    tab.search.setText("")
    app.processEvents()
    baseline = statistics.median(
        median_seconds(lambda text=text: proxy.setFilterFixedString(text), 1)
        for text in ["n", "ne", "neo", "s", "sa"]
    )
    row(
        "  baseline: proxy filterAcceptsRow",
        f"{baseline * 1000:.1f} ms",
        "",
        None,
        f"{baseline / keystroke:.1f}x the agenda's time",
    )

    started = time.perf_counter()
    save_events(store, make_series(500))  # the tab rebuilds its calendar from the store
    app.processEvents()
    added = time.perf_counter() - started
    row("  500 repeating series added", f"{added * 1000:.0f} ms", "", None,
        "saved and shown, each made as far as the whole calendar lists it")  # fmt: skip
    tab.mode.setCurrentIndex(1)
    tab.month_view.setCurrentPage(2026, 1)
    app.processEvents()

    def switch() -> None:
        tab.month_view.showNextMonth()
        app.processEvents()

    month = median_seconds(switch, 12)
    row(
        "switch month",
        f"{month * 1000:.1f} ms",
        "<= 30 ms",
        month <= 0.030,
        "with the 500 repeating series",
    )
    longest_gap(app, folder / "bench.ics")
    repaint_while_importing(app, tab, folder / "bench.ics")
    proxy.setSourceModel(None)
    window.close()
    window.deleteLater()
    app.processEvents()


def settle(app, seconds: float = 1.0) -> None:
    """Let a newly shown window finish its layout passes (each repaints it whole)."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.01)


def longest_gap(app, path: Path) -> None:
    """The window's longest pause while a 20,000-event file is read and previewed off it: a
    timer ticks every 5 ms on the GUI thread, and the widest gap between ticks is reported."""
    stamps = while_importing(path, 5, time.perf_counter)
    gap = max(b - a for a, b in itertools.pairwise(stamps))
    row("longest pause while importing", f"{gap * 1000:.0f} ms", "<= 50 ms", gap <= 0.050,
        f"{len(stamps)} ticks of 5 ms while the file was read")  # fmt: skip


def while_importing(path: Path, every_ms: int, tick) -> list:
    """Read and preview `path` off the window as an import does, calling `tick` on the window
    every `every_ms` meanwhile; what each call returned."""
    from PySide6.QtCore import QEventLoop, QTimer

    from mnhsc_desktop.ui.calendar.background import Worker

    results: list = []
    timer = QTimer()
    timer.timeout.connect(lambda: results.append(tick()))
    worker = Worker(lambda: plan_import(path, Calendar([], [])))
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    timer.start(every_ms)
    worker.start()
    loop.exec()
    timer.stop()
    worker.wait()
    return results


def repaint_while_importing(app, tab, path: Path) -> None:
    """The agenda scrolled and repainted every 50 ms while a file is read off the window: each
    painted cell calls Python, which the reading thread must hand over for."""
    tab.mode.setCurrentIndex(2)
    app.processEvents()
    bar = tab.table.verticalScrollBar()

    def repaint() -> float:
        bar.setValue((bar.value() + 20) % max(bar.maximum(), 1))
        started = time.perf_counter()
        tab.table.viewport().repaint()
        return time.perf_counter() - started

    quiet = statistics.median(repaint() for _ in range(20))
    times = while_importing(path, 50, repaint)
    during = statistics.median(times)
    row("agenda repaint while importing", f"{during * 1000:.1f} ms", "<= 50 ms", during <= 0.050,
        f"{during / quiet:.1f}x a quiet repaint ({quiet * 1000:.1f} ms); slowest "
        f"{max(times) * 1000:.0f} ms of {len(times)}")  # fmt: skip


def memory_child(folder: Path) -> None:
    """Open the app on a prepared data folder, on the calendar tab; print peak memory in KiB."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from mnhsc_desktop.core.content.content import load_content
    from mnhsc_desktop.core.store.paths import shipped_content_dir
    from mnhsc_desktop.ui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow(load_content(shipped_content_dir()), Store.open(folder), QIcon())
    window.show()
    window.show_calendar()
    window.calendar_tab.mode.setCurrentIndex(2)
    app.processEvents()
    print(peak_kib())
    window.close()
    window.deleteLater()
    app.processEvents()


def peak_kib() -> int:
    """Peak resident memory of this process. VmHWM, not ru_maxrss: ru_maxrss carries over the
    parent's peak across fork and exec, which would hide the child's own figure."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_figures(count: int) -> None:
    def peak(folder: Path) -> int:
        command = [sys.executable, __file__, "--memory-child", str(folder)]
        return int(
            subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()[-1]
        )

    with (
        tempfile.TemporaryDirectory() as empty_folder,
        tempfile.TemporaryDirectory() as full_folder,
    ):
        store = Store.open(Path(full_folder))
        save_events(store, make_events(count))
        store.save()
        del store
        empty = statistics.median(peak(Path(empty_folder)) for _ in range(3))
        full = statistics.median(peak(Path(full_folder)) for _ in range(3))
    extra = (full - empty) / 1024
    row(
        "memory above the empty app",
        f"{extra:.1f} MiB",
        "< 60 MiB",
        extra < 60,
        f"(empty app {empty / 1024:.0f} MiB)",
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--only", choices=("memory", "files", "window"))
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child is not None:
        memory_child(args.memory_child)
        return 0
    print(f"{args.events} events; medians")
    if args.only in (None, "memory"):
        memory_figures(args.events)  # first, while this process is small
    events = make_events(args.events)
    with tempfile.TemporaryDirectory() as folder:
        if args.only in (None, "files", "window"):
            export_calendar_file(events, Path(folder))
        if args.only in (None, "files"):
            core_figures(events, Path(folder))
        if args.only in (None, "window"):
            gui_figures(events, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
