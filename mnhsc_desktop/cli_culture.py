"""`mnhsc-desktop culture kudos OUT.pdf`: Kudos cards without opening the window."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from mnhsc_desktop.cli_support import EXIT_FAILED, EXIT_OK, EXIT_USAGE, say


def add_commands(commands: argparse._SubParsersAction) -> None:
    culture = commands.add_parser("culture", help="Kudos cards from the culture library")
    actions = culture.add_subparsers(dest="culture_command", metavar="ACTION", required=True)
    kudos = actions.add_parser(
        "kudos", help="write a PDF of Kudos cards (thank-you cards for colleagues)"
    )
    kudos.add_argument("output", metavar="OUT.pdf")
    kudos.add_argument(
        "--per-page", type=int, choices=(4, 8), default=8, help="cards on each A4 page (default 8)"
    )
    kudos.add_argument(
        "--cards", type=int, default=None, metavar="N", help="how many cards (default: one page)"
    )
    kudos.add_argument("--to", default="", help="fill in who the card is for")
    kudos.add_argument("--from", dest="sender", default="", help="fill in who it is from")
    kudos.add_argument("--what", default="", help="fill in what they did")


def run(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.atomic import WriteFailed
    from mnhsc_desktop.core.kudos import KudosCard

    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        say(f"{output.name}: the file name should end in .pdf", error=True)
        return EXIT_USAGE
    count = args.cards or args.per_page
    if not 1 <= count <= 1000:
        say("--cards should be between 1 and 1000", error=True)
        return EXIT_USAGE
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # lay out the PDF without a window
    from PySide6.QtGui import QGuiApplication

    from mnhsc_desktop.ui.kudos_pdf import kudos_pdf

    _app = QGuiApplication.instance() or QGuiApplication(["mnhsc-desktop"])
    try:
        kudos_pdf([KudosCard(args.to, args.sender, args.what)] * count, args.per_page, output)
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    say(f"Wrote {count} Kudos card{'s' if count != 1 else ''} to {output}.")
    return EXIT_OK
