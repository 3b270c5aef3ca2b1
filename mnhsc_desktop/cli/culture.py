"""`mnhsc-desktop culture kudos OUT.pdf`: Kudos cards without opening the window."""

from __future__ import annotations

import argparse
from pathlib import Path

from mnhsc_desktop.cli.support import EXIT_FAILED, EXIT_OK, EXIT_USAGE, pdf_application, say


def add_commands(commands: argparse._SubParsersAction) -> None:
    culture = commands.add_parser(
        "culture", help="Kudos cards and session handouts from the culture library"
    )
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
    plan = actions.add_parser("plan", help="session plans")
    plan_actions = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    export = plan_actions.add_parser("export", help="write the handout of a saved plan as a PDF")
    export.add_argument("name", metavar="NAME", help="the plan's name, as saved in the app")
    export.add_argument("output", metavar="OUT.pdf")
    from mnhsc_desktop.cli import culture_pack

    culture_pack.add_commands(actions)


def run(args: argparse.Namespace) -> int:
    if args.culture_command == "plan":
        return export_plan(args)
    if args.culture_command == "pack":
        from mnhsc_desktop.cli import culture_pack

        return culture_pack.run(args)
    return kudos(args)


def plan_named(store, name: str):
    """The saved plan of that name (any case), or None, having said which plans there are."""
    from mnhsc_desktop.core.culture.plans import plans

    saved = plans(store)
    chosen = next((p for p in saved if p.name.casefold() == name.casefold()), None)
    if chosen is None:
        names = ", ".join(f"“{p.name}”" for p in saved) or "none yet"
        say(f"No plan is called “{name}”. Saved plans: {names}.", error=True)
    return chosen


def activities_of(args: argparse.Namespace) -> dict:
    """The culture activities by id, from the content folder in use."""
    from mnhsc_desktop.core.content.content import load_content
    from mnhsc_desktop.core.store.paths import content_dir, shipped_content_dir

    content = load_content(content_dir(args.content_dir), base=shipped_content_dir())
    return {a.id: a for a in content.culture.activities} if content.culture else {}


def export_plan(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.culture.plans import handout_html
    from mnhsc_desktop.core.store.atomic import WriteFailed
    from mnhsc_desktop.core.store.paths import user_data_dir
    from mnhsc_desktop.core.store.store import Store

    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        say(f"{output.name}: the file name should end in .pdf", error=True)
        return EXIT_USAGE
    store = Store.open(user_data_dir(args.data_dir))
    plan = plan_named(store, args.name)
    if plan is None:
        return EXIT_USAGE
    activities = activities_of(args)
    _app = pdf_application()
    from mnhsc_desktop.ui.shell.pdf import PORTRAIT, html_to_pdf

    try:
        html_to_pdf(handout_html(plan, activities), output, plan.name, PORTRAIT)
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    say(f"Wrote the handout for “{plan.name}” to {output}.")
    return EXIT_OK


def kudos(args: argparse.Namespace) -> int:
    from mnhsc_desktop.core.culture.kudos import KudosCard
    from mnhsc_desktop.core.store.atomic import WriteFailed

    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        say(f"{output.name}: the file name should end in .pdf", error=True)
        return EXIT_USAGE
    count = args.cards or args.per_page
    if not 1 <= count <= 1000:
        say("--cards should be between 1 and 1000", error=True)
        return EXIT_USAGE
    _app = pdf_application()
    from mnhsc_desktop.ui.culture.kudos_pdf import kudos_pdf

    try:
        kudos_pdf([KudosCard(args.to, args.sender, args.what)] * count, args.per_page, output)
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    say(f"Wrote {count} Kudos card{'s' if count != 1 else ''} to {output}.")
    return EXIT_OK
