"""A measure's data from a CSV (a header row, then date,value rows, ISO or UK dates), refused
with the row number of the first bad row: nothing is half-read."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from mnhsc_desktop.core.input_files import InputRefused, read_input
from mnhsc_desktop.core.revalidation.values import parse_date

MAX_BYTES = 10 * 1024 * 1024


def read_measure(path: Path) -> list[tuple[dt.date, float]]:
    """The (date, value) pairs in date order; InputRefused (a clause with the row) otherwise."""
    raw = read_input(Path(path), MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    found: list[tuple[dt.date, float]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2:
            raise InputRefused(f"row {number} has no value (it should be date,value)")
        try:
            day = parse_date(row[0])
        except ValueError as error:
            raise InputRefused(f"row {number}: {error}") from None
        try:
            value = float(row[1].strip().replace(",", "."))
        except ValueError:
            raise InputRefused(f"row {number}: “{row[1][:30]}” is not a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise InputRefused(f"row {number}: “{row[1][:30]}” is not a number")
        found.append((day, value))
    if not found:
        raise InputRefused("it holds no data rows (a header row, then date,value rows)")
    days = [d for d, _v in found]
    if len(set(days)) != len(days):
        twice = next(d for d in days if days.count(d) > 1)
        raise InputRefused(f"the date {twice:%d/%m/%Y} appears twice")
    return sorted(found)
