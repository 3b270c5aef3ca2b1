"""The revalidation pack: one document in the order a confirmer reads it. Summary of the eight
requirements, practice hours, CPD log with totals, feedback log, the reflective accounts each
laid out like the NMC form, then the discussion and confirmation sheets ready for signature.

Counts come from status.revalidation_status, as everywhere else.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from html import escape

from mnhsc_desktop.core.calendar.events import uk_date
from mnhsc_desktop.core.document import PAGE_BREAK, Document, Table
from mnhsc_desktop.core.ladder.ladder import CODE_THEMES
from mnhsc_desktop.core.revalidation.entries import sheet, sheet_date
from mnhsc_desktop.core.revalidation.portfolio import Portfolio
from mnhsc_desktop.core.revalidation.status import SERVICE, Status
from mnhsc_desktop.core.store.store import Store

PRIVACY = "This record must not identify patients or colleagues."
CPD_COLUMNS = ("Date", "Method", "Topic", "How it relates to my practice", "Hours",
               "Participatory hours", "Code theme", "Evidence")  # fmt: skip
HOURS_COLUMNS = ("From", "To", "Hours", "Organisation", "Scope of practice", "Work setting",
                 "What the work was")  # fmt: skip
FEEDBACK_COLUMNS = ("Date", "Source", "What it said", "How I used it")
PROMPTS = (
    "What was the nature of the CPD activity and/or practice-related feedback and/or event or "
    "experience in your practice?",
    "What did you learn from the CPD activity and/or feedback and/or event or experience in "
    "your practice?",
    "How did you change or improve your practice as a result?",
    "How is this relevant to the Code?",
)


def _day(day: dt.date | None) -> str:
    return uk_date(day, weekday=False) if day else ""


def _hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def pack_document(
    store: Store, portfolio: Portfolio, status: Status, organisation: str = "", ladder=None
) -> Document:
    inside = portfolio.in_period(status.period)
    name = store.get("profile", "name", "") or "Name not given"
    pin = sheet(store, "settings")["pin"]
    doc = Document("Revalidation pack")
    at = f" at {escape(organisation)}" if organisation else ""
    doc.add(
        f"<h1>Revalidation pack</h1><p><b>{escape(name)}</b>"
        + (f" &nbsp; NMC PIN {escape(pin)}" if pin else "")
        + f"<br>Revalidation date: {_day(status.period.end)} (period {_day(status.period.start)}"
        f" to {_day(status.period.end)})<br>Prepared on {_day(status.today)}{at} with MNHSC "
        f"Desktop. Submit your application on {SERVICE}.</p><p><i>{PRIVACY}</i></p>"
        "<h2>The eight requirements</h2>"
    )
    doc.add(
        Table(
            ("", "Requirement", "Where I am", "Met"),
            [(str(r.number), r.name, _where(r), "Yes" if r.done else "Not yet")
             for r in status.requirements()],
            (0.04, 0.36, 0.48, 0.12),
        )
    )  # fmt: skip
    doc.add(PAGE_BREAK)
    doc.add("<h2>1. Practice hours</h2>")
    doc.add(Table(HOURS_COLUMNS, hours_cells(inside), (0.09, 0.09, 0.06, 0.18, 0.16, 0.14, 0.28),
                  "No practice hours logged in this period."))  # fmt: skip
    doc.add(
        f"<p>Total: <b>{_hours(status.practice_hours)} of {status.practice_hours_required} "
        "hours</b></p><h2>2. Continuing professional development</h2>"
    )
    doc.add(Table(CPD_COLUMNS, cpd_cells(inside), (0.09, 0.12, 0.20, 0.21, 0.06, 0.08, 0.12, 0.12),
                  "No CPD recorded in this period."))  # fmt: skip
    doc.add(
        f"<p>Total: <b>{_hours(status.cpd_hours)} of 35 hours</b>, of which "
        f"<b>{_hours(status.participatory_hours)} of 20 participatory</b></p>"
        "<h2>3. Practice-related feedback</h2>"
    )
    doc.add(Table(FEEDBACK_COLUMNS, feedback_cells(inside), (0.10, 0.20, 0.35, 0.35),
                  "No feedback logged in this period."))  # fmt: skip
    doc.add(f"<p>Pieces of feedback: <b>{status.feedback} of 5</b></p>")
    _accounts(doc, portfolio, inside, status)
    _discussion(doc, store, name, pin)
    _confirmation(doc, store, name, pin, status)
    if ladder is not None:
        _qi_levels(doc, store, ladder)
    return doc


def _qi_levels(doc: Document, store: Store, ladder) -> None:
    """Beyond the NMC's eight: where I am on the QI ladder, for an appraisal."""
    from mnhsc_desktop.core.ladder.ladder import WHERE_I_AM, Progress

    progress = Progress(store)
    items = []
    for subject in ladder.subjects:
        history = progress.history_of(subject.id)
        level = WHERE_I_AM[history[-1].level] if history else WHERE_I_AM["none"]
        since = f" (since {_day(history[-1].date)})" if history else ""
        items.append(f"<li>{escape(subject.name)}: <b>{level}</b>{since}</li>")
    doc.add(PAGE_BREAK)
    doc.add("<h2>Appendix: quality improvement, where I am in each subject</h2><ul>"
            + "".join(items) + "</ul>")  # fmt: skip


