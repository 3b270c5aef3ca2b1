"""`mnhsc-desktop calendar export|import`: the calendar without a window, for scripts and IT."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from mnhsc_desktop.cli.support import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    finish_import,
    refuse_while_open,
    say,
)


def add_commands(commands: argparse._SubParsersAction) -> None:
    calendar = commands.add_parser("calendar", help="export or import calendar files (.ics)")
    actions = calendar.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write shipped and your own events to an .ics file")
    export.add_argument("output", metavar="OUT.ics")
    export.add_argument(
        "--kind", action="append", default=[], metavar="K", help="only this kind (repeatable)"
    )
    export.add_argument(
        "--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="events from this day"
    )
    export.add_argument(
        "--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="events up to this day"
    )
    load = actions.add_parser("import", help="add or update events from an .ics file")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="only say what would change")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    if args.calendar_command == "export":
        return export(args)
    if args.calendar_command == "import":
        return import_file(args)
    return EXIT_USAGE


def _open_calendar(args: argparse.Namespace):
    from mnhsc_desktop.core.calendar.calendar import Calendar
    from mnhsc_desktop.core.content.content import load_content
    from mnhsc_desktop.core.store.paths import content_dir, user_data_dir
    from mnhsc_desktop.core.store.store import Store

    content = load_content(content_dir(args.content_dir))
    for problem in content.errors:
        say(f"warning: {problem}", error=True)
    store = Store.open(user_data_dir(args.data_dir))
    for notice in store.notices:
        say(f"warning: {notice.message}", error=True)
    return Calendar.load(content.calendar, store), store


def export(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.calendar.events import KINDS
    from mnhsc_desktop.core.calendar.ics.exporter import export_calendar
    from mnhsc_desktop.core.calendar.selection import select_for_export
    from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes

    unknown = [kind for kind in args.kind if kind not in KINDS]
    if unknown:
        say(f"unknown kind: {', '.join(unknown)}. Kinds are: {', '.join(KINDS)}", error=True)
        return EXIT_USAGE
    if args.start and args.end and args.end < args.start:
        say("--to is before --from", error=True)
        return EXIT_USAGE
    calendar, _store = _open_calendar(args)
    events = select_for_export(calendar, args.kind, args.start, args.end)
    output = Path(args.output)
    try:
        atomic_write_bytes(output, export_calendar(events))
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    say(f"Wrote {len(events)} event{'s' if len(events) != 1 else ''} to {output}.")
    return EXIT_OK


def import_file(args: argparse.Namespace) -> int:
    """Print the same summary as the window's preview; import unless --dry-run."""
    from mnhsc_desktop.core.calendar.ics.import_plan import apply_import, plan_import
    from mnhsc_desktop.core.calendar.ics.importer import ImportRefused
    from mnhsc_desktop.core.store.paths import user_data_dir
    from mnhsc_desktop.core.text import printable

    if not args.dry_run and refuse_while_open(user_data_dir(args.data_dir)):
        return EXIT_FAILED
    calendar, store = _open_calendar(args)
    try:
        plan = plan_import(Path(args.file), calendar)
    except ImportRefused as refusal:
        say(str(refusal), error=True)
        return EXIT_USAGE
    for note in plan.notes:
        say(f"note: {printable(str(note), 300)}")
    say(f"{printable(plan.source.name)}: {plan.summary()}.")
    for skipped in plan.skipped:
        say(f"  skipped {printable(str(skipped), 300)}")
    done = f"Imported {plan.changes} event{'s' if plan.changes != 1 else ''}."
    return finish_import(store, args.dry_run, lambda: apply_import(store, plan), done)
