"""The safety-culture library: activities from the page, favourites, and the "done with my team" log.

The log lives in the store's "culture" section ("log/<activity>": a list of entries) and feeds the
learning record as participatory CPD: doing an activity with the team is learning with others.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from mnhsc_desktop.core.store.store import StateChange, Store
from mnhsc_desktop.core.text import fold

SECTION = "culture"
TYPES = {
    "conversation": "Conversation",
    "watch": "Watch",
    "read": "Read",
    "reflect": "Reflect",
    "do": "Do",
    "print": "Print",
    "invite": "Invite a talk",
}
WHO = {"solo": "On your own", "pair": "With a colleague", "team": "With the team"}
TAGS = {
    "civility": "Civility",
    "teamwork": "Teamwork",
    "praise": "Praise and appreciation",
    "huddles": "Huddles",
    "communication": "Communication",
    "human-factors": "Human factors",
    "wellbeing": "Wellbeing",
    "learning-from-excellence": "Learning from excellence",
    "leadership": "Leadership",
}
# SCORE survey domains: for the team's own learning, never for comparing teams.
SCORE_DOMAINS = {
    "teamwork-climate": "Teamwork climate",
    "safety-climate": "Safety climate",
    "local-leadership": "Local leadership",
    "improvement-readiness": "Improvement readiness",
    "burnout": "Burnout / emotional exhaustion",
    "work-life-balance": "Work-life balance",
}
NEEDS = {"internet": "the internet", "printer": "a printer", "film": "a film (download it first)"}
ActivityType = Literal["conversation", "watch", "read", "reflect", "do", "print", "invite"]
Who = Literal["solo", "pair", "team"]
Tag = Literal[
    "civility", "teamwork", "praise", "huddles", "communication", "human-factors", "wellbeing",
    "learning-from-excellence", "leadership",
]  # fmt: skip
Domain = Literal[
    "teamwork-climate",
    "safety-climate",
    "local-leadership",
    "improvement-readiness",
    "burnout",
    "work-life-balance",
]
Need = Literal["internet", "printer", "film"]


@dataclass(frozen=True)
class Activity:
    id: str
    title: str
    type: ActivityType
    who: tuple[Who, ...]
    minutes: int
    tags: tuple[Tag, ...]
    score: tuple[Domain, ...]
    needs: tuple[Need, ...]
    intent: str
    page_text: str
    resources: tuple[str, ...] = ()
    notes: str = ""
    prompts: tuple[str, ...] = ()

    def problems(self) -> Iterator[tuple[str, str]]:
        if not 1 <= self.minutes <= 1000:
            yield "minutes", "should be between 1 and 1000"
        if not self.who:
            yield "who", "should name solo, pair or team"

    @functools.cached_property
    def search_text(self) -> str:
        """Everything a search looks at, folded once (a frozen dataclass can still cache this)."""
        words = [self.title, self.intent, self.notes, *self.prompts, *self.resources]
        words += [TAGS[t] for t in self.tags] + [TYPES[self.type]]
        return fold(" ".join(words))


@dataclass(frozen=True)
class CultureFile:
    """`culture.yaml`: the page's introduction to safety culture and its activities."""

    schema_version: int
    introduction: tuple[str, ...]
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class CultureFilter:
    text: str = ""
    type: str | None = None
    who: str | None = None
    max_minutes: int | None = None
    tag: str | None = None
    domain: str | None = None
    favourites_only: bool = False


def search(
    activities: tuple[Activity, ...] | list[Activity],
    where: CultureFilter,
    favourites: set[str] = frozenset(),
) -> list[Activity]:
    words = fold(where.text).split()
    return [
        a
        for a in activities
        if (where.type is None or a.type == where.type)
        and (where.who is None or where.who in a.who)
        and (where.max_minutes is None or a.minutes <= where.max_minutes)
        and (where.tag is None or where.tag in a.tags)
        and (where.domain is None or where.domain in a.score)
        and (not where.favourites_only or a.id in favourites)
        and all(w in a.search_text for w in words)
    ]


# -- the user's side -------------------------------------------------------------------------
@dataclass(frozen=True)
class LogEntry:
    """Done with my team: when, how many took part, how long, and a note."""

    activity_id: str
    date: dt.date
    people: int
    minutes: int
    note: str = ""
    changed_at: str = ""


def favourites(store: Store) -> set[str]:
    return set(store.get(SECTION, "favourites", []))


def set_favourite(store: Store, activity_id: str, on: bool) -> StateChange | None:
    current = favourites(store)
    current = current | {activity_id} if on else current - {activity_id}
    return store.set(SECTION, "favourites", sorted(current))


def log_entries(store: Store, activity_id: str | None = None) -> list[LogEntry]:
    entries = []
    for key, value in store.items(SECTION):
        if (
            not key.startswith("log/")
            or (activity_id and key != f"log/{activity_id}")
            or not isinstance(value, list)
        ):
            continue
        for item in value:
            try:
                entries.append(_entry_from_json(key.removeprefix("log/"), item))
            except (KeyError, TypeError, ValueError):
                continue  # damaged: left in the store untouched, and not shown
    return sorted(entries, key=lambda e: (e.date, e.changed_at), reverse=True)


def add_log_entry(store: Store, entry: LogEntry) -> StateChange | None:
    from mnhsc_desktop.core.ladder.ladder import now_stamp

    current = store.get(SECTION, f"log/{entry.activity_id}", [])
    current.append(
        {
            "date": entry.date.isoformat(),
            "people": entry.people,
            "minutes": entry.minutes,
            "note": entry.note.strip(),
            "changed_at": now_stamp(),
        }
    )
    return store.set(SECTION, f"log/{entry.activity_id}", current)


def remove_log_entry(store: Store, entry: LogEntry) -> StateChange | None:
    current = store.get(SECTION, f"log/{entry.activity_id}", [])
    kept = [item for item in current if item.get("changed_at") != entry.changed_at]
    return store.set(SECTION, f"log/{entry.activity_id}", kept)


def _entry_from_json(activity_id: str, data: dict[str, Any]) -> LogEntry:
    return LogEntry(
        activity_id,
        dt.date.fromisoformat(data["date"]),
        int(data["people"]),
        int(data["minutes"]),
        data.get("note", ""),
        data.get("changed_at", ""),
    )


def suggestion(
    activities: tuple[Activity, ...], store: Store, today: dt.date | None = None
) -> Activity | None:
    """An activity for this week the user has not done lately: the same all week, then the next."""
    if not activities:
        return None
    today = today or dt.date.today()
    recent = {e.activity_id for e in log_entries(store) if (today - e.date).days < 60}
    candidates = [a for a in activities if a.id not in recent] or list(activities)
    week = today.isocalendar()
    return candidates[(week.year * 53 + week.week) % len(candidates)]