def _where(requirement) -> str:
    """The progress column: counts where there are counts, else the note (or nothing)."""
    shown = "" if requirement.progress in ("Done", "Not yet") else requirement.progress
    return "; ".join(part for part in (shown, requirement.note) if part)


def hours_cells(inside: Portfolio) -> list[tuple[str, ...]]:
    return [(_day(e.start), _day(e.end), _hours(e.hours), e.organisation, e.scope, e.setting,
             e.description) for e in inside.hours]  # fmt: skip


def cpd_cells(inside: Portfolio) -> list[tuple[str, ...]]:
    return [(_day(e.date), e.method, e.topic, e.relevance, _hours(e.hours),
             _hours(e.participatory_hours), e.code_theme_name, e.evidence)
            for e in inside.cpd]  # fmt: skip


def feedback_cells(inside: Portfolio) -> list[tuple[str, ...]]:
    return [(_day(e.date), e.source, e.feedback, e.used) for e in inside.feedback]


def _accounts(doc: Document, portfolio: Portfolio, inside: Portfolio, status: Status) -> None:
    complete = [a for a in inside.accounts if a.complete]
    doc.add(PAGE_BREAK)
    doc.add(f"<h2>4. Written reflective accounts ({status.accounts} of 5)</h2>")
    if not complete:
        doc.add("<p>No complete reflective accounts in this period.</p>")
    for number, account in enumerate(complete, start=1):
        if number > 1:
            doc.add(PAGE_BREAK)
        linked = portfolio.linked_title(account.link)
        themes = "<br>".join(
            f"{'☒' if key == account.code_theme else '☐'} {escape(title)}"
            for key, title in CODE_THEMES.items()
        )
        doc.add(
            f"<h3>Reflective account {number} ({_day(account.date)})</h3>"
            + (f"<p><i>Reflects on: {escape(linked)}</i></p>" if linked else "")
            + f"<p><b>{PROMPTS[0]}</b><br>{_para(account.nature)}</p>"
            f"<p><b>{PROMPTS[1]}</b><br>{_para(account.learned)}</p>"
            f"<p><b>{PROMPTS[2]}</b><br>{_para(account.changed)}</p>"
            f"<p><b>{PROMPTS[3]}</b><br>{themes}</p>"
            + (f"<p>{_para(account.relevance)}</p>" if account.relevance.strip() else "")
        )
    partial = [a for a in inside.accounts if not a.complete]
    if partial:  # never dropped from the pack, but not counted either
        doc.add(
            "<h3>Reflections not yet complete</h3><p>Not counted until all four prompts are "
            "answered (including the part of the Code).</p>"
        )
        for account in partial:
            doc.add(
                f"<p><b>{_day(account.date)}: {escape(account.nature) or 'no nature given'}</b>"
                f"<br>{_para(account.learned)}</p>"
            )


