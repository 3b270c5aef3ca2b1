"""`mnhsc-desktop record export OUT.pdf|OUT.csv`: the learning record without opening the window."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from mnhsc_desktop.cli.calendar import _date
from mnhsc_desktop.cli.support import EXIT_FAILED, EXIT_OK, EXIT_USAGE, say


def add_commands(commands: argparse._SubParsersAction) -> None:
    record = commands.add_parser("record", help="export your learning record (CPD) as PDF or CSV")
    actions = record.add_subparsers(dest="record_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the learning record to OUT.pdf or OUT.csv")
    export.add_argument("output", metavar="OUT.pdf|OUT.csv")
    export.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="YYYY-MM-DD",
        help="first day (default: your revalidation period)",
    )
    export.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="YYYY-MM-DD",
        help="last day (default: your revalidation period)",
    )


def run(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.content.content import load_content
    from mnhsc_desktop.core.ladder.ladder import Period, Progress, revalidation_period
    from mnhsc_desktop.core.ladder.record import cpd_rows, csv_bytes, record_document
    from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes
    from mnhsc_desktop.core.store.paths import content_dir, user_data_dir
    from mnhsc_desktop.core.store.store import Store
    from mnhsc_desktop.core.text import printable

    output = Path(args.output)
    if output.suffix.lower() not in (".pdf", ".csv"):
        say(f"{output.name}: the file name should end in .pdf or .csv", error=True)
        return EXIT_USAGE
    content = load_content(content_dir(args.content_dir))
    if content.ladder is None:
        for problem in content.errors:
            say(str(problem), error=True)
        say(
            "The QI ladder content could not be loaded, so there is no record to export.",
            error=True,
        )
        return EXIT_FAILED
    store = Store.open(user_data_dir(args.data_dir))
    for notice in store.notices:
        say(f"warning: {notice.message}", error=True)
    period = revalidation_period(store)
    if args.start or args.end:
        period = Period(args.start or period.start, args.end or period.end)
    if period.end < period.start:
        say("--to is before --from", error=True)
        return EXIT_USAGE
    progress = Progress(store)
    team = []
    if content.culture is not None:
        from mnhsc_desktop.core.culture.culture import team_cpd_rows

        team = team_cpd_rows(content.culture.activities, store)
    rows = cpd_rows(content.ladder, progress, period, team)
    from mnhsc_desktop.core.ladder.privacy import record_texts, scan_all

    for hit in scan_all(record_texts(rows)):  # said, not stopped: there is nobody to ask
        say(
            f"warning: {hit.kind} “{printable(hit.text)}” in {printable(hit.where, 200)}: "
            "records must not identify patients or colleagues",
            error=True,
        )
    try:
        if output.suffix.lower() == ".csv":
            atomic_write_bytes(output, csv_bytes(rows))
        else:
            os.environ.setdefault(
                "QT_QPA_PLATFORM", "offscreen"
            )  # lay out the PDF without a window
            from PySide6.QtGui import QGuiApplication

            from mnhsc_desktop.ui.shell.pdf import record_to_pdf

            _app = QGuiApplication.instance() or QGuiApplication(["mnhsc-desktop"])
            name = store.get("profile", "name", "")
            from mnhsc_desktop.core.machine_config import load_machine_config

            organisation = load_machine_config().organisation_name
            record = record_document(
                name, content.ladder, progress, period, rows, organisation=organisation
            )
            record_to_pdf(record, output)
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    say(f"Wrote {len(rows)} CPD entr{'ies' if len(rows) != 1 else 'y'} to {output}.")
    return EXIT_OK
