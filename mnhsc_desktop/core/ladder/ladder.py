"""The 3Ls ladder: levels held per subject, resources at each level, and the user's progress.

Progress lives in the store's "ladder" section: "level/<subject>" holds that subject's history of
"where I am" (newest last) and "done/<resource>" the latest word on a resource (a completion, or an
undo kept as a dated tombstone so that merging two PCs' progress can tell which came later).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from mnhsc_desktop.core.store.store import StateChange, Store

SECTION = "ladder"
LEVELS = ("learn", "living", "leading")
WHERE_I_AM = {"none": "Not started", "learn": "Learn", "living": "Living", "leading": "Leading"}
RESOURCE_TYPES = {
    "watch": "Watch",
    "read": "Read",
    "online-training": "Online training",
    "attend": "Attend",
    "apply": "Apply",
    "register": "Register",
    "host": "Host",
}
# The four themes of the NMC Code, as a CPD record names them.
CODE_THEMES = {
    "prioritise-people": "Prioritise people",
    "practise-effectively": "Practise effectively",
    "preserve-safety": "Preserve safety",
    "promote-professionalism": "Promote professionalism and trust",
}
ResourceType = Literal["watch", "read", "online-training", "attend", "apply", "register", "host"]


# -- content ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Level:
    id: Literal["learn", "living", "leading"]
    name: str
    heading: str
    summary: str
    definition: str


@dataclass(frozen=True)
class Subject:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class LadderResource:
    id: str
    level: Literal["learn", "living", "leading"]
    type: ResourceType
    page_text: str
    title: str
    description: str
    minutes: int
    subjects: tuple[str, ...]
    provider: str | None = None
    participatory: bool = False
    needs_internet: bool = True

    def problems(self) -> Iterator[tuple[str, str]]:
        if not 1 <= self.minutes <= 6000:
            yield "minutes", "should be a time estimate between 1 and 6000 minutes"
        if not self.subjects:
            yield "subjects", "should name at least one subject, or all"

    def serves(self, subject: str) -> bool:
        return "all" in self.subjects or subject in self.subjects


@dataclass(frozen=True)
class LadderFile:
    """`ladder.yaml`: the three levels, the QI subjects and every resource on the page."""

    schema_version: int
    note: str
    credit: str
    levels: tuple[Level, ...]
    subjects: tuple[Subject, ...]
    resources: tuple[LadderResource, ...]

    def problems(self) -> Iterator[tuple[str, str]]:
        if tuple(level.id for level in self.levels) != LEVELS:
            yield "levels", "should be learn, living and leading, in that order"
        known = {s.id for s in self.subjects} | {"all"}
        for resource in self.resources:
            for subject in resource.subjects:
                if subject not in known:
                    yield (
                        "resources",
                        f"resource '{resource.id}' names an unknown subject '{subject}'",
                    )

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def resources_for(self, subject: str, level: str | None = None) -> list[LadderResource]:
        return [
            r for r in self.resources if r.serves(subject) and (level is None or r.level == level)
        ]

    def resource(self, resource_id: str) -> LadderResource | None:
        return self._by_id.get(resource_id)

    @functools.cached_property
    def _by_id(self) -> dict[str, LadderResource]:
        return {r.id: r for r in self.resources}


# -- progress ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LevelChange:
    level: str  # "none", "learn", "living" or "leading"
    date: dt.date
    note: str = ""
    changed_at: str = ""


@dataclass(frozen=True)
class Completion:
    """A resource done: when, for how long, with others or not, and what it meant."""

    resource_id: str
    date: dt.date
    minutes: int
    participatory: bool = False
    learned: str = ""
    practice: str = ""
    code_theme: str | None = None
    evidence: str = ""
    changed_at: str = ""

    @property
    def has_reflection(self) -> bool:
        """A reflective account for the NMC: every prompt of its form answered. The nature of
        the activity is the resource itself; what I learned, how my practice changed and the
        part of the Code are the user's. The window, Home, the PDF and the CLI all count this."""
        return bool(self.learned.strip() and self.practice.strip() and self.code_theme)

    @property
    def has_words(self) -> bool:
        """Anything the user wrote, which an untick must not lose."""
        return bool(self.learned.strip() or self.practice.strip() or self.evidence.strip())


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(
        timespec="microseconds"
    )  # ties would hide the newer change


class Progress:
    """The user's progress, read from the store (cheap: one pass over the section)."""

    def __init__(self, store: Store) -> None:
        self.levels: dict[str, list[LevelChange]] = {}
        self.done: dict[str, Completion] = {}
        self.unticked: dict[str, Completion] = {}  # what was written before an untick, kept
        for key, value in store.items(SECTION):
            self._read(key, value)

    def _read(self, key: str, value: Any) -> None:
        kind, _, name = key.partition("/")
        if kind == "level":
            self.levels.pop(name, None)
        else:
            self.done.pop(name, None)
            self.unticked.pop(name, None)
        try:
            if kind == "level" and isinstance(value, list):
                self.levels[name] = [_level_from_json(v) for v in value]
            elif kind == "done" and isinstance(value, dict) and value.get("done", True):
                self.done[name] = _completion_from_json(name, value)
            elif kind == "done" and isinstance(value, dict) and "date" in value:
                self.unticked[name] = _completion_from_json(name, value)
        except (KeyError, TypeError, ValueError):
            pass  # a damaged entry is left in the store untouched, and not shown

    def last_written(self, resource_id: str) -> Completion | None:
        """The tick to start a form from: the current one, or the one before an untick."""
        return self.done.get(resource_id) or self.unticked.get(resource_id)

    def apply(self, store: Store, change: StateChange) -> Progress:
        """Take in one change (a tick, an undo, a level): re-reads only that key."""
        if change.key == "*":
            return Progress(store)
        self._read(change.key, store.get(SECTION, change.key))
        return self

    def level_of(self, subject: str) -> str:
        history = self.levels.get(subject)
        return history[-1].level if history else "none"

    def history_of(self, subject: str) -> list[LevelChange]:
        return list(self.levels.get(subject, ()))


