"""File > Import CPD, practice hours or feedback from the spreadsheet a midwife kept until now.

A CSV (UTF-8, or Windows' own encoding as Excel saves it) or an Excel .xlsx (openpyxl, loaded
only here). Header names are matched to fields case-insensitively, with common synonyms; every
row gets a fate before anything changes (new, duplicate, or refused with its row number and
why), and a row's id comes from its content, so importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mnhsc_desktop.core.input_files import InputRefused, read_input
from mnhsc_desktop.core.ladder.ladder import CODE_THEMES
from mnhsc_desktop.core.revalidation.entries import (
    CpdEntry,
    Entry,
    FeedbackEntry,
    HoursEntry,
    fingerprint_id,
    to_json,
)
from mnhsc_desktop.core.revalidation.portfolio import Portfolio
from mnhsc_desktop.core.revalidation.values import parse_date, parse_minutes
from mnhsc_desktop.core.store.state_schema import check_item

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000  # ten times a heavy user's three years
MAX_TEXT = 20_000
MAX_CPD_MINUTES = 24 * 60 * 31  # the store's limit for one entry
KINDS = {"cpd": "CPD", "hours": "practice hours", "feedback": "feedback"}
# field -> header names it answers to (compared without case, spaces or punctuation)
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "cpd": {
        "date": ("date", "date of activity", "when", "date completed"),
        "method": ("method", "cpd method", "type", "activity type", "type of activity"),
        "topic": ("topic", "title", "activity", "description", "subject", "topic and title"),
        "relevance": ("relevance to practice", "how it relates to practice",
                      "how it relates to my practice", "link to practice", "relevance",
                      "link to your practice"),
        "hours": ("hours", "number of hours", "time", "duration", "cpd hours"),
        "participatory": ("participatory hours", "number of participatory hours",
                          "participatory", "hours participatory"),
        "code_theme": ("code theme", "code", "theme", "nmc code theme", "part of the code",
                       "link to code", "link to the code"),
        "evidence": ("evidence", "evidence of cpd", "evidence record", "certificate"),
    },
    "hours": {
        "dates": ("dates", "date", "date range", "period"),  # "01/04/2024 - 31/03/2025"
        "from": ("from", "start", "start date", "date from", "first day"),
        "to": ("to", "end", "end date", "date to", "last day", "until"),
        "hours": ("hours", "number of hours", "practice hours", "hours worked"),
        "organisation": ("organisation", "organization", "employer", "trust",
                         "name of organisation"),
        "scope": ("scope of practice", "scope", "role"),
        "setting": ("work setting", "setting"),
        "description": ("description", "description of work", "what the work was",
                        "brief description of work undertaken", "notes"),
    },
    "feedback": {
        "date": ("date", "when", "date received"),
        "source": ("source", "from", "who", "source of feedback", "given by"),
        "feedback": ("feedback", "what it said", "content", "summary", "feedback received"),
        "used": ("how i used it", "how you used it", "how used", "action", "how i used this",
                 "how you used it to improve your practice"),
    },
}  # fmt: skip
# Where no name matches exactly, the first of these words in a header names its field (the
# NMC's own templates say "Number of participatory hours", "Link to Code", "Brief description
# of your work"); a word ending in * matches any word it begins.
KEYWORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "cpd": (("participatory", "participatory"), ("evidence", "evidence"), ("code", "code_theme"),
            ("theme", "code_theme"), ("relat*", "relevance"), ("method", "method"),
            ("topic", "topic"), ("title", "topic"), ("hours", "hours"), ("duration", "hours"),
            ("date", "date"), ("dates", "date")),
    "hours": (("setting", "setting"), ("scope", "scope"), ("description", "description"),
              ("organisation", "organisation"), ("organization", "organisation"),
              ("employer", "organisation"), ("hours", "hours"), ("from", "from"),
              ("start", "from"), ("to", "to"), ("end", "to"), ("until", "to"),
              ("dates", "dates")),
    "feedback": (("source", "source"), ("who", "source"), ("from", "source"), ("used", "used"),
                 ("use", "used"), ("improv*", "used"), ("action*", "used"),
                 ("feedback", "feedback"), ("content", "feedback"), ("summary", "feedback"),
                 ("date", "date"), ("dates", "date")),
}  # fmt: skip
# Each needed field, or a choice of fields (one is enough).
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "cpd": (("date",), ("topic", "relevance"), ("hours",)),
    "hours": (("to", "dates"), ("hours",)),
    "feedback": (("date",), ("source",)),
}  # fmt: skip
_RANGE = re.compile(r"\s+(?:-|–|—|to|until)\s+|\s*[–—]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class RowFate:
    row: int  # as the spreadsheet numbers it (the header is row 1 of its sheet)
    fate: str  # "new", "duplicate" or "refused"
    reason: str = ""
    entry: Entry | None = None


@dataclass
class ImportPlan:
    path: Path
    kind: str
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written
    ignored: list[str] = field(default_factory=list)  # headers that matched no field
    rows: list[RowFate] = field(default_factory=list)

    def of(self, fate: str) -> list[RowFate]:
        return [r for r in self.rows if r.fate == fate]

    @property
    def new_entries(self) -> list[Entry]:
        return [r.entry for r in self.rows if r.fate == "new" and r.entry is not None]

    def summary(self) -> str:
        counts = {fate: len(self.of(fate)) for fate in ("new", "duplicate", "refused")}
        return (
            f"{counts['new']} new, {counts['duplicate']} already in your portfolio, "
            f"{counts['refused']} refused"
        )


def _key(header: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(header or "").casefold()).strip()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise ValueError(f"a cell is longer than {MAX_TEXT:,} characters")
    return text


Rows = list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)


def read_table(path: Path) -> Rows:
    """The rows of a CSV or of an .xlsx's first sheet. Raises InputRefused (a clause saying
    why) for a file that cannot be read as a spreadsheet."""
    path = Path(path)
    data = read_input(path, MAX_BYTES)
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        return _xlsx_rows(data)
    return _csv_rows(data)


def guess_kind(rows: Rows, preferred: str | None = None) -> str:
    """The kind whose columns the header names best (the preferred one on a tie)."""
    order = ([preferred] if preferred in COLUMNS else []) + [k for k in COLUMNS if k != preferred]
    best, best_score = order[0], -1
    for kind in order:
        try:
            _row, header = _find_header(rows, kind)
        except InputRefused:
            continue
        score = len({_field_of(kind, name) for name in header} - {None})
        if score > best_score:
            best, best_score = kind, score
    return best


def plan_import(
    path: Path, kind: str, portfolio: Portfolio, rows: Rows | None = None
) -> ImportPlan:
    """Decide each row's fate (reading the file unless its rows are given). Raises
    InputRefused for a file that is not a spreadsheet of this kind."""
    if kind not in COLUMNS:
        raise ValueError(f"unknown kind {kind!r}")
    path = Path(path)
    rows = read_table(path) if rows is None else rows
    header_row, header = _find_header(rows, kind)
    plan = ImportPlan(path, kind)
    for name in header:
        if not _key(name):
            continue
        matched = _field_of(kind, name)
        if matched and matched not in plan.columns:
            plan.columns[matched] = str(name)
        else:
            plan.ignored.append(str(name))
    positions = {f: next(i for i, h in enumerate(header) if _field_of(kind, h) == f)
                 for f in plan.columns}  # fmt: skip
    seen: dict[tuple[Any, ...], int] = {e.identity(): 0 for e in _existing(portfolio, kind)}
    for number, cells in rows:
        if number <= header_row or not any(
            str(c).strip() if isinstance(c, str) else c is not None for c in cells
        ):
            continue
        if len(plan.rows) >= MAX_ROWS:
            raise InputRefused(f"it has more than {MAX_ROWS:,} rows; split it into smaller files")
        values = {f: cells[i] if i < len(cells) else None for f, i in positions.items()}
        try:
            entry = _entry(kind, values)
        except ValueError as error:
            plan.rows.append(RowFate(number, "refused", str(error)))
            continue
        if (first := seen.get(entry.identity())) is not None:
            why = f"the same as row {first}" if first else "already in your portfolio"
            plan.rows.append(RowFate(number, "duplicate", why, entry))
        else:
            seen[entry.identity()] = number
            plan.rows.append(RowFate(number, "new", "", entry))
    return plan


def _existing(portfolio: Portfolio, kind: str) -> list[Entry]:
    return {"cpd": portfolio.cpd, "hours": portfolio.hours, "feedback": portfolio.feedback}[kind]


def _field_of(kind: str, header: object) -> str | None:
    key = _key(header)
    if not key:
        return None
    exact = next((f for f, names in COLUMNS[kind].items() if key in names), None)
    if exact:
        return exact
    words = key.split()
    for word, field_name in KEYWORDS[kind]:
        stem = word.rstrip("*")
        if any(w == word or (word.endswith("*") and w.startswith(stem)) for w in words):
            return field_name
    return None


def _find_header(rows: list[tuple[int, list[Any]]], kind: str) -> tuple[int, list[Any]]:
    """The first row (of the first 20) naming every required column: a title or a note may sit
    above the table."""
    for number, cells in rows[:20]:
        named = {_field_of(kind, c) for c in cells}
        if all(any(choice in named for choice in need) for need in REQUIRED[kind]):
            return number, cells
    needed = ", ".join(" or ".join(need) for need in REQUIRED[kind])
    raise InputRefused(
        f"no row near the top names the columns a {KINDS[kind]} import needs ({needed}); "
        "check the file is the right one and its first row holds the column names"
    )


def _entry(kind: str, values: dict[str, Any]) -> Entry:
    text = {k: _cell_text(v) for k, v in values.items()}
    if kind == "cpd":
        if not text.get("topic"):  # the NMC's template has one column for both
            text["topic"] = _first_sentence(text.get("relevance", ""))
        if not text.get("topic"):
            raise ValueError("no topic")
        minutes = parse_minutes(values.get("hours"))
        raw = values.get("participatory")
        participatory = parse_minutes(raw) if _cell_text(raw) else 0
        if participatory > minutes:
            raise ValueError("more participatory hours than hours")
        if minutes > MAX_CPD_MINUTES:
            raise ValueError(
                f"{minutes / 60:g} hours in one entry is more than a month of learning: check "
                "the cell, or split it into the courses it was"
            )
        entry: Entry = CpdEntry(
            id="", date=parse_date(values.get("date")), method=text.get("method", ""),
            topic=text["topic"], relevance=text.get("relevance", ""), minutes=minutes,
            participatory_minutes=participatory, code_theme=code_theme(text.get("code_theme", "")),
            evidence=text.get("evidence", ""),
        )  # fmt: skip
    elif kind == "hours":
        start, end = _stretch(values, text)
        if end < start:
            raise ValueError("the “to” date is before the “from” date")
        entry = HoursEntry(
            id="", start=start, end=end, hours=round(parse_minutes(values.get("hours")) / 60, 2),
            organisation=text.get("organisation", ""), scope=text.get("scope", ""),
            setting=text.get("setting", ""), description=text.get("description", ""),
        )  # fmt: skip
    else:
        if not text.get("source"):
            raise ValueError("no source (who gave the feedback)")
        entry = FeedbackEntry(
            id="", date=parse_date(values.get("date")), source=text["source"],
            feedback=text.get("feedback", ""), used=text.get("used", ""),
        )  # fmt: skip
    entry = replace(entry, id=fingerprint_id(entry))
    if why := check_item("portfolio", f"{kind}/{entry.id}", to_json(entry)):
        raise ValueError(why.replace("its ", "the ", 1))  # what the store would refuse
    return entry


def _first_sentence(text: str, limit: int = 100) -> str:
    first = re.split(r"(?<=[.!?])\s|\n", text.strip(), maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _stretch(values: dict[str, Any], text: dict[str, str]) -> tuple[Any, Any]:
    """First and last day: from "from" and "to", or a range in one cell ("01/04/2024 -
    31/03/2025"); one date alone is a stretch of one day."""
    if text.get("to"):
        end = parse_date(values.get("to"))
        return (parse_date(values["from"]) if text.get("from") else end), end
    raw = values.get("dates")
    if not text.get("dates"):
        raise ValueError("no dates (the “to” date, or a range such as 01/04/2024 - 31/03/2025)")
    if not isinstance(raw, str):
        day = parse_date(raw)
        return day, day
    parts = _RANGE.split(raw.strip(), maxsplit=1)
    first = parse_date(parts[0])
    return first, parse_date(parts[1]) if len(parts) > 1 else first


def code_theme(text: str) -> str | None:
    """A theme named in a cell (its first word is enough), or None."""
    key = _key(text)
    for theme_id, name in CODE_THEMES.items():
        if key and (key == _key(name) or key.split()[0] == _key(name).split()[0]):
            return theme_id
    return None


# -- reading the file ----------------------------------------------------------------------------
def _csv_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    if b"\x00" in data[:65536]:
        raise InputRefused("it is not a spreadsheet (it holds binary data)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputRefused("its text is in an encoding that could not be read")
    if not text.strip():
        raise InputRefused("it is empty")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(MAX_TEXT * 4)
    try:
        return list(_numbered(csv.reader(io.StringIO(text, newline=""), dialect)))
    except csv.Error as error:
        raise InputRefused(f"it is not a readable CSV file ({error})") from None


def _numbered(rows: Iterator[list[Any]]) -> Iterator[tuple[int, list[Any]]]:
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS + 100:
            raise InputRefused(f"it has more than {MAX_ROWS:,} rows; split it into smaller files")
        yield number, row


def _xlsx_rows(data: bytes) -> list[tuple[int, list[Any]]]:
    """The first sheet's cells (a formula gives the value Excel last saved with it)."""
    import zipfile

    from openpyxl import load_workbook  # only when a spreadsheet is read

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise InputRefused(f"it is not an Excel .xlsx file that can be read ({error})") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InputRefused("it has no sheets")
        rows = list(_numbered(list(r) for r in sheet.iter_rows(values_only=True)))
    except InputRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputRefused(f"its sheet could not be read ({type(error).__name__})") from None
    finally:
        book.close()
    if not rows:
        raise InputRefused("it is empty")
    return rows
