"""Bringing a midwife's own spreadsheet in: CSV and .xlsx, friendly and hostile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mnhsc_desktop.core.input_files import InputRefused
from mnhsc_desktop.core.revalidation.entries import add_entries
from mnhsc_desktop.core.revalidation.pack import log_csv
from mnhsc_desktop.core.revalidation.portfolio import Portfolio
from mnhsc_desktop.core.revalidation.spreadsheet import MAX_ROWS, plan_import
from mnhsc_desktop.core.store.store import Store

CPD_CSV = """\
My CPD log 2024-27,,,,,,,
DATE,Method,Topic,Relevance to practice,Hours,Participatory hours,Code theme,Evidence
03/02/2025,Workshop,PROMPT training,Obstetric emergencies,7:30,7.5,Preserve safety,Certificate
3 Feb 2025,Reading,Article on CTG,,90 min,,practise effectively,
2025-13-01,Reading,Bad date,,1,,,
,,,,,,,
04/02/2025,Reading,Formula,,=1+1,,,
03/02/2025,Workshop,PROMPT training,Obstetric emergencies,7:30,7.5,Preserve safety,Certificate
05/02/2025,Course,Too much with others,,1,2,,
"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_each_row_gets_its_fate_with_its_row_number(tmp_path: Path) -> None:
    plan = plan_import(write(tmp_path, "cpd.csv", CPD_CSV), "cpd", Portfolio())
    assert plan.ignored == [] and len(plan.columns) == 8
    fates = [(r.row, r.fate) for r in plan.rows]
    assert fates == [(3, "new"), (4, "new"), (5, "refused"), (7, "refused"), (8, "duplicate"),
                     (9, "refused")]  # fmt: skip
    first, second = plan.new_entries
    assert (first.minutes, first.participatory_minutes, first.code_theme) == (450, 450,
                                                                               "preserve-safety")  # fmt: skip
    assert (second.date, second.minutes, second.code_theme) == (dt.date(2025, 2, 3), 90,
                                                                 "practise-effectively")  # fmt: skip
    reasons = {r.row: r.reason for r in plan.rows}
    assert "not a date" in reasons[5] and "formula" in reasons[7]
    assert reasons[8] == "the same as row 3" and "participatory" in reasons[9]
    assert plan.summary() == "2 new, 1 already in your portfolio, 3 refused"


def test_importing_the_same_file_again_changes_nothing(tmp_path: Path, data_dir: Path) -> None:
    store = Store.open(data_dir)
    path = write(tmp_path, "cpd.csv", CPD_CSV)
    add_entries(store, plan_import(path, "cpd", Portfolio.read(store)).new_entries)
    before = store.snapshot()["portfolio"]
    again = plan_import(path, "cpd", Portfolio.read(store))
    assert again.new_entries == [] and len(again.of("duplicate")) == 3
    assert add_entries(store, again.new_entries) is None and store.snapshot()["portfolio"] == before


def test_our_own_csv_export_reads_back(tmp_path: Path, data_dir: Path) -> None:
    store = Store.open(data_dir)
    add_entries(
        store, plan_import(write(tmp_path, "a.csv", CPD_CSV), "cpd", Portfolio()).new_entries
    )
    exported = write(tmp_path, "out.csv", log_csv("cpd", Portfolio.read(store)))
    plan = plan_import(exported, "cpd", Portfolio.read(store))
    assert [r.fate for r in plan.rows] == ["duplicate", "duplicate"]


def test_hours_and_feedback_with_synonyms_and_semicolons(tmp_path: Path) -> None:
    hours = "Start date;End date;Hours worked;Employer;Role;Setting;Notes\n" \
            "01/04/2024;30/06/2024;337.5;North Trust;Midwife;Labour ward;Shifts\n" \
            ";31/07/2024;100;North Trust;;;\n"  # fmt: skip
    plan = plan_import(write(tmp_path, "h.csv", hours), "hours", Portfolio())
    first, second = plan.new_entries
    assert (first.start, first.end, first.hours, first.setting) == (
        dt.date(2024, 4, 1), dt.date(2024, 6, 30), 337.5, "Labour ward")  # fmt: skip
    assert second.start == second.end == dt.date(2024, 7, 31)
    feedback = "Date,Who,What it said,How I used it\n1 May 2025,A mother,Kind words,Shared\n"
    (entry,) = plan_import(write(tmp_path, "f.csv", feedback), "feedback", Portfolio()).new_entries
    assert (entry.source, entry.used) == ("A mother", "Shared")


def test_windows_encoded_csv_from_excel(tmp_path: Path) -> None:
    text = "Date,Topic,Hours\n03/02/2025,Café conversation £0,1\n"
    plan = plan_import(write(tmp_path, "w.csv", text.encode("cp1252")), "cpd", Portfolio())
    assert plan.new_entries[0].topic == "Café conversation £0"


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "empty"), (b"\x00\x01\x02binary" * 100, "binary"),
     (b"Name,Colour\nA,B\n", "columns"), (b"PK\x03\x04 not really a zip", "Excel")],
)  # fmt: skip
def test_hostile_files_are_refused_with_a_reason(tmp_path: Path, data: bytes, words: str) -> None:
    with pytest.raises(InputRefused) as refused:
        plan_import(write(tmp_path, "x.csv", data), "cpd", Portfolio())
    assert words in refused.value.reason


