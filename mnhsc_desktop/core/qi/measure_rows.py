"""A measure's data as people bring it: pasted from Excel (tab-separated), typed as CSV, or read
from a .csv or .xlsx file. Two columns, a date and a value (a first row of headings is passed
over), UK dates. Every bad row is named with its number and nothing is taken until all are good:
a half-imported measure would draw a chart that looks right and is not.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from mnhsc_desktop.core.revalidation.values import parse_date
from mnhsc_desktop.core.store.schema_qi import MAX_VALUE

Rows = list[tuple[int, list[Any]]]  # (row number as the user sees it, cells)
MAX_ROWS = 10_000


@dataclass
class RowsRead:
    rows: list[tuple[dt.date, float]] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (row number, why)
    header: bool = False  # a first row of headings was passed over

    @property
    def usable(self) -> bool:
        return bool(self.rows) and not self.refused

    def summary(self) -> str:
        if self.refused:
            shown = "; ".join(f"row {n}: {why}" for n, why in self.refused[:5])
            more = f" (and {len(self.refused) - 5} more)" if len(self.refused) > 5 else ""
            return (f"Nothing was taken: {len(self.refused)} row(s) could not be read. "
                    f"{shown}{more}.")  # fmt: skip
        if not self.rows:
            return "There are no rows of a date and a value to take."
        return f"{len(self.rows)} row(s) ready" + (" (the heading row passed over)." if
                                                  self.header else ".")  # fmt: skip


def rows_from_text(text: str) -> Rows:
    """Cells from pasted text: tab-separated (Excel, LibreOffice) or comma/semicolon CSV."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        return []
    delimiter = "\t" if "\t" in text else ";" if ";" in text and "," not in text else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [(n, row) for n, row in enumerate(reader, start=1)]


def parse_value(cell: Any) -> float:
    """A number from a cell: 12, 12.5, "12,5" (a decimal comma), "1,234", "85%"."""
    if isinstance(cell, bool):
        raise ValueError("not a number")
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = str(cell or "").strip().rstrip("%").strip()
        if not text:
            raise ValueError("no value")
        if text.count(",") == 1 and "." not in text and len(text.split(",")[1]) != 3:
            text = text.replace(",", ".")  # 12,5: a decimal comma
        text = text.replace(",", "")  # 1,234: a thousands separator
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"“{str(cell)[:30]}” is not a number") from None
    if number != number or not -MAX_VALUE <= number <= MAX_VALUE:
        raise ValueError(f"“{str(cell)[:30]}” is not a usable number")
    return number


def read_rows(rows: Rows) -> RowsRead:
    """The (date, value) pairs of `rows`, or every row that is wrong and why."""
    found = RowsRead()
    seen: dict[dt.date, int] = {}
    for index, (number, cells) in enumerate(rows):
        if not any(str(c).strip() for c in cells if c is not None):
            continue
        if len(found.rows) + len(found.refused) >= MAX_ROWS:
            found.refused.append((number, f"more than {MAX_ROWS:,} rows; split the data"))
            break
        first, second = [*cells, None, None][:2]
        try:
            day = parse_date(first)
        except ValueError as error:
            if index == 0 and not found.rows and _is_heading(second):
                found.header = True
                continue
            found.refused.append((number, str(error)))
            continue
        try:
            value = parse_value(second)
        except ValueError as error:
            found.refused.append((number, str(error)))
            continue
        if day in seen:
            found.refused.append((number, f"{day:%d/%m/%Y} is also in row {seen[day]}"))
            continue
        seen[day] = number
        found.rows.append((day, value))
    found.rows.sort()
    return found


def _is_heading(cell: Any) -> bool:
    try:
        parse_value(cell)
    except ValueError:
        return True
    return False
