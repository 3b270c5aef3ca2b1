"""`mnhsc-desktop record export OUT.pdf|OUT.csv`: the revalidation pack (PDF) or the CPD log
(CSV) for any dates, without opening the window. The counts are the revalidation status's."""

from __future__ import annotations

import argparse
from pathlib import Path

from mnhsc_desktop.cli.calendar import _date
from mnhsc_desktop.cli.support import EXIT_USAGE, say


def add_commands(commands: argparse._SubParsersAction) -> None:
    record = commands.add_parser("record", help="export your learning record (CPD) as PDF or CSV")
    actions = record.add_subparsers(dest="record_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write the pack to OUT.pdf or the CPD log to OUT.csv"
    )
    export.add_argument("output", metavar="OUT.pdf|OUT.csv")
    for flag, dest, help_text in (("--from", "start", "first day"), ("--to", "end", "last day")):
        export.add_argument(flag, dest=dest, type=_date, metavar="YYYY-MM-DD",
                            help=f"{help_text} (default: your revalidation period)")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from mnhsc_desktop.cli.revalidation import _open, write_pack
    from mnhsc_desktop.core.ladder.ladder import Period, revalidation_period

    output = Path(args.output)
    if output.suffix.lower() not in (".pdf", ".csv"):
        say(f"{output.name}: the file name should end in .pdf or .csv", error=True)
        return EXIT_USAGE
    content, store = _open(args)
    period = revalidation_period(store)
    if args.start or args.end:
        period = Period(args.start or period.start, args.end or period.end)
    if period.end < period.start:
        say("--to is before --from", error=True)
        return EXIT_USAGE
    csv_kind = "cpd" if output.suffix.lower() == ".csv" else None
    return write_pack(content, store, period, output, csv_kind)
