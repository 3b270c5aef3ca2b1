"""The learning record: CPD rows for appraisal and NMC revalidation, as CSV and as a document.

The document is HTML built here (no Qt), so the window and the command line print the same
thing; ui/shell/pdf.py turns it into a PDF or sends it to a printer.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.ladder.ladder import (
    CODE_THEMES,
    CPD_HOURS_NEEDED,
    PARTICIPATORY_HOURS_NEEDED,
    REFLECTIONS_NEEDED,
    WHERE_I_AM,
    Completion,
    LadderFile,
    Period,
    Progress,
)

# How each kind of resource is described as a CPD method.
METHODS = {
    "watch": "Watched a film or talk",
    "read": "Reading",
    "online-training": "Online learning",
    "attend": "Workshop",
    "apply": "Joined a network",
    "register": "Registered on a QI platform",
    "host": "Led a team session",
}
PRIVACY = "This record must not identify patients or colleagues."
CSV_COLUMNS = (
    "Date", "Method", "Topic", "How it relates to my practice", "Hours", "Participatory hours",
    "Code theme", "Evidence",
)  # fmt: skip


@dataclass(frozen=True)
class CpdRow:
    date: dt.date
    method: str
    topic: str
    relevance: str
    minutes: int
    participatory: bool
    code_theme: str
    evidence: str
    learned: str = ""
    reflective: bool = False  # a reflective account (Completion.has_reflection): counted once, here

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)

    @property
    def participatory_hours(self) -> float:
        return self.hours if self.participatory else 0.0


def cpd_rows(
    ladder: LadderFile, progress: Progress, period: Period, extra: Iterable[CpdRow] = ()
) -> list[CpdRow]:
    """Every completion in the period as a CPD row, oldest first."""
    rows = list(extra)
    for completion in progress.done.values():
        resource = ladder.resource(completion.resource_id)
        if resource is None or completion.date not in period:
            continue
        rows.append(_row(completion, METHODS[resource.type], resource.title))
    return sorted((r for r in rows if r.date in period), key=lambda r: (r.date, r.topic))


def _row(completion: Completion, method: str, topic: str) -> CpdRow:
    return CpdRow(
        date=completion.date,
        method=method + (" (with others)" if completion.participatory else ""),
        topic=topic,
        relevance=completion.practice,
        minutes=completion.minutes,
        participatory=completion.participatory,
        code_theme=CODE_THEMES.get(completion.code_theme or "", ""),
        evidence=completion.evidence,
        learned=completion.learned,
        reflective=completion.has_reflection,
    )


def _cell(text: str) -> str:
    """Text that Excel will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_bytes(rows: list[CpdRow]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens accents and £ correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow([
            r.date.isoformat(), _cell(r.method), _cell(r.topic), _cell(r.relevance), f"{r.hours:g}",
            f"{r.participatory_hours:g}", r.code_theme, _cell(r.evidence),
        ])  # fmt: skip
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class RecordDocument:
    """The learning record in three parts: prose before the CPD table, the table's cells, and
    prose after it. The PDF paints the table itself (Qt's rich-text tables take seconds at
    thousands of rows); the prose is laid out as HTML."""

    before_table: str
    cells: list[tuple[str, ...]]
    after_table: str
    header: tuple[str, ...] = CSV_COLUMNS

    def html(self) -> str:
        table = ['<table border="1" cellspacing="0" cellpadding="3" width="100%">']
        table.append("<tr>" + "".join(f"<th>{escape(c)}</th>" for c in self.header) + "</tr>")
        for cells in self.cells:
            table.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
        if not self.cells:
            table.append(
                f'<tr><td colspan="{len(self.header)}">No CPD recorded in this period.</td></tr>'
            )
        table.append("</table>")
        return self.before_table + "".join(table) + self.after_table


def record_document(
    name: str,
    ladder: LadderFile,
    progress: Progress,
    period: Period,
    rows: list[CpdRow],
    today: dt.date | None = None,
    organisation: str = "",
) -> RecordDocument:
    """The learning record: for a person to read and a manager to sign."""
    today = today or dt.date.today()
    at = f" at {escape(organisation)}" if organisation else ""
    hours = sum(r.minutes for r in rows) / 60
    participatory = sum(r.minutes for r in rows if r.participatory) / 60
    reflections = [r for r in rows if r.reflective]  # the same test as the window's summary
    before = (
        "<h1>Learning record</h1>"
        f"<p><b>{escape(name or 'Name not given')}</b><br>Period: {uk_date(period.start, weekday=False)} to "
        f"{uk_date(period.end, weekday=False)}<br>Prepared on {uk_date(today, weekday=False)}{at} with MNHSC Desktop</p>"
        f"<p><i>{PRIVACY}</i></p>"
        "<h2>Continuing professional development</h2>"
    )
    cells = [
        (
            uk_date(r.date, weekday=False),
            r.method,
            r.topic,
            r.relevance,
            f"{r.hours:g}",
            f"{r.participatory_hours:g}",
            r.code_theme,
            r.evidence,
        )
        for r in rows
    ]
    after = [
        "<h2>Totals</h2><p>"
        f"CPD: {hours:.1f} of {CPD_HOURS_NEEDED} hours<br>"
        f"Participatory: {participatory:.1f} of {PARTICIPATORY_HOURS_NEEDED} hours<br>"
        f"Reflective accounts: {len(reflections)} of {REFLECTIONS_NEEDED}</p>",
        "<h2>Reflective accounts</h2>",
    ]
    if not reflections:
        after.append("<p>No reflections written in this period.</p>")
    for number, r in enumerate(reflections, start=1):
        after.append(f"<h3>{number}. {escape(r.topic)} ({uk_date(r.date, weekday=False)})</h3>")
        after.append(f"<p><b>What was the nature of the CPD activity?</b> {escape(r.method)}</p>")
        after.append(f"<p><b>What did you learn?</b> {escape(r.learned) or '—'}</p>")
        after.append(
            f"<p><b>How did you change or improve your practice as a result?</b> {escape(r.relevance) or '—'}</p>"
        )
        after.append(
            f"<p><b>How is this relevant to the Code?</b> {escape(r.code_theme) or '—'}</p>"
        )
    partial = [r for r in rows if not r.reflective and r.learned.strip()]
    if partial:  # words are never dropped from the record, but they are not counted either
        after.append(
            "<h2>Reflections not yet complete</h2><p>Not counted as reflective accounts until "
            "what was learned, how practice changed and the part of the Code are all given.</p>"
        )
        for r in partial:
            after.append(
                f"<p><b>{escape(r.topic)} ({uk_date(r.date, weekday=False)}):</b> "
                f"{escape(r.learned)}</p>"
            )
    after.append("<h2>Quality improvement: where I am in each subject</h2><ul>")
    for subject in ladder.subjects:
        history = progress.history_of(subject.id)
        level = WHERE_I_AM[history[-1].level] if history else WHERE_I_AM["none"]
        since = f" (since {uk_date(history[-1].date, weekday=False)})" if history else ""
        after.append(f"<li>{escape(subject.name)}: <b>{level}</b>{since}</li>")
    after.append("</ul>")
    after.append(
        "<h2>Confirmation</h2><p>Signed: ______________________________ &nbsp; "
        "Date: ______________</p><p>Name and role of confirmer: ______________________________</p>"
    )
    return RecordDocument(before, cells, "".join(after))


def record_html(
    name: str,
    ladder: LadderFile,
    progress: Progress,
    period: Period,
    rows: list[CpdRow],
    today: dt.date | None = None,
) -> str:
    """The whole record as one HTML document."""
    return record_document(name, ladder, progress, period, rows, today).html()
