"""The eight NMC requirements, counted by one function that the window, Home, the pack and the
command line all call, so that no two of them can disagree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mnhsc_desktop.core.ladder.ladder import Period
from mnhsc_desktop.core.revalidation.entries import sheet, sheet_date
from mnhsc_desktop.core.revalidation.portfolio import Portfolio
from mnhsc_desktop.core.store.store import Store

PRACTICE_HOURS = 450
PRACTICE_HOURS_DUAL = 900  # a nurse and midwife renewing both registrations
CPD_HOURS = 35
PARTICIPATORY_HOURS = 20
FEEDBACK_NEEDED = 5
ACCOUNTS_NEEDED = 5
APPLICATION_WINDOW_DAYS = 60
SERVICE = "MyNMC"  # the NMC's online service (it replaced NMC Online in February 2026)


@dataclass(frozen=True)
class Requirement:
    number: int
    name: str
    done: bool
    progress: str  # "312.5 of 450 hours", "Done", "Not yet"
    note: str = ""  # a warning, or what is left


@dataclass(frozen=True)
class Status:
    period: Period
    today: dt.date
    practice_hours: float
    practice_hours_required: int
    cpd_hours: float
    participatory_hours: float
    feedback: int
    accounts: int
    discussion_done: bool
    health_done: bool
    indemnity_done: bool
    confirmation_done: bool
    confirmation_warning: str

    @property
    def days_to_revalidation(self) -> int:
        return (self.period.end - self.today).days

    @property
    def window_opens(self) -> dt.date:
        return self.period.end - dt.timedelta(days=APPLICATION_WINDOW_DAYS)

    @property
    def final_year_starts(self) -> dt.date:
        return final_year(self.period).start

    def requirements(self) -> list[Requirement]:
        hours_left = max(0.0, CPD_HOURS - self.cpd_hours)
        return [
            Requirement(1, "Practice hours", self.practice_hours >= self.practice_hours_required,
                        f"{_num(self.practice_hours)} of {self.practice_hours_required} hours"),
            Requirement(2, "Continuing professional development",
                        self.cpd_hours >= CPD_HOURS and self.participatory_hours >= PARTICIPATORY_HOURS,
                        f"{_num(self.cpd_hours)} of {CPD_HOURS} hours, "
                        f"{_num(self.participatory_hours)} of {PARTICIPATORY_HOURS} participatory",
                        f"{_num(hours_left)} hours to go" if hours_left else ""),
            Requirement(3, "Practice-related feedback", self.feedback >= FEEDBACK_NEEDED,
                        f"{self.feedback} of {FEEDBACK_NEEDED}"),
            Requirement(4, "Written reflective accounts", self.accounts >= ACCOUNTS_NEEDED,
                        f"{self.accounts} of {ACCOUNTS_NEEDED}",
                        "An account counts when all four prompts of the form are answered."),
            Requirement(5, "Reflective discussion", self.discussion_done, _done(self.discussion_done)),
            Requirement(6, "Health and character", self.health_done, _done(self.health_done)),
            Requirement(7, "Professional indemnity arrangement", self.indemnity_done,
                        _done(self.indemnity_done)),
            Requirement(8, "Confirmation", self.confirmation_done, _done(self.confirmation_done),
                        self.confirmation_warning),
        ]  # fmt: skip

    @property
    def missing(self) -> list[Requirement]:
        return [r for r in self.requirements() if not r.done]

    def to_json(self) -> dict[str, Any]:
        return {
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "practice_hours": {"logged": round(self.practice_hours, 2),
                               "required": self.practice_hours_required},
            "cpd": {"hours": round(self.cpd_hours, 2),
                    "participatory_hours": round(self.participatory_hours, 2),
                    "required": CPD_HOURS, "participatory_required": PARTICIPATORY_HOURS},
            "feedback": {"count": self.feedback, "required": FEEDBACK_NEEDED},
            "reflective_accounts": {"count": self.accounts, "required": ACCOUNTS_NEEDED},
            "reflective_discussion": {"done": self.discussion_done},
            "health_and_character": {"done": self.health_done},
            "indemnity": {"done": self.indemnity_done},
            "confirmation": {"done": self.confirmation_done},
            "days_to_revalidation": self.days_to_revalidation,
        }  # fmt: skip


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _done(done: bool) -> str:
    return "Done" if done else "Not yet"


def final_year(period: Period) -> Period:
    """The final 12 months before the revalidation date, when the confirmation must be."""
    end = period.end
    try:
        start = end.replace(year=end.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        start = end.replace(year=end.year - 1, day=28) + dt.timedelta(days=1)
    return Period(start, end)


def confirmation_warning(day: dt.date | None, period: Period) -> str:
    if day is None:
        return ""
    year = final_year(period)
    if day in year:
        return ""
    return (
        "The confirmation date is outside the final 12 months before your revalidation date "
        f"({year.start:%d %b %Y} to {year.end:%d %b %Y}): the NMC will not accept it."
    )


def revalidation_status(
    store: Store, portfolio: Portfolio, period: Period, today: dt.date | None = None
) -> Status:
    """Every requirement for one period: the only place anything is counted."""
    today = today or dt.date.today()
    inside = portfolio.in_period(period)
    discussion = sheet(store, "discussion")
    confirmation = sheet(store, "confirmation")
    confirmed_on = sheet_date(confirmation)
    dual = bool(sheet(store, "settings")["dual_registration"])
    return Status(
        period=period,
        today=today,
        practice_hours=sum(e.hours for e in inside.hours),
        practice_hours_required=PRACTICE_HOURS_DUAL if dual else PRACTICE_HOURS,
        cpd_hours=sum(e.minutes for e in inside.cpd) / 60,
        participatory_hours=sum(min(e.participatory_minutes, e.minutes) for e in inside.cpd) / 60,
        feedback=len(inside.feedback),
        accounts=sum(1 for a in inside.accounts if a.complete),
        discussion_done=bool(discussion["partner"].strip() and sheet_date(discussion)),
        health_done=bool(sheet(store, "health_and_character")["done"]),
        indemnity_done=bool(sheet(store, "indemnity")["done"]),
        confirmation_done=bool(
            confirmation["name"].strip() and confirmed_on and confirmed_on in final_year(period)
        ),
        confirmation_warning=confirmation_warning(confirmed_on, period),
    )


def status_now(
    store: Store,
    ladder=None,
    activities=(),
    period: Period | None = None,
    today: dt.date | None = None,
) -> tuple[Portfolio, Status]:
    """The portfolio and the status of a period (default: the current one), read afresh."""
    from mnhsc_desktop.core.ladder.ladder import revalidation_period

    portfolio = Portfolio.read(store, ladder, activities)
    period = period or revalidation_period(store, today)
    return portfolio, revalidation_status(store, portfolio, period, today)
