"""`mnhsc-desktop culture pack export NAME OUT.mnhscpack` and `culture pack import FILE
[--dry-run]`: a session carried between PCs as one checked file, without opening the window."""

from __future__ import annotations

import argparse
from pathlib import Path

from mnhsc_desktop.cli.support import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    finish_import,
    pdf_application,
    refuse_while_open,
    say,
)


def add_commands(actions: argparse._SubParsersAction) -> None:
    pack = actions.add_parser("pack", help="session packs: a plan, its handout and its files")
    pack_actions = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    export = pack_actions.add_parser("export", help="write a saved plan as one .mnhscpack file")
    export.add_argument("name", metavar="NAME", help="the plan's name, as saved in the app")
    export.add_argument("output", metavar="OUT.mnhscpack")
    load = pack_actions.add_parser("import", help="check a pack and take it in")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="only check it and say what it holds")


def run(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.store.paths import user_data_dir
    from mnhsc_desktop.core.store.store import Store

    data_dir = user_data_dir(args.data_dir)
    if args.pack_command == "export":
        return export(args, Store.open(data_dir))
    if not args.dry_run and refuse_while_open(data_dir):
        return EXIT_FAILED
    return take_in(args, Store.open(data_dir))


def export(args: argparse.Namespace, store) -> int:
    from mnhsc_desktop.cli.culture import activities_of, plan_named
    from mnhsc_desktop.core.culture.pack_export import left_behind, write_pack
    from mnhsc_desktop.core.store.atomic import WriteFailed

    plan = plan_named(store, args.name)
    if plan is None:
        return EXIT_USAGE
    activities = activities_of(args)
    _app = pdf_application()
    from mnhsc_desktop.ui.culture.pack_commands import handout_bytes

    try:
        members = write_pack(Path(args.output), store, plan,
                             handout_bytes(plan, activities))  # fmt: skip
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    files = sum(1 for m in members if m.startswith("files/"))
    say(f"Wrote “{plan.name}” with its handout and {files} attached file(s) to {args.output}.")
    for reason in left_behind(store, plan):
        say(f"  left out: {reason}")
    return EXIT_OK


def take_in(args: argparse.Namespace, store) -> int:
    from mnhsc_desktop.core.culture.pack_import import install_pack, read_pack, staging_for
    from mnhsc_desktop.core.input_files import InputRefused

    path = Path(args.file)
    try:
        preview = read_pack(path, None if args.dry_run else staging_for(store))
    except OSError as error:
        say(f"{path.name} could not be checked into the data folder: {error}", error=True)
        return EXIT_FAILED
    except InputRefused as refusal:
        say(f"{path.name} was not taken in: {refusal.reason}.", error=True)
        return EXIT_USAGE
    say(f"{path.name}: {preview.summary()} Every file's checksum matches.")
    result: dict = {}

    def apply() -> None:
        result["installed"] = install_pack(preview, store)

    code = finish_import(store, args.dry_run, apply, "Imported.")
    preview.discard()  # what was not taken in (a read-only store, a refused lock)
    if "installed" in result:
        done = result["installed"]
        say(f"  {len(done.written)} file(s) written, {len(done.reused)} already here"
            + (f", {len(done.renamed)} kept beside a different file of the same name"
               if done.renamed else ""))  # fmt: skip
    return code
