"""`mnhsc-desktop qi chart`: a measure's chart as data, and bad data refused with its row."""

from __future__ import annotations

import json
from pathlib import Path

VALUES = [62, 65, 60, 64, 61, 63, 62, 60, 64, 63, 61, 62, 70, 72, 71, 73, 74, 72, 75, 73, 74,
          76, 75, 77]  # fmt: skip
ON_TIME = "week,discharged before 11:00 (%)\n" + "".join(
    f"{day:02d}/01/2026,{value}\n" for day, value in enumerate(VALUES, start=1)
)


def test_xmr_json_shows_the_shift_after_the_change(run_app, tmp_path: Path) -> None:
    data = tmp_path / "on-time.csv"
    data.write_text(ON_TIME)
    result = run_app("qi", "chart", str(data), "--json", "--improvement", "increase",
                     "--fix-after", "12", "--target", "95")  # fmt: skip
    assert result.returncode == 0, result.stderr
    chart = json.loads(result.stdout)
    assert chart["type"] == "xmr" and len(chart["points"]) == 24
    first = chart["points"][0]
    assert set(first) == {"x", "value", "centre", "upper", "lower", "rules", "point_type"}
    assert first["x"] == "2026-01-01" and abs(first["centre"] - 62.25) < 1e-9
    later = chart["points"][12:]
    assert all("shift" in p["rules"] for p in later)
    assert all(p["point_type"] == "special_cause_improvement" for p in later)
    assert chart["variation"] == "special_cause_improvement"
    assert chart["assurance"] == "consistent_fail", "95% is above what this process can reach"
    run = json.loads(run_app("qi", "chart", str(data), "--json", "--type", "run").stdout)
    assert run["type"] == "run" and run["useful_observations"] == 24
    assert run["runs"] == 2 and run["runs_signal"] == "too_few"


def test_bad_data_is_refused_with_its_row(run_app, tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("date,value\n01/01/2026,5\n02/01/2026,five\n")
    result = run_app("qi", "chart", str(data), "--json")
    assert result.returncode == 2 and "row 3" in result.stderr and result.stdout == ""
    result = run_app("qi", "chart", str(data).replace("bad", "missing"))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_the_chart_is_drawn_to_png_and_pdf_with_its_signals_in_words(run_app, tmp_path) -> None:
    import pypdf
    from PySide6.QtGui import QImage

    data = tmp_path / "on-time.csv"
    data.write_text(ON_TIME)
    png, pdf = tmp_path / "chart.png", tmp_path / "chart.pdf"
    for out in (png, pdf):
        result = run_app("qi", "chart", str(data), "--improvement", "increase", "--fix-after",
                         "12", "--out", str(out), "--title", "Discharge information")  # fmt: skip
        assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 900)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages).split())
    assert "Discharge information (XmR chart)" in text
    assert "points 13 to 24" in text and "a shift" in text and "improvement" in text
    refused = run_app("qi", "chart", str(data), "--out", str(tmp_path / "chart.jpg"))
    assert refused.returncode == 2 and ".pdf or .png" in refused.stderr


def test_qi_export_writes_a_saved_project_on_one_page(run_app, tmp_path: Path) -> None:
    import pypdf

    from mnhsc_desktop.core.qi import projects as qp
    from mnhsc_desktop.core.store.store import Store

    folder = tmp_path / "data"
    store = Store.open(folder)
    key = qp.add_project(store, "Discharge before 11")
    measure = qp.empty_measure("On time") | {
        "data": [[f"2026-01-{day:02d}", float(v)] for day, v in enumerate(VALUES, start=1)]
    }
    qp.save_project(store, key, qp.project(store, key) | {"measures": [measure]})
    assert store.save()
    out = tmp_path / "page.pdf"
    result = run_app(
        "--data-dir", str(folder), "qi", "export", "discharge", str(out), "--size", "A3"
    )
    assert result.returncode == 0, result.stderr
    pages = pypdf.PdfReader(out).pages
    assert len(pages) == 1 and "Discharge before 11" in " ".join(pages[0].extract_text().split())
    assert float(pages[0].mediabox.width) > 1100  # A3 landscape: 420 mm, about 1190 points
    missing = run_app("--data-dir", str(folder), "qi", "export", "sepsis", str(out))
    assert missing.returncode == 2 and "Your projects: “Discharge before 11”" in missing.stderr
