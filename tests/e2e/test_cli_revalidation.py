"""`mnhsc-desktop revalidation …` and `portfolio import` from the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pypdf

HOURS = "From,To,Hours,Organisation\n01/04/2025,31/03/2026,1100,North Trust\n,31/13/2026,5,x\n"


def test_set_date_import_status_and_export(run_app, tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    due = dt.date.today() + dt.timedelta(days=200)
    done = run_app("--data-dir", data, "revalidation", "set-date", due.isoformat())
    assert done.returncode == 0 and "revalidation date is now" in done.stdout
    sheet = tmp_path / "hours.csv"
    sheet.write_text(HOURS, encoding="utf-8")
    dry = run_app("--data-dir", data, "portfolio", "import", str(sheet), "--kind", "hours",
                  "--dry-run")  # fmt: skip
    assert dry.returncode == 0 and "1 new, 0 already in your portfolio, 1 refused" in dry.stdout
    assert "row 3: refused" in dry.stdout and "nothing was changed" in dry.stdout
    assert run_app("--data-dir", data, "portfolio", "import", str(sheet), "--kind",
                   "hours").returncode == 0  # fmt: skip
    status = run_app("--data-dir", data, "revalidation", "status", "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert report["practice_hours"] == {"logged": 1100, "required": 450}
    assert report["period"]["end"] == due.isoformat()
    assert report["days_to_revalidation"] == 200
    assert report["reflective_accounts"] == {"count": 0, "required": 5}
    assert set(report) == {
        "period", "practice_hours", "cpd", "feedback", "reflective_accounts",
        "reflective_discussion", "health_and_character", "indemnity", "confirmation",
        "days_to_revalidation",
    }  # fmt: skip
    words = run_app("--data-dir", data, "revalidation", "status")
    assert "[done ] 1. Practice hours: 1100 of 450 hours" in words.stdout
    pdf = tmp_path / "pack.pdf"
    export = run_app("--data-dir", data, "revalidation", "export", str(pdf))
    assert export.returncode == 0, export.stderr
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages).split())
    assert "North Trust" in text and "1100 of 450 hours" in text


def test_a_refused_spreadsheet_exits_2_and_changes_nothing(run_app, tmp_path: Path) -> None:
    data = tmp_path / "d"
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a workbook")
    result = run_app("--data-dir", str(data), "portfolio", "import", str(junk), "--kind", "cpd")
    assert result.returncode == 2 and "was not imported" in result.stderr
    assert not (data / "state.json").exists()


def test_an_unknown_past_period_is_named(run_app, tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    run_app("--data-dir", data, "revalidation", "set-date", "2027-03-31")
    result = run_app("--data-dir", data, "revalidation", "export", str(tmp_path / "p.pdf"),
                     "--period", "2020-01-01")  # fmt: skip
    assert result.returncode == 2 and "periods start on: 2024-04-01" in result.stderr