def _para(text: str) -> str:
    return escape(text.strip()).replace("\n", "<br>") or "—"


def _line(label: str, value: str) -> str:
    shown = escape(value) if value else "_" * 40
    return f"<tr><td width='35%'><b>{label}</b></td><td>{shown}</td></tr>"


def _discussion(doc: Document, store: Store, name: str, pin: str) -> None:
    values = sheet(store, "discussion")
    doc.add(PAGE_BREAK)
    doc.add(
        "<h2>5. Reflective discussion form</h2><table cellpadding='6' width='100%'>"
        + _line("NMC registrant", name) + _line("NMC PIN", pin)
        + _line("Discussion partner", values["partner"])
        + _line("Partner's NMC PIN", values["pin"]) + _line("Email", values["email"])
        + _line("Professional address", values["address"])
        + _line("Date of discussion", _day(sheet_date(values)))
        + "</table>"
        + (f"<p><b>Record of the discussion</b><br>{_para(values['notes'])}</p>"
           if values["notes"].strip() else "")
        + "<p>We discussed five written reflective accounts and how they relate to the Code."
        "</p><p><br>Signed (registrant): ______________________ &nbsp; Date: __________</p>"
        "<p><br>Signed (discussion partner): ______________________ &nbsp; Date: __________</p>"
        "<h2>6. Health and character</h2><p>"
        + ("I have declared my health and character." if sheet(store, "health_and_character")["done"]
           else "Not yet declared.")
        + "</p><h2>7. Professional indemnity arrangement</h2><p>"
        + _indemnity(store) + "</p>"
    )  # fmt: skip


def _indemnity(store: Store) -> str:
    values = sheet(store, "indemnity")
    if not values["done"]:
        return "Not yet confirmed."
    provider = values["provider"]
    return "I have an appropriate indemnity arrangement" + (
        f", through {escape(provider)}." if provider else "."
    )


def _confirmation(doc: Document, store: Store, name: str, pin: str, status: Status) -> None:
    values = sheet(store, "confirmation")
    warning = status.confirmation_warning
    doc.add(PAGE_BREAK)
    doc.add(
        "<h2>8. Confirmation form</h2><table cellpadding='6' width='100%'>"
        + _line("NMC registrant", name) + _line("NMC PIN", pin)
        + _line("Confirmer's name", values["name"]) + _line("Job title or role", values["role"])
        + _line("NMC PIN (if any)", values["pin"]) + _line("Email", values["email"])
        + _line("Professional address", values["address"])
        + _line("Date of confirmation", _day(sheet_date(values)))
        + "</table>"
        + (f"<p><b>Warning:</b> {escape(warning)}</p>" if warning else "")
        + "<p>I confirm that I have seen evidence that the registrant has met the requirements "
        "for revalidation (practice hours, CPD, feedback, written reflective accounts, the "
        "reflective discussion), as set out in this pack.</p>"
        "<p><br>Signed (confirmer): ______________________ &nbsp; Date: __________</p>"
    )  # fmt: skip


# -- CSV of each log ------------------------------------------------------------------------------
def _cell(text: str) -> str:
    """Text that Excel will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def log_csv(kind: str, inside: Portfolio) -> bytes:
    """One log as CSV, UTF-8 with a byte-order mark so Excel reads accents and £ correctly."""
    header, cells = {
        "cpd": (CPD_COLUMNS, cpd_cells(inside)),
        "hours": (HOURS_COLUMNS, hours_cells(inside)),
        "feedback": (FEEDBACK_COLUMNS, feedback_cells(inside)),
    }[kind]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in cells:
        writer.writerow([_cell(c) for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
