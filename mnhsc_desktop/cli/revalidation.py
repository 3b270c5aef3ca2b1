"""`mnhsc-desktop revalidation …` and `portfolio import`: the NMC revalidation without the window."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mnhsc_desktop.cli.calendar import _date
from mnhsc_desktop.cli.support import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    finish_import,
    pdf_application,
    refuse_while_open,
    say,
)


def add_commands(commands: argparse._SubParsersAction) -> None:
    revalidation = commands.add_parser("revalidation", help="your NMC revalidation")
    actions = revalidation.add_subparsers(dest="revalidation_command", metavar="ACTION",
                                          required=True)  # fmt: skip
    set_date = actions.add_parser("set-date", help="set your revalidation date")
    set_date.add_argument("date", type=_date, metavar="YYYY-MM-DD")
    status = actions.add_parser("status", help="what is done and what is missing")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    export = actions.add_parser("export", help="write the revalidation pack as a PDF")
    export.add_argument("output", metavar="OUT.pdf")
    export.add_argument("--period", type=_date, metavar="START",
                        help="a past period, by its first day (default: the current one)")  # fmt: skip
    portfolio = commands.add_parser("portfolio", help="bring CPD, hours or feedback in")
    portfolio_actions = portfolio.add_subparsers(dest="portfolio_command", metavar="ACTION",
                                                 required=True)  # fmt: skip
    imports = portfolio_actions.add_parser("import", help="import a CSV or .xlsx spreadsheet")
    imports.add_argument("file", metavar="FILE.csv|FILE.xlsx")
    imports.add_argument("--kind", choices=("cpd", "hours", "feedback"), required=True)
    imports.add_argument("--dry-run", action="store_true", help="show what would happen")


def _open(args: argparse.Namespace):
    from mnhsc_desktop.core.content.content import load_content
    from mnhsc_desktop.core.store.paths import content_dir, user_data_dir
    from mnhsc_desktop.core.store.store import Store

    content = load_content(content_dir(args.content_dir))
    store = Store.open(user_data_dir(args.data_dir))
    for notice in store.notices:
        say(f"warning: {notice.message}", error=True)
    return content, store


def read_status(content, store, period=None):
    from mnhsc_desktop.core.revalidation.status import status_now

    activities = content.culture.activities if content.culture else ()
    return status_now(store, content.ladder, activities, period)


def run(args: argparse.Namespace) -> int:
    if args.command == "portfolio":
        return import_spreadsheet(args)
    if args.revalidation_command == "set-date":
        return set_date(args)
    if args.revalidation_command == "status":
        return show_status(args)
    return export(args)


def set_date(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.store.paths import user_data_dir

    if refuse_while_open(user_data_dir(args.data_dir)):
        return EXIT_FAILED
    _content, store = _open(args)
    day = args.date.isoformat()
    return finish_import(
        store, False, lambda: store.set("profile", "revalidation_due", day),
        f"Your revalidation date is now {args.date:%d %B %Y}.",
    )  # fmt: skip


def show_status(args: argparse.Namespace) -> int:
    content, store = _open(args)
    _portfolio, status = read_status(content, store)
    if args.json:
        print(json.dumps(status.to_json(), indent=2))
        return EXIT_OK
    period = status.period
    from mnhsc_desktop.core.calendar.events import uk_date

    say(f"Revalidation date {uk_date(period.end, weekday=False)} "
        f"({status.days_to_revalidation} days); period from "
        f"{uk_date(period.start, weekday=False)}.")  # fmt: skip
    for requirement in status.requirements():
        mark = "done" if requirement.done else "TO DO"
        note = f" ({requirement.note})" if requirement.note and not requirement.done else ""
        say(f"  [{mark:5}] {requirement.number}. {requirement.name}: {requirement.progress}{note}")
    return EXIT_OK


def choose_period(store, start):
    """The period starting on `start` (current or past), or None having said which there are."""
    from mnhsc_desktop.core.ladder.ladder import periods

    choices = periods(store)
    if start is None:
        return choices[0]
    for period in choices:
        if period.start == start:
            return period
    known = ", ".join(p.start.isoformat() for p in choices)
    say(f"No period starts on {start.isoformat()}; periods start on: {known}", error=True)
    return None


def export(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        say(f"{output.name}: the file name should end in .pdf", error=True)
        return EXIT_USAGE
    content, store = _open(args)
    period = choose_period(store, args.period)
    if period is None:
        return EXIT_USAGE
    return write_pack(content, store, period, output)


def write_pack(content, store, period, output: Path, csv_kind: str | None = None) -> int:
    """The pack as a PDF (or one log as CSV), after saying what the privacy check found."""
    from mnhsc_desktop.core.revalidation.entries import SHEETS, sheet
    from mnhsc_desktop.core.revalidation.pack import log_csv, pack_document
    from mnhsc_desktop.core.revalidation.privacy import portfolio_texts, scan_all
    from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes
    from mnhsc_desktop.core.text import printable

    portfolio, status = read_status(content, store, period)
    inside = portfolio.in_period(period)
    sheets = {name: sheet(store, name) for name in SHEETS}
    for hit in scan_all(portfolio_texts(inside, sheets)):  # said, not stopped: nobody to ask
        say(f"warning: {hit.kind} “{printable(hit.text)}” in {printable(hit.where, 200)}: "
            "records must not identify patients or colleagues", error=True)  # fmt: skip
    try:
        if csv_kind:
            atomic_write_bytes(output, log_csv(csv_kind, inside))
        else:
            from mnhsc_desktop.core.machine_config import load_machine_config
            from mnhsc_desktop.ui.shell.pdf import document_to_pdf

            _app = pdf_application()
            organisation = load_machine_config().organisation_name
            document_to_pdf(
                pack_document(store, portfolio, status, organisation, content.ladder), output
            )
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    count = len(inside.cpd)
    say(f"Wrote {output} ({count} CPD entr{'ies' if count != 1 else 'y'}; "
        f"{status.accounts} of 5 reflective accounts).")  # fmt: skip
    return EXIT_OK


def import_spreadsheet(args: argparse.Namespace) -> int:
    """Print each row's fate, as the window's preview does; import unless --dry-run."""
    from mnhsc_desktop.core.input_files import InputRefused
    from mnhsc_desktop.core.revalidation.entries import add_entries
    from mnhsc_desktop.core.revalidation.portfolio import Portfolio
    from mnhsc_desktop.core.revalidation.spreadsheet import plan_import
    from mnhsc_desktop.core.store.paths import user_data_dir
    from mnhsc_desktop.core.text import printable

    if not args.dry_run and refuse_while_open(user_data_dir(args.data_dir)):
        return EXIT_FAILED
    content, store = _open(args)
    activities = content.culture.activities if content.culture else ()
    try:
        plan = plan_import(Path(args.file), args.kind, Portfolio.read(store, content.ladder,
                                                                      activities))  # fmt: skip
    except InputRefused as refusal:
        say(f"{printable(Path(args.file).name)} was not imported: {refusal.reason}.", error=True)
        return EXIT_USAGE
    if plan.ignored:
        say(f"note: columns not used: {printable(', '.join(plan.ignored), 300)}")
    say(f"{printable(plan.path.name)}: {plan.summary()}.")
    for row in plan.rows:
        if row.fate != "new":
            say(f"  row {row.row}: {row.fate}: {printable(row.reason, 300)}")
    new = plan.new_entries
    done = f"Imported {len(new)} row{'s' if len(new) != 1 else ''}."
    return finish_import(store, args.dry_run, lambda: add_entries(store, new), done)
