"""`mnhsc-desktop record export` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf


def seed_progress(data: Path) -> None:
    data.mkdir()
    state = {
        "schema_version": 1,
        "profile": {"name": "Jane Midwife", "revalidation_due": "2027-03-31"},
        "ladder": {"done/q-network": {"done": True, "date": "2026-01-10", "minutes": 30, "participatory": False,
                                       "learned": "Networks help", "practice": "", "changed_at": "2026-01-10T10:00:00+00:00"}},
    }  # fmt: skip
    (data / "state.json").write_text(json.dumps(state))


def test_record_export_pdf_and_csv(run_app, tmp_path: Path) -> None:
    data = tmp_path / "d"
    seed_progress(data)
    pdf = tmp_path / "r.pdf"
    result = run_app("--data-dir", str(data), "record", "export", str(pdf))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {pdf} (1 CPD entry; 0 of 5 reflective accounts)."
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages).split())
    assert "Jane Midwife" in text and "Apply for the Q network" in text
    csv = tmp_path / "r.csv"
    assert (
        run_app(
            "--data-dir", str(data), "record", "export", str(csv), "--from", "2026-02-01"
        ).returncode
        == 0
    )
    assert csv.read_text(encoding="utf-8-sig").splitlines()[1:] == []


def test_record_export_refuses_other_file_types(run_app, tmp_path: Path) -> None:
    result = run_app(
        "--data-dir", str(tmp_path / "d"), "record", "export", str(tmp_path / "r.docx")
    )
    assert result.returncode == 2 and "should end in .pdf or .csv" in result.stderr


def test_progress_export_then_import_elsewhere(run_app, tmp_path: Path) -> None:
    data = tmp_path / "d"
    seed_progress(data)
    out = tmp_path / "p.json"
    assert run_app("--data-dir", str(data), "progress", "export", str(out)).returncode == 0
    other = str(tmp_path / "other")
    dry = run_app("--data-dir", other, "progress", "import", str(out), "--dry-run")
    assert dry.returncode == 0 and "3 new" in dry.stdout and "nothing was changed" in dry.stdout
    done = run_app("--data-dir", other, "progress", "import", str(out))
    assert done.returncode == 0 and "Imported." in done.stdout
    again = run_app("--data-dir", other, "progress", "import", str(out), "--dry-run")
    assert "0 new, 0 updated, 3 unchanged" in again.stdout
    refused = run_app("--data-dir", other, "progress", "import", str(tmp_path / "d" / "state.json"))
    assert refused.returncode == 2 and "not a progress file" in refused.stderr


def test_kudos_cards_from_the_command_line(run_app, tmp_path: Path) -> None:
    out = tmp_path / "kudos.pdf"
    result = run_app("culture", "kudos", str(out), "--per-page", "4", "--cards", "9")
    assert result.returncode == 0 and "Wrote 9 Kudos cards" in result.stdout
    assert len(pypdf.PdfReader(out).pages) == 3
    assert run_app("culture", "kudos", str(out), "--per-page", "6").returncode == 2


def test_plan_handout_from_the_command_line(run_app, tmp_path: Path) -> None:
    data = tmp_path / "d"
    data.mkdir()
    state = {"schema_version": 1, "culture": {"plan/abc": {"name": "Ward huddle", "items": [
        {"kind": "activity", "title": "Watch How to Huddle, then huddle", "minutes": 15, "activity_id": "how-to-huddle"}]}}}  # fmt: skip
    (data / "state.json").write_text(json.dumps(state))
    out = tmp_path / "handout.pdf"
    result = run_app("--data-dir", str(data), "culture", "plan", "export", "ward huddle", str(out))
    assert result.returncode == 0, result.stderr
    assert "What could harm" in " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    missing = run_app("--data-dir", str(data), "culture", "plan", "export", "Nope", str(out))
    assert missing.returncode == 2 and "Saved plans: “Ward huddle”" in missing.stderr


def test_record_export_warns_of_what_could_identify_a_patient(run_app, tmp_path: Path) -> None:
    import datetime as dt

    from mnhsc_desktop.core.ladder.ladder import Completion, mark_done
    from mnhsc_desktop.core.store.store import Store

    data = tmp_path / "data"
    store = Store.open(data)
    mark_done(store, Completion("q-network", dt.date.today(), 30, learned="Baby DOB 03/02/2025"))
    store.save()
    result = run_app("--data-dir", str(data), "record", "export", str(tmp_path / "r.csv"))
    assert result.returncode == 0
    assert "warning: date of birth “DOB 03/02/2025”" in result.stderr