def set_level(
    store: Store, subject: str, level: str, date: dt.date, note: str = ""
) -> StateChange | None:
    """Record "where I am" in a subject; the history keeps every earlier entry."""
    if level not in WHERE_I_AM:
        raise ValueError(f"unknown level {level!r}")
    history = store.get(SECTION, f"level/{subject}", [])
    history.append(
        {"level": level, "date": date.isoformat(), "note": note.strip(), "changed_at": now_stamp()}
    )
    return store.set(SECTION, f"level/{subject}", history)


def mark_done(store: Store, completion: Completion) -> StateChange | None:
    data = {
        "done": True,
        "date": completion.date.isoformat(),
        "minutes": completion.minutes,
        "participatory": completion.participatory,
        "learned": completion.learned.strip(),
        "practice": completion.practice.strip(),
        "code_theme": completion.code_theme,
        "evidence": completion.evidence.strip(),
        "changed_at": now_stamp(),
    }
    return store.set(SECTION, f"done/{completion.resource_id}", data)


def undo_done(store: Store, resource_id: str) -> StateChange | None:
    """Untick: kept as a dated tombstone, so a merge knows the undo is newer than the tick. What
    was written (the reflection, the evidence) stays in it, and fills the form when the resource
    is ticked again: an untick never loses words."""
    before = store.get(SECTION, f"done/{resource_id}")
    kept = (
        {k: v for k, v in before.items() if k != "changed_at"} if isinstance(before, dict) else {}
    )
    return store.set(
        SECTION, f"done/{resource_id}", {**kept, "done": False, "changed_at": now_stamp()}
    )


def _level_from_json(data: dict[str, Any]) -> LevelChange:
    return LevelChange(
        data["level"],
        dt.date.fromisoformat(data["date"]),
        data.get("note", ""),
        data.get("changed_at", ""),
    )


def _completion_from_json(resource_id: str, data: dict[str, Any]) -> Completion:
    return Completion(
        resource_id=resource_id,
        date=dt.date.fromisoformat(data["date"]),
        minutes=int(data["minutes"]),
        participatory=bool(data.get("participatory", False)),
        learned=data.get("learned", ""),
        practice=data.get("practice", ""),
        code_theme=data.get("code_theme"),
        evidence=data.get("evidence", ""),
        changed_at=data.get("changed_at", ""),
    )


# -- revalidation periods -----------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """A revalidation period: the three years up to the due date (inclusive)."""

    start: dt.date
    end: dt.date

    @classmethod
    def ending(cls, due: dt.date) -> Period:
        try:
            start = due.replace(year=due.year - 3) + dt.timedelta(days=1)
        except ValueError:  # 29 February
            start = due.replace(year=due.year - 3, day=28) + dt.timedelta(days=1)
        return cls(start, due)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def revalidation_period(store: Store, today: dt.date | None = None) -> Period:
    """From the due date the user gave (profile), else the three years up to today."""
    due = store.get("profile", "revalidation_due")
    try:
        return (
            Period.ending(dt.date.fromisoformat(due))
            if due
            else Period.ending(today or dt.date.today())
        )
    except ValueError:
        return Period.ending(today or dt.date.today())


PAST_DATES = "past_revalidation_dates"  # profile: every due date whose period has ended


def date_passed(store: Store, today: dt.date | None = None) -> dt.date | None:
    """The revalidation date the user gave, if it has passed: counts would then fall silently
    to nothing, so the window offers the next period instead."""
    try:
        due = dt.date.fromisoformat(store.get("profile", "revalidation_due") or "")
    except ValueError:
        return None
    return due if due < (today or dt.date.today()) else None


def start_next_period(store: Store, today: dt.date | None = None) -> Period | None:
    """Move the revalidation date on by three years (as often as needed to be after today),
    keeping the old date, so the old period's record can still be viewed and exported. One
    change, so Edit > Undo puts it back."""
    due = date_passed(store, today)
    if due is None:
        return None
    nxt = due
    while nxt < (today or dt.date.today()):
        try:
            nxt = nxt.replace(year=nxt.year + 3)
        except ValueError:  # 29 February
            nxt = nxt.replace(year=nxt.year + 3, day=28)
    past = sorted(set(store.get("profile", PAST_DATES, [])) | {due.isoformat()})
    store.update("profile", {"revalidation_due": nxt.isoformat(), PAST_DATES: past})
    return Period.ending(nxt)


def periods(store: Store, today: dt.date | None = None) -> list[Period]:
    """The current period first, then every ended one, newest first."""
    current = revalidation_period(store, today)
    past = []
    for text in store.get("profile", PAST_DATES, []):
        try:
            past.append(Period.ending(dt.date.fromisoformat(text)))
        except ValueError:
            continue
    return [current, *sorted((p for p in past if p != current), key=lambda p: p.end, reverse=True)]


@dataclass(frozen=True)
class Summary:
    levels: dict[str, str]
    done: int
    total: int


def summarise(ladder: LadderFile, progress: Progress) -> Summary:
    """Levels per subject and resources done. (CPD and reflections are counted, with all other
    CPD, by revalidation.status: one count everywhere.)"""
    return Summary(
        levels={s.id: progress.level_of(s.id) for s in ladder.subjects},
        done=sum(1 for r in ladder.resources if r.id in progress.done),
        total=len(ladder.resources),
    )
