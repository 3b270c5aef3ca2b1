"""Smoke-test the frozen app as a ward PC would run it: from outside the source tree, with a
fresh data folder and no time-zone database on the system.

    python scripts/smoke_frozen.py [build/frozen/dist/mnhsc-desktop]

Fails on any non-zero exit, wrong output, or a line on stderr that is not on the allow-list.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lines the app may print to stderr that are not problems. Keep this short and say why.
STDERR_ALLOWED = (
    "This plugin does not support propagateSizeHints()",  # the offscreen platform, used here only
)
SUMMER_UTC_EVENT = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Smoke test//EN\r
BEGIN:VEVENT\r
UID:smoke-summer@test\r
DTSTAMP:20190101T000000Z\r
SUMMARY:Summer session\r
DTSTART:20190710T140000Z\r
DTEND:20190710T150000Z\r
END:VEVENT\r
END:VCALENDAR\r
"""


def main() -> int:
    app_dir = Path(
        sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "frozen" / "dist" / "mnhsc-desktop"
    )
    # On Windows the command line is the console twin; the windowed program has no stdout.
    executable = app_dir / ("mnhsc-desktop-cli.exe" if os.name == "nt" else "mnhsc-desktop")
    if not executable.exists():
        print(
            f"no frozen app at {executable}; build it with scripts/build_frozen.py", file=sys.stderr
        )
        return 1
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        no_zones = work / "no-zoneinfo"
        no_zones.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MNHSC_", "PYTHON", "QT_"))}
        env.update(
            QT_QPA_PLATFORM="offscreen", TZDIR=str(no_zones), PYTHONTZPATH=str(no_zones),
            HOME=str(work / "home"), XDG_DATA_HOME=str(work / "xdg"), XDG_RUNTIME_DIR=str(work),
        )  # fmt: skip
        data = ["--data-dir", str(work / "data")]

        def run(*args: str, expect: str = "") -> str:
            started = time.perf_counter()
            result = subprocess.run(
                [str(executable), *args],
                capture_output=True,
                text=True,
                env=env,
                cwd=work,
                timeout=120,
            )
            took = time.perf_counter() - started
            unexpected = [
                line
                for line in result.stderr.splitlines()
                if line.strip() and line.strip() not in STDERR_ALLOWED
            ]
            status = "ok"
            if result.returncode != 0 or unexpected or expect not in result.stdout:
                status = "FAILED"
                failures.append(
                    f"{' '.join(args)}: exit {result.returncode}; stderr: {unexpected}; stdout: {result.stdout[-300:]}"
                )
            print(f"  {status:<6} {took:5.2f} s  mnhsc-desktop {' '.join(args)}")
            return result.stdout

        print(f"Smoke test of {executable} (no system time-zone database):")
        run("--version", expect="MNHSC Desktop ")
        run("content", "check", expect="content is valid")
        ics = work / "summer.ics"
        ics.write_text(SUMMER_UTC_EVENT, encoding="utf-8")
        run(*data, "calendar", "import", str(ics), expect="1 new")
        out = work / "calendar.ics"
        run(*data, "calendar", "export", str(out), expect="Wrote")
        exported = out.read_text(encoding="utf-8") if out.exists() else ""
        # 14:00 UTC in July is 15:00 in London: only right if the bundled zone data is used.
        for needle in (
            "DTSTART;TZID=Europe/London:20190710T150000",
            "DTSTART;TZID=Europe/London:20181008T150000",
        ):
            if needle not in exported:
                failures.append(f"calendar export: {needle} missing (time zones wrong?)")
        run(*data, "record", "export", str(work / "record.pdf"), expect="Wrote")
        # A spreadsheet in, through the bundled openpyxl (it loads only on first use).
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["Date", "Topic", "Number of hours", "Number of participatory hours"])
        book.active.append(["03/02/2025", "PROMPT study day", 7.5, "7:30"])
        book.save(work / "cpd.xlsx")
        run(*data, "revalidation", "set-date", "2027-03-31", expect="now 31 March 2027")
        run(*data, "portfolio", "import", str(work / "cpd.xlsx"), "--kind", "cpd", expect="1 new")
        run(*data, "revalidation", "status", "--json", expect='"participatory_hours": 7.5')
        run(*data, "revalidation", "export", str(work / "pack.pdf"), expect="Wrote")
        run(*data, "--quit-after-startup")
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("Smoke test passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
