"""Command line: `mnhsc-desktop` opens the window; sub-commands do scripted work without a window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from mnhsc_desktop import APP_ID, APP_NAME, __version__
from mnhsc_desktop.cli.support import EXIT_FAILED, EXIT_OK, say

if TYPE_CHECKING:
    import argparse

EPILOG = f"""\
commands:
  (none)                 open the {APP_NAME} window
  content check [DIR]    check a content folder (default: the one in use) and list every problem
  calendar export OUT.ics [--kind K] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                         write the shipped calendar and your own events as an .ics file
  calendar import FILE [--dry-run]
                         add or update events from an .ics file (prints what it did)
  record export OUT.pdf|OUT.csv [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                         write your revalidation pack (PDF) or CPD log (CSV) for any dates
  revalidation set-date YYYY-MM-DD
                         your revalidation date (the period is the 3 years before it)
  revalidation status [--json]
                         each of the eight NMC requirements: done, or what is missing
  revalidation export OUT.pdf [--period START]
                         the revalidation pack, ready for your confirmer to sign
  portfolio import FILE.csv|FILE.xlsx --kind cpd|hours|feedback [--dry-run]
                         bring in the CPD, practice hours or feedback you kept in a spreadsheet
  qi chart DATA.csv [--json] [--type xmr|run] [--improvement increase|decrease|neutral]
                    [--target V] [--rebase YYYY-MM-DD ...] [--fix-after N] [--screen-outliers]
                         a measure's run or XmR chart: its limits and signals (Making Data Count)
  qi export PROJECT OUT.pdf [--size A4|A3]
                         a QI project saved in the app, on one page (aim, drivers, chart, PDSA)
  culture kudos OUT.pdf [--per-page 4|8] [--cards N] [--to ..] [--from ..] [--what ..]
                         print Kudos cards (thank-you cards for colleagues) to a PDF
  culture plan export NAME OUT.pdf
                         write the handout of a session plan saved in the app
  culture pack export NAME OUT.mnhscpack
                         a session plan, its handout and its attached files as one checked file
  culture pack import FILE [--dry-run]
                         check a session pack (names, kinds, sizes, checksums) and take it in
  progress export FILE   write everything personal to one file, to carry to another PC
  progress import FILE [--dry-run]
                         merge a progress file in (the newer change wins; conflicts listed)

exit codes:
  0  success
  1  content check found problems, or the app could not start
  2  the command line was wrong, or an input file was refused
  3  {APP_NAME} is already running for this data folder but did not answer

environment:
  MNHSC_DATA_DIR         the data folder, when --data-dir is not given
  MNHSC_CONTENT_DIR      a content folder to use instead of the shipped one
"""


def _names_a_command(words: list[str]) -> bool:
    """True when the words hold a sub-command, help, or anything that is not a global option
    (so that a mistyped command still gets the full parser's "invalid choice" message)."""
    expecting_value = False
    for word in words:
        if expecting_value:
            expecting_value = False
        elif word in ("--data-dir", "--content-dir"):
            expecting_value = True
        elif word in ("-h", "--help") or not word.startswith("-"):
            return True
    return False


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: the MNHSC programme calendar, QI ladder and culture library, offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="folder for your personal data")
    parser.add_argument("--content-dir", metavar="DIR", help="content folder to use instead")
    parser.add_argument(
        "--quit-after-startup",
        action="store_true",
        help="open the window, then quit once it is shown (for smoke tests and benchmarks)",
    )
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    content = commands.add_parser("content", help="work with content folders")
    content_commands = content.add_subparsers(
        dest="content_command", metavar="ACTION", required=True
    )
    check = content_commands.add_parser("check", help="check a content folder")
    check.add_argument("folder", nargs="?", metavar="DIR", help="folder to check")
    from mnhsc_desktop.cli import calendar as cli_calendar
    from mnhsc_desktop.cli import culture as cli_culture
    from mnhsc_desktop.cli import progress as cli_progress
    from mnhsc_desktop.cli import qi as cli_qi
    from mnhsc_desktop.cli import record as cli_record
    from mnhsc_desktop.cli import revalidation as cli_revalidation

    cli_calendar.add_commands(commands)
    cli_record.add_commands(commands)
    cli_revalidation.add_commands(commands)
    cli_qi.add_commands(commands)
    cli_progress.add_commands(commands)
    cli_culture.add_commands(commands)
    return parser


def window_options(words: Sequence[str]) -> SimpleNamespace | None:
    """The window's own options, read without building a parser (~5 ms of every start-up),
    when they are all there is; anything else (a command, --help, a mistake) goes to argparse,
    which reads these the same way."""
    values: dict[str, object] = {"data_dir": None, "content_dir": None}
    values["quit_after_startup"] = False
    index = 0
    while index < len(words):
        word = words[index]
        name, equals, value = word.partition("=")
        if word == "--quit-after-startup":
            values["quit_after_startup"] = True
        elif name in ("--data-dir", "--content-dir") and equals:
            values[name[2:].replace("-", "_")] = value
        elif word in ("--data-dir", "--content-dir") and index + 1 < len(words):
            value = words[index + 1]
            if value.startswith("-"):
                return None
            values[word[2:].replace("-", "_")] = value
            index += 1
        else:
            return None
        index += 1
    return SimpleNamespace(command=None, **values)


COMMANDS = (
    "content", "calendar", "record", "progress", "culture", "revalidation", "portfolio", "qi",
)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    args = window_options(words)
    if args is None:
        # Opening the window needs only the global options; building every sub-command's
        # parser costs ~5 ms of start-up (argparse looks up translations for each one).
        parser = build_parser() if _names_a_command(words) else build_parser(with_commands=False)
        args = parser.parse_args(words)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        from mnhsc_desktop.core.errors import write_error_log
        from mnhsc_desktop.core.store.paths import user_data_dir

        log = write_error_log(user_data_dir(args.data_dir), error)
        where = f" Details are in {log}." if log else ""
        message = f"Something went wrong: {error}.{where} Please pass this to your IT team."
        say(message, error=True)
        if args.command is None:  # the window was wanted: say it there too, if Qt got that far
            _show_in_a_window(message)
        return EXIT_FAILED


def _show_in_a_window(message: str) -> None:
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.critical(None, f"{APP_NAME}: could not start", message)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "content":
        return content_check(args.folder or args.content_dir)
    if args.command == "calendar":
        from mnhsc_desktop.cli import calendar as cli_calendar

        return cli_calendar.run(args)
    if args.command == "record":
        from mnhsc_desktop.cli import record as cli_record

        return cli_record.run(args)
    if args.command == "qi":
        from mnhsc_desktop.cli import qi as cli_qi

        return cli_qi.run(args)
    if args.command in ("revalidation", "portfolio"):
        from mnhsc_desktop.cli import revalidation as cli_revalidation

        return cli_revalidation.run(args)
    if args.command == "progress":
        from mnhsc_desktop.cli import progress as cli_progress

        return cli_progress.run(args)
    if args.command == "culture":
        from mnhsc_desktop.cli import culture as cli_culture

        return cli_culture.run(args)
    # The pure-Python side is imported before Qt: PySide6 reads the source of every module
    # imported after it (its __feature__ import hook), which would add ~1 ms per module here.
    import mnhsc_desktop.core.content.content
    import mnhsc_desktop.core.errors
    import mnhsc_desktop.core.machine_config
    import mnhsc_desktop.core.store.paths
    import mnhsc_desktop.core.store.running
    import mnhsc_desktop.core.store.store  # noqa: F401
    from mnhsc_desktop.ui.shell.app import run_gui  # Qt is loaded only when a window is wanted

    return run_gui(args)


def content_check(folder: str | None) -> int:
    """Validate a content folder: print every problem, exit 0 when there are none."""
    from mnhsc_desktop.core.content.content import load_content
    from mnhsc_desktop.core.store.paths import content_dir

    target = content_dir(folder)
    content = load_content(target)
    if content.ok:
        say(f"{target}: content is valid.")
        return EXIT_OK
    count = len(content.errors)
    say(f"{target}: {count} problem{'s' if count != 1 else ''} found:", error=True)
    for problem in content.errors:
        say(f"  {problem}", error=True)
    return EXIT_FAILED
