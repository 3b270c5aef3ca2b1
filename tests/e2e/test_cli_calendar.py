"""`mnhsc-desktop calendar export|import` as scripts and IT would run them."""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from tests.conftest import REPO
from tests.e2e.conftest import app_command

FIXTURES = REPO / "tests" / "fixtures" / "ics"


def test_export_with_kind_and_dates(run_app, tmp_path: Path) -> None:
    out = tmp_path / "webex.ics"
    result = run_app("--data-dir", str(tmp_path / "d"), "calendar", "export", str(out),
                     "--kind", "webex", "--from", "2018-10-01", "--to", "2018-10-31")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 4 events to {out}."
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts[0] == dt.datetime(2018, 10, 8, 15, 0, tzinfo=ZoneInfo("Europe/London"))


def test_export_refuses_unknown_kinds_and_bad_dates(run_app, tmp_path: Path) -> None:
    assert run_app("calendar", "export", str(tmp_path / "x.ics"), "--kind", "party").returncode == 2
    bad = run_app("calendar", "export", str(tmp_path / "x.ics"), "--from", "8 Oct 2018")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_export_to_an_unwritable_place_says_so(run_app, tmp_path: Path) -> None:
    result = run_app(
        "--data-dir", str(tmp_path / "d"), "calendar", "export", str(tmp_path / "no" / "x.ics")
    )
    assert result.returncode == 1 and "no longer exists" in result.stderr


def test_import_dry_run_then_import_then_again(run_app, tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    source = str(FIXTURES / "some-bad-events.ics")
    dry = run_app("--data-dir", data, "calendar", "import", source, "--dry-run")
    assert dry.returncode == 0
    assert (
        "2 new, 0 updated, 0 unchanged, 4 skipped" in dry.stdout
        and "nothing was changed" in dry.stdout
    )
    assert "skipped “No start” (line 10): has no start date (DTSTART)" in dry.stdout
    done = run_app("--data-dir", data, "calendar", "import", source)
    assert done.returncode == 0 and "Imported 2 events." in done.stdout
    again = run_app("--data-dir", data, "calendar", "import", source)
    assert "0 new, 0 updated, 2 unchanged" in again.stdout


def test_import_refuses_a_file_that_is_not_a_calendar(run_app, tmp_path: Path) -> None:
    result = run_app(
        "--data-dir", str(tmp_path / "d"), "calendar", "import", str(FIXTURES / "contact.vcf")
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "contact.vcf cannot be imported: it is a contact card (vCard), not a calendar."
    )


def test_import_waits_for_the_window_to_close(isolated_env, run_app, tmp_path: Path) -> None:
    data = tmp_path / "d"
    window = subprocess.Popen([*app_command(), "--data-dir", str(data)], env=isolated_env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not (data / "mnhsc-desktop.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        result = run_app(
            "--data-dir", str(data), "calendar", "import", str(FIXTURES / "latin1.ics")
        )
        assert result.returncode == 1 and "is open on this data folder" in result.stderr
    finally:
        window.kill()
        window.communicate(timeout=30)
