"""`mnhsc-desktop qi chart DATA.csv --json`: a measure's run or XmR chart, its signals as data;
`qi export PROJECT OUT.pdf`: a project saved in the app, on one page."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mnhsc_desktop.cli.calendar import _date
from mnhsc_desktop.cli.support import EXIT_OK, EXIT_USAGE, say


def add_commands(commands: argparse._SubParsersAction) -> None:
    qi = commands.add_parser("qi", help="quality improvement measures and charts")
    actions = qi.add_subparsers(dest="qi_command", metavar="ACTION", required=True)
    chart = actions.add_parser("chart", help="a run or XmR chart of date,value data")
    chart.add_argument("data", metavar="DATA.csv")
    chart.add_argument("--json", action="store_true", help="print the chart as one JSON object")
    chart.add_argument("--type", choices=("xmr", "run"), default="xmr")
    chart.add_argument("--improvement", choices=("increase", "decrease", "neutral"),
                       default="neutral")  # fmt: skip
    chart.add_argument("--target", type=float)
    chart.add_argument("--rebase", type=_date, nargs="+", default=[], metavar="YYYY-MM-DD")
    chart.add_argument("--fix-after", type=int, metavar="N")
    chart.add_argument("--screen-outliers", action="store_true")
    chart.add_argument("--out", metavar="CHART.pdf|CHART.png", help="draw the chart to a file")
    chart.add_argument("--title", default="", help="the chart's title (default: the file's name)")
    export = actions.add_parser("export", help="a QI project saved in the app, on one page")
    export.add_argument("project", metavar="PROJECT", help="the project's title (or its start)")
    export.add_argument("output", metavar="OUT.pdf")
    export.add_argument("--size", choices=("A4", "A3"), default="A4")


def export_page(args: argparse.Namespace) -> int:
    """The project on a page, as the tab's button writes it (the same paint routine)."""
    from mnhsc_desktop.cli.support import EXIT_FAILED, pdf_application
    from mnhsc_desktop.core.qi.projects import projects
    from mnhsc_desktop.core.store.atomic import WriteFailed
    from mnhsc_desktop.core.store.paths import user_data_dir
    from mnhsc_desktop.core.store.store import Store

    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        say(f"{output.name}: the file name should end in .pdf", error=True)
        return EXIT_USAGE
    found = projects(Store.open(user_data_dir(args.data_dir)))
    wanted = args.project.strip().lower()
    exact = [v for _k, v in found if v["title"].lower() == wanted]
    matches = exact or [v for _k, v in found if v["title"].lower().startswith(wanted)]
    if len(matches) != 1:
        titles = "; ".join(f"“{v['title']}”" for _k, v in found) or "there are none yet"
        what = "matches several projects" if matches else "is not the title of a project"
        say(f"“{args.project}” {what}. Your projects: {titles}", error=True)
        return EXIT_USAGE
    _app = pdf_application()
    from mnhsc_desktop.ui.qi.page_commands import write_page_pdf

    try:
        write_page_pdf(output, matches[0], f"{args.size} landscape")
    except WriteFailed as error:
        say(str(error), error=True)
        return EXIT_FAILED
    say(f"Wrote “{matches[0]['title']}” on one page: {output}")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    if args.qi_command == "export":
        return export_page(args)
    from mnhsc_desktop.core.input_files import InputRefused
    from mnhsc_desktop.core.qi.data import read_measure
    from mnhsc_desktop.core.qi.spc import run_chart, xmr

    try:
        data = read_measure(Path(args.data))
    except InputRefused as refusal:
        say(f"{Path(args.data).name} was not read: {refusal.reason}.", error=True)
        return EXIT_USAGE
    known = {day for day, _value in data}
    if missing := [d for d in args.rebase if d not in known]:
        say(f"--rebase {missing[0].isoformat()} is not one of the data's dates", error=True)
        return EXIT_USAGE
    if args.fix_after is not None and args.fix_after < 2:
        say("--fix-after needs at least 2 points", error=True)
        return EXIT_USAGE
    if args.out and Path(args.out).suffix.lower() not in (".pdf", ".png"):
        say(f"{Path(args.out).name}: the file name should end in .pdf or .png", error=True)
        return EXIT_USAGE
    if args.type == "run":
        chart = run_chart(data)
        report = {
            "type": "run",
            "points": [
                {"x": p.x.isoformat(), "value": p.value, "centre": p.centre, "rules": list(p.rules)}
                for p in chart.points
            ],
            "runs": chart.runs,
            "useful_observations": chart.useful_observations,
            "runs_signal": chart.runs_signal,
        }
    else:
        chart = xmr(data, args.improvement, args.target, args.rebase, args.fix_after,
                    args.screen_outliers)  # fmt: skip
        report = {
            "type": "xmr",
            "points": [
                {
                    "x": p.x.isoformat(),
                    "value": p.value,
                    "centre": p.centre,
                    "upper": p.upper,
                    "lower": p.lower,
                    "rules": list(p.rules),
                    "point_type": p.point_type,
                }
                for p in chart.points
            ],
            "variation": chart.variation,
            "assurance": chart.assurance,
        }
    if args.out:
        from mnhsc_desktop.cli.support import EXIT_FAILED, pdf_application
        from mnhsc_desktop.core.store.atomic import WriteFailed
        from mnhsc_desktop.ui.qi.chart_paint import chart_to_file

        _app = pdf_application()
        title = args.title or Path(args.data).stem.replace("-", " ").replace("_", " ")
        kind = "Run chart" if args.type == "run" else "XmR chart"
        try:
            chart_to_file(Path(args.out), chart, f"{title} ({kind})", target=args.target)
        except WriteFailed as error:
            say(str(error), error=True)
            return EXIT_FAILED
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        signals = [p for p in chart.points if p.rules]
        say(f"{len(chart.points)} points; {len(signals)} with a signal.")
        for p in signals:
            say(
                f"  {p.x:%d %b %Y}: {p.value:g} ({', '.join(r.replace('_', ' ') for r in p.rules)})"
            )
    return EXIT_OK
