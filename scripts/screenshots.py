"""Regenerate the README screenshots from the real window:  python scripts/screenshots.py

Renders off screen (no display needed) with a fresh data folder, so nothing personal appears.
To look at other settings without touching the README's pictures:

    python scripts/screenshots.py --scale 2 --out /tmp/shots        # 200% on a 1920x1080 screen
    python scripts/screenshots.py --high-contrast --out /tmp/shots  # View > High contrast
    python scripts/screenshots.py --dark --out /tmp/shots           # a dark system scheme
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.store.paths import shipped_content_dir
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.shell.app import app_icon, make_application
from mnhsc_desktop.ui.shell.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SHOTS = {"home": 0, "calendar": 1, "ladder": 2, "culture": 3, "revalidation": 4, "qi-projects": 5}


def settle(app, seconds: float = 0.3) -> None:
    """Let paints and the timers they start run, as they would before anyone looks."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def fill_portfolio(store) -> None:
    from mnhsc_desktop.core.revalidation.entries import (
        Account,
        CpdEntry,
        FeedbackEntry,
        HoursEntry,
        add_entries,
        new_id,
    )

    today = dt.date.today()
    ago = lambda days: today - dt.timedelta(days=days)  # noqa: E731
    store.set("profile", "revalidation_due", (today + dt.timedelta(days=300)).isoformat())
    add_entries(store, [
        HoursEntry(new_id(), ago(700), ago(60), 1650, "North Hospital", "Direct patient care",
                   "Maternity unit or birth centre", "Band 6 midwife, labour ward"),
        CpdEntry(new_id(), ago(500), "Study day", "PROMPT obstetric emergencies",
                 "Shoulder dystocia drills now run monthly", 450, 450, "preserve-safety",
                 "Certificate"),
        CpdEntry(new_id(), ago(420), "E-learning", "Saving Babies' Lives care bundle",
                 "How I document CO monitoring", 120, 0, "practise-effectively", "Certificate"),
        CpdEntry(new_id(), ago(200), "Conference", "RCM conference: continuity of carer",
                 "Shared at the team meeting", 360, 360, "promote-professionalism", "Letter"),
        FeedbackEntry(new_id(), ago(300), "A woman in my care", "Felt listened to", "Huddle"),
        Account(new_id(), ago(480), "PROMPT study day", "Closed-loop communication",
                "I repeat back instructions", "preserve-safety"),
    ])  # fmt: skip


def fill_project(store) -> None:
    """A discharge project a few months in: drivers, two PDSA cycles, a measure with a shift."""
    from mnhsc_desktop.core.qi import drivers
    from mnhsc_desktop.core.qi import projects as qp

    key = qp.add_project(store, "Discharge information before 11:00")
    value = qp.project(store, key)
    lines, at = drivers.add_below([], None, "Discharge planning starts early")
    lines, at = drivers.add_child(lines, at, "Plan discharge on admission")
    lines, at = drivers.add_child(lines, at, "Discharge checklist at the 08:00 huddle")
    first, second = qp.empty_cycle(lines[2]["id"]), qp.empty_cycle(lines[2]["id"])
    first |= {"title": "Checklist on one bay", "start": "2026-03-02", "act": "adapt"}
    second |= {"title": "Checklist on the whole ward", "start": "2026-04-06", "act": "adopt",
               "follows": first["id"]}  # fmt: skip
    measure = qp.empty_measure("% discharged before 11:00") | {
        "unit": "%", "target": 95.0, "chart": "xmr",
        "definition": "Women discharged each week whose discharge information was given "
                      "before 11:00, divided by all discharges that week.",
    }  # fmt: skip
    values = [42, 45, 40, 47, 44, 41, 46, 43, 48, 44, 45, 52, 58, 61, 63, 60, 66, 64, 68, 65, 70]
    measure["data"] = [[(dt.date(2026, 1, 5) + dt.timedelta(weeks=n)).isoformat(), float(v)]
                       for n, v in enumerate(values)]  # fmt: skip
    qp.save_project(store, key, value | {
        "aim": "95% of women on the postnatal ward get discharge information before 11:00 by "
               "June 2027", "team": ["Ward manager", "Postnatal midwife"], "status": "active",
        "drivers": lines, "cycles": [first, second], "measures": [measure],
    })  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description="Screenshots of every tab from the real window.")
    parser.add_argument("--out", type=Path, help="folder for the PNGs (default: docs/screenshots)")
    parser.add_argument("--scale", type=float, default=1.0, help="display scale, e.g. 2 for 200%%")
    parser.add_argument("--high-contrast", action="store_true", help="as with View > High contrast")
    parser.add_argument("--dark", action="store_true", help="as on a system set to a dark scheme")
    args = parser.parse_args()
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)  # read when the QApplication is made
    app = make_application(sys.argv[:1])
    if args.dark:  # what the platform would hand over; the app then repairs it as it would
        from mnhsc_desktop.ui.shell.theme import sample_dark_palette

        app.setPalette(sample_dark_palette())
    out = args.out or OUT
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        window = MainWindow(load_content(shipped_content_dir()), Store.open(Path(data)), app_icon())
        # The window as it would be on a 1920x1080 screen at this scale, at most 1200x700.
        window.resize(min(1200, int(1920 / args.scale)), min(700, int(1040 / args.scale)))
        window.show()
        if args.high_contrast:
            window.high_contrast_action.trigger()
        for name, tab in SHOTS.items():
            window.tabs.setCurrentIndex(tab)
            settle(app)  # Home fills its dashboard just after it first paints
            if name == "ladder":  # a midwife a little way up the ladder
                from mnhsc_desktop.core.ladder.ladder import Completion, mark_done, set_level

                today = dt.date.today()
                mark_done(
                    window.store,
                    Completion(
                        "mike-evans-qi-video",
                        today,
                        20,
                        False,
                        "QI looks at the system",
                        "I test small changes first",
                        "practise-effectively",
                    ),
                )
                set_level(window.store, "pdsa", "living", today, "Ran two PDSA cycles on the ward")
                set_level(window.store, "measurement", "learn", today)
                tab = window.ladder_tab
                tab.grid.setCurrentIndex(tab.model.index(3, 2))
                app.processEvents()
            if name == "culture":  # a facilitator looking for something short for the team
                tab = window.culture_tab
                tab.who.setCurrentIndex(tab.who.findData("team"))
                tab.max_minutes.setValue(15)
                tab.select("how-to-huddle")
                app.processEvents()
            if name == "revalidation":  # a year before her date, her spreadsheet brought in
                fill_portfolio(window.store)
                window.revalidation_tab.show_requirement(2)
                app.processEvents()
            if name == "qi-projects":  # a QI lead reading her chart
                fill_project(window.store)
                window.qi_tab.refresh()
                window.qi_tab.show_page(window.qi_tab.measures)
                settle(app)
            if name == "calendar":  # what a clinician does first: find a session
                window.calendar_tab.search.setText("hypo")
                window.calendar_tab.table.selectRow(0)
                app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(f"wrote {out / name}.png")
        window.show_about_collaborative()  # the page Home and Help lead to
        settle(app)
        window.about_page.grab().save(str(out / "about.png"))
        print(f"wrote {out / 'about'}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
