"""The portfolio's own entries, as the store keeps them in its "portfolio" section.

Each entry is one key ("cpd/<id>", "hours/<id>", "feedback/<id>", "account/<id>"), so two PCs'
portfolios merge entry by entry, and Edit > Undo puts back exactly the entry a change touched.
The one-off sheets ("discussion", "health_and_character", "indemnity", "confirmation",
"settings") are a key each. CPD that lives elsewhere (ladder ticks, team logs) is not copied
here: portfolio.py shows it beside these entries and edits it where it lives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

from mnhsc_desktop.core.ladder.ladder import CODE_THEMES, now_stamp
from mnhsc_desktop.core.store.store import StateChange, Store

SECTION = "portfolio"
KINDS = ("cpd", "hours", "feedback", "account")


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


@dataclass(frozen=True)
class CpdEntry:
    """One piece of CPD, with the fields of the NMC's CPD record template."""

    KIND: ClassVar[str] = "cpd"
    id: str
    date: dt.date
    method: str
    topic: str
    relevance: str = ""
    minutes: int = 0
    participatory_minutes: int = 0
    code_theme: str | None = None
    evidence: str = ""
    origin: str = "own"  # "own", "ladder" (a tick) or "team" (a culture team log)
    ref: str = ""  # where a ladder or team entry lives
    changed_at: str = ""

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def participatory_hours(self) -> float:
        return self.participatory_minutes / 60

    @property
    def code_theme_name(self) -> str:
        return CODE_THEMES.get(self.code_theme or "", "")

    def identity(self) -> tuple[Any, ...]:
        return (self.date, _norm(self.topic), _norm(self.method), self.minutes)


@dataclass(frozen=True)
class HoursEntry:
    """Practice hours: a stretch of work, for the 450 (or 900) hours."""

    KIND: ClassVar[str] = "hours"
    id: str
    start: dt.date
    end: dt.date
    hours: float
    organisation: str = ""
    scope: str = ""
    setting: str = ""
    description: str = ""
    changed_at: str = ""

    @property
    def date(self) -> dt.date:
        """The day that decides the period a stretch counts in: its last."""
        return self.end

    def identity(self) -> tuple[Any, ...]:
        return (self.start, self.end, round(self.hours, 2), _norm(self.organisation))


@dataclass(frozen=True)
class FeedbackEntry:
    """Practice-related feedback: who gave it, what it said, and what I did with it."""

    KIND: ClassVar[str] = "feedback"
    id: str
    date: dt.date
    source: str
    feedback: str = ""
    used: str = ""
    changed_at: str = ""

    def identity(self) -> tuple[Any, ...]:
        return (self.date, _norm(self.source), _norm(self.feedback))


@dataclass(frozen=True)
class Account:
    """A written reflective account on the NMC form: four prompts, the Code theme the user
    picked, and what it reflects on (a CPD entry, a piece of feedback, or an event)."""

    KIND: ClassVar[str] = "account"
    id: str
    date: dt.date
    nature: str = ""
    learned: str = ""
    changed: str = ""
    code_theme: str | None = None
    relevance: str = ""  # how it relates to the Code, in the user's words
    link: str = ""  # "cpd/<id>", "feedback/<id>" or "ladder/<resource>"; "" for an event
    origin: str = "own"  # "own", or "ladder": written on a tick, kept there
    changed_at: str = ""

    @property
    def complete(self) -> bool:
        """Counts as one of the five only when every prompt of the form is answered."""
        return bool(
            self.nature.strip() and self.learned.strip() and self.changed.strip()
            and self.code_theme in CODE_THEMES
        )  # fmt: skip

    @property
    def code_theme_name(self) -> str:
        return CODE_THEMES.get(self.code_theme or "", "")

    def identity(self) -> tuple[Any, ...]:
        return (self.date, _norm(self.nature), _norm(self.learned))


Entry = CpdEntry | HoursEntry | FeedbackEntry | Account
ENTRY_TYPES: dict[str, type] = {
    "cpd": CpdEntry, "hours": HoursEntry, "feedback": FeedbackEntry, "account": Account,
}  # fmt: skip
_NOT_STORED = {"id", "origin", "ref", "changed_at"}
_STORED_FIELDS = {
    kind: frozenset(f.name for f in fields(cls)) - {"id", "origin", "ref"}
    for kind, cls in ENTRY_TYPES.items()
}
_DATES = {"date", "start", "end"}


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def to_json(entry: Entry) -> dict[str, Any]:
    data = {
        k: (v.isoformat() if k in _DATES else v.strip() if isinstance(v, str) else v)
        for k, v in asdict(entry).items()
        if k not in _NOT_STORED
    }
    return {**data, "changed_at": now_stamp()}


def from_json(kind: str, entry_id: str, data: dict[str, Any]) -> Entry:
    """Raises KeyError, TypeError or ValueError for a damaged entry (left unread, unshown)."""
    names = _STORED_FIELDS[kind]
    values = {k: (_date(v) if k in _DATES else v) for k, v in data.items() if k in names}
    return ENTRY_TYPES[kind](id=entry_id, **values)


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def fingerprint_id(entry: Entry) -> str:
    """The id of an imported row: the same row imported twice is the same entry."""
    text = "|".join(str(part) for part in (entry.KIND, *entry.identity()))
    return "i" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:15]


def save_entry(store: Store, entry: Entry) -> StateChange | None:
    """Add or replace one of the portfolio's own entries (one undoable change)."""
    return store.set(SECTION, f"{entry.KIND}/{entry.id}", to_json(entry))


def delete_entry(store: Store, entry: Entry) -> StateChange | None:
    """Remove one entry: the window asks first, and Edit > Undo brings it back."""
    return store.update(SECTION, {f"{entry.KIND}/{entry.id}": None})


def add_entries(store: Store, entries: list[Entry]) -> StateChange | None:
    """Many entries in one change (an import): one Edit > Undo takes them all back."""
    return store.update(SECTION, {f"{e.KIND}/{e.id}": to_json(e) for e in entries})


# -- the one-off sheets -------------------------------------------------------------------------
SHEETS = {
    "discussion": ("partner", "pin", "email", "address", "date", "notes"),
    "health_and_character": ("done", "date"),
    "indemnity": ("done", "provider"),
    "confirmation": ("name", "role", "pin", "email", "address", "date"),
    "settings": ("dual_registration", "pin"),  # pin: the registrant's own NMC PIN
}


def sheet(store: Store, name: str) -> dict[str, Any]:
    """A sheet's fields (text, or a yes/no for done and dual_registration), blanks filled in."""
    stored = store.get(SECTION, name, {})
    stored = stored if isinstance(stored, dict) else {}
    return {
        field: stored.get(field, False if field in ("done", "dual_registration") else "")
        for field in SHEETS[name]
    }


def save_sheet(store: Store, name: str, values: dict[str, Any]) -> StateChange | None:
    kept = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items() if v != ""}
    return store.set(SECTION, name, {**kept, "changed_at": now_stamp()})


def sheet_date(values: dict[str, Any]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(values.get("date") or "")
    except ValueError:
        return None