def test_a_hundred_thousand_rows_are_refused_quickly(tmp_path: Path) -> None:
    rows = "".join(f"03/02/2025,Topic {n},1\n" for n in range(100_000))
    with pytest.raises(InputRefused) as refused:
        plan_import(write(tmp_path, "big.csv", "Date,Topic,Hours\n" + rows), "cpd", Portfolio())
    assert f"{MAX_ROWS:,}" in refused.value.reason


def test_xlsx_with_dates_times_formulas_and_merged_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["CPD record"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Date", "Topic", "Hours", "Participatory hours"])
    sheet.append([dt.datetime(2025, 2, 3), "Study day", 7.5, dt.time(7, 30)])
    sheet.append(["4 Feb 2025", "Formula hours", "=2+2", None])  # no saved value: refused
    sheet.append([dt.date(2025, 2, 5), "Merged", 1, None])
    sheet.merge_cells("B5:C5")  # the hours cell is swallowed by the merge: refused
    path = tmp_path / "cpd.xlsx"
    book.save(path)
    plan = plan_import(path, "cpd", Portfolio())
    assert [(r.row, r.fate) for r in plan.rows] == [(3, "new"), (4, "refused"), (5, "refused")]
    assert plan.new_entries[0].participatory_minutes == 450


def test_a_row_the_store_would_refuse_is_refused_here_with_its_reason(tmp_path: Path) -> None:
    text = "Date,Topic,Hours\n03/02/2025,A year of study,900\n03/02/2025,Fine,2\n"
    plan = plan_import(write(tmp_path, "c.csv", text), "cpd", Portfolio())
    refused, fine = plan.rows
    assert refused.fate == "refused" and "more than a month" in refused.reason
    assert fine.fate == "new"


def test_the_nmc_templates_own_column_names(tmp_path: Path) -> None:
    """The NMC's practice hours and CPD log templates, as a midwife fills them in Excel."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Practice hours log"])
    sheet.append(["Dates:", "Name and address of organisation:",
                  "Your work setting (choose from list above):", "Your scope of practice",
                  "Number of hours", "Brief description of your work"])  # fmt: skip
    sheet.append(["01/04/2024 - 31/03/2025", "North Hospital, NT1 1AA",
                  "Maternity unit or birth centre", "Direct patient care", 1150,
                  "Band 6 midwife, labour ward"])  # fmt: skip
    sheet.append(["1 Apr 2025 to 30 Nov 2025", "Community team", "Community setting",
                  "Direct patient care", "800", "Caseload midwifery"])  # fmt: skip
    path = tmp_path / "hours.xlsx"
    book.save(path)
    first, second = plan_import(path, "hours", Portfolio()).new_entries
    assert (first.start, first.end, first.hours) == (
        dt.date(2024, 4, 1),
        dt.date(2025, 3, 31),
        1150,
    )
    assert (
        first.setting == "Maternity unit or birth centre" and first.scope == "Direct patient care"
    )
    assert (second.start, second.end) == (dt.date(2025, 4, 1), dt.date(2025, 11, 30))

    cpd = ("CPD method,Description of topic and how it relates to your practice,Dates,"
           "Number of hours,Number of participatory hours,Link to Code,Evidence\n"
           "Study day,Neonatal resuscitation update. Led the team drill after.,12/05/2025,7,7,"
           "Preserve safety,Certificate\n")  # fmt: skip
    plan = plan_import(write(tmp_path, "cpd.csv", cpd), "cpd", Portfolio())
    assert plan.ignored == []
    (entry,) = plan.new_entries
    assert entry.topic == "Neonatal resuscitation update."
    assert entry.relevance.endswith("Led the team drill after.")
    assert (entry.minutes, entry.participatory_minutes, entry.code_theme) == (420, 420,
                                                                               "preserve-safety")  # fmt: skip


def test_a_huge_cell_refuses_its_row_not_the_file(tmp_path: Path) -> None:
    text = f"Date,Topic,Hours\n03/02/2025,{'x' * 30_000},1\n03/02/2025,Fine,1\n"
    plan = plan_import(write(tmp_path, "c.csv", text), "cpd", Portfolio())
    assert [r.fate for r in plan.rows] == ["refused", "new"]
    assert "longer than" in plan.rows[0].reason


def test_the_kind_is_guessed_from_the_header(tmp_path: Path) -> None:
    from mnhsc_desktop.core.revalidation.spreadsheet import guess_kind, read_table

    hours = read_table(write(tmp_path, "h.csv", "From,To,Hours worked,Employer\n"))
    assert guess_kind(hours, "cpd") == "hours"
    feedback = read_table(write(tmp_path, "f.csv", "Date,Source of feedback,Content\n"))
    assert guess_kind(feedback) == "feedback"
    assert guess_kind(read_table(write(tmp_path, "x.csv", "Name,Colour\n")), "cpd") == "cpd"
