"""`mnhsc-desktop progress export|import`: carry your progress to another PC."""

from __future__ import annotations

import argparse
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
    progress = commands.add_parser("progress", help="export or import your progress (a JSON file)")
    actions = progress.add_subparsers(dest="progress_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write everything personal to FILE")
    export.add_argument("file", metavar="FILE")
    load = actions.add_parser("import", help="merge a progress file into this PC's data")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="only say what would change")


def run(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.store.atomic import WriteFailed, atomic_write_bytes
    from mnhsc_desktop.core.store.paths import user_data_dir
    from mnhsc_desktop.core.store.progress_file import (
        ProgressRefused,
        apply_progress_import,
        export_progress,
        plan_progress_import,
    )
    from mnhsc_desktop.core.store.store import Store

    data_dir = user_data_dir(args.data_dir)
    importing = args.progress_command == "import" and not args.dry_run
    if importing and refuse_while_open(data_dir):
        return EXIT_FAILED
    store = Store.open(data_dir)
    for notice in store.notices:
        say(f"warning: {notice.message}", error=True)
    path = Path(args.file)
    if args.progress_command == "export":
        try:
            atomic_write_bytes(path, export_progress(store))
        except WriteFailed as error:
            say(str(error), error=True)
            return EXIT_FAILED
        say(f"Wrote your progress to {path}.")
        return EXIT_OK
    try:
        plan = plan_progress_import(path, store)
    except ProgressRefused as refusal:
        say(str(refusal), error=True)
        return EXIT_USAGE
    for warning in plan.warnings:
        say(f"warning: {warning}")
    say(f"{path.name}: {plan.summary()}.")
    for change in [*plan.conflicts, *plan.skipped]:
        say(f"  {change.what}")
    return finish_import(
        store, args.dry_run, lambda: apply_progress_import(store, plan), "Imported."
    )
