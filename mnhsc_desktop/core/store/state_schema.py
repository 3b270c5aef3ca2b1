"""One schema for the user's state, checked item by item on load (state.json) and on import (a
progress file), so that nothing a widget is given can crash it.

An item is one key of a section ("done/pdsa-1" in "ladder"). An item that fails is never dropped
silently: the caller keeps the original file and lists the item, in words, with the reason.
Keys this version does not know are kept when they are plain, bounded JSON (a newer version may
have written them), and no part of the app reads them.
"""

from __future__ import annotations

from typing import Any

from mnhsc_desktop.core.store.checks import (  # re-exported: readers of the schema use them
    FUTURE_SKEW,
    MAX_KEY,
    MAX_MINUTES,
    MAX_TEXT,
    Check,
    amount,
    boolean,
    iso_date,
    iso_time,
    list_of,
    one_of,
    optional,
    parse_stamp,
    plain,
    record,
    stamp,
    text,
    whole,
)
from mnhsc_desktop.core.store.schema_qi import PROJECT, PULSE
from mnhsc_desktop.core.text import printable

__all__ = ["FUTURE_SKEW", "Check", "parse_stamp", "plain"]

SCHEMA_VERSION = 1
# Every section is a JSON object; features own their section and keep their keys inside it.
SECTIONS = ("window", "profile", "calendar", "ladder", "culture", "portfolio", "qi", "pulse")
# How each section of the state is named to a user when it has to be mentioned.
SECTION_NAMES = {
    "window": "window size and last tab",
    "profile": "your name and settings",
    "calendar": "your calendar events",
    "ladder": "your QI ladder progress",
    "culture": "your culture activity log and session plans",
    "portfolio": "your revalidation portfolio",
    "qi": "your QI projects",
    "pulse": "team pulses (counts only)",
}


class Rejected:
    """An item that could not be used, and why. (Not a dataclass: on the start-up path.)"""

    __slots__ = ("key", "reason", "section")

    def __init__(self, section: str, key: str, reason: str) -> None:
        self.section, self.key, self.reason = section, key, reason

    def sentence(self) -> str:
        return f"{describe(self.section, self.key)}: {self.reason}"


def empty_state() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, **{name: {} for name in SECTIONS}}


# -- the state's items ----------------------------------------------------------------------------
_LEVEL_CHANGE = record(
    {"level": one_of("none", "learn", "living", "leading"), "date": iso_date},
    {"note": text(MAX_TEXT), "changed_at": stamp},
)
_WRITTEN = {
    "participatory": boolean,
    "learned": text(MAX_TEXT),
    "practice": text(MAX_TEXT),
    "evidence": text(MAX_TEXT),
    "code_theme": optional(text(60)),
    "changed_at": stamp,
}
# An untick keeps what was written with the tick, so it can come back.
_UNDONE = record(
    {"done": one_of(False)},
    {"date": iso_date, "minutes": amount(1, MAX_MINUTES), **_WRITTEN},
)
_DONE = record(
    {"date": iso_date, "minutes": amount(1, MAX_MINUTES)}, {"done": one_of(True), **_WRITTEN}
)
_EVENT = record(
    {"uid": text(MAX_KEY), "title": text(), "kind": text(60), "start": iso_date, "end": iso_date},
    {
        "precision": one_of("day", "week", "month"),
        "origin": one_of("shipped", "local", "imported"),
        "sequence": whole(0, 1_000_000),
        "start_time": optional(iso_time),
        "end_time": optional(iso_time),
        "location": text(),
        "wave": text(),
        "notes": list_of(text(MAX_TEXT), 200),
        "resources": list_of(record({"title": text()}, {"url": optional(text(4000))}), 200),
        "repeat": record(
            {"freq": one_of("daily", "weekly", "monthly", "yearly")},
            {
                "interval": whole(1, 1000),
                "count": optional(whole(1, 10_000)),
                "until": optional(iso_date),
                "byday": text(60),
            },
        ),
        "exdates": list_of(iso_date, 5000),
        "recurrence_id": optional(iso_date),
        "deadline": optional(iso_date),
        "tbc": boolean,
        "page_text": text(MAX_TEXT),
        "rule": text(2000),
        "rdates": list_of(text(40), 5000),
        "zone": text(MAX_KEY),
        "zone_start": text(40),
        "zone_ical": text(MAX_TEXT),
    },
)
_LOG_ENTRY = record(
    {"date": iso_date, "people": whole(1, 10_000), "minutes": amount(1, MAX_MINUTES)},
    {"note": text(MAX_TEXT), "changed_at": stamp},
)
_PLAN = record(
    {
        "name": text(),
        "items": list_of(
            record(
                {"kind": one_of("activity", "free"), "title": text(), "minutes": whole(1, 24 * 60)},
                {"activity_id": optional(text(MAX_KEY))},
            ),
            500,
        ),
    },
    {
        "changed_at": stamp,
        "day": iso_date,
        "start": iso_time,
        "venue": text(),
        "facilitator": text(),
        "audience": text(),
        "booked_minutes": whole(1, 24 * 60),
    },
)
_CHANGED = {"changed_at": stamp}
_CPD = record(
    {"date": iso_date, "topic": text(MAX_TEXT), "minutes": amount(0, MAX_MINUTES)},
    {
        "method": text(MAX_TEXT),
        "relevance": text(MAX_TEXT),
        "participatory_minutes": amount(0, MAX_MINUTES),
        "code_theme": optional(text(60)),
        "evidence": text(MAX_TEXT),
        **_CHANGED,
    },
)
_HOURS = record(
    {"start": iso_date, "end": iso_date, "hours": amount(0, 24 * 366 * 3)},
    {k: text(MAX_TEXT) for k in ("organisation", "scope", "setting", "description")} | _CHANGED,
)
_FEEDBACK = record(
    {"date": iso_date, "source": text(MAX_TEXT)},
    {"feedback": text(MAX_TEXT), "used": text(MAX_TEXT), **_CHANGED},
)
_ACCOUNT = record(
    {"date": iso_date},
    {
        **{k: text(MAX_TEXT) for k in ("nature", "learned", "changed", "relevance")},
        "code_theme": optional(text(60)),
        "link": text(MAX_KEY),
        **_CHANGED,
    },
)
_SHEET = record(
    {},
    {
        "done": boolean,
        "dual_registration": boolean,
        "date": lambda v: None if v == "" else iso_date(v),
    },
)

# (section, exact key or "prefix/") -> check
RULES: dict[tuple[str, str], Check] = {
    ("window", "geometry"): text(10_000),
    ("window", "last_tab"): text(40),
    ("window", "high_contrast"): boolean,
    ("window", "projector/"): text(),  # the screen the room sees, for one set-up of screens
    ("profile", "name"): text(),
    ("profile", "revalidation_due"): iso_date,
    ("profile", "past_revalidation_dates"): list_of(iso_date, 100),
    ("calendar", "hidden"): list_of(text(MAX_KEY)),
    ("calendar", "event/"): lambda v: _EVENT(v) or _event_dates(v),
    ("ladder", "done/"): lambda v: (
        _UNDONE if isinstance(v, dict) and not v.get("done", True) else _DONE
    )(v),
    ("ladder", "level/"): list_of(_LEVEL_CHANGE, 1000),
    ("culture", "favourites"): list_of(text(MAX_KEY)),
    ("culture", "log/"): list_of(_LOG_ENTRY),
    ("culture", "plan/"): _PLAN,
    ("culture", "attachment/"): list_of(text(4096), 200),
    ("portfolio", "cpd/"): _CPD,
    ("portfolio", "hours/"): lambda v: _HOURS(v) or _hours_dates(v),
    ("portfolio", "feedback/"): _FEEDBACK,
    ("portfolio", "account/"): _ACCOUNT,
    **{
        ("portfolio", name): _SHEET
        for name in ("discussion", "health_and_character", "indemnity", "confirmation", "settings")
    },
    ("qi", "project/"): PROJECT,
    ("pulse", "pulse/"): PULSE,
}


def _hours_dates(value: dict[str, Any]) -> str | None:
    return "its last day is before its first" if value["end"] < value["start"] else None


def _event_dates(value: dict[str, Any]) -> str | None:
    return "its end is before its start" if value["end"] < value["start"] else None


def check_item(section: str, key: Any, value: Any) -> str | None:
    """Why this item cannot be used, or None when it can."""
    if why := text(MAX_KEY)(key):
        return f"its name is {why}"
    prefix = key.partition("/")[0] + "/" if "/" in key else key
    rule = RULES.get((section, key)) or RULES.get((section, prefix)) or plain
    return rule(value)


def check_section(section: str, items: Any) -> tuple[dict[str, Any], list[Rejected]]:
    """The usable items of one section, and those that are not, each with its reason."""
    if not isinstance(items, dict):
        return {}, [Rejected(section, "*", "the whole part was damaged (not a set of items)")]
    kept: dict[str, Any] = {}
    rejected: list[Rejected] = []
    for key, value in items.items():
        if why := check_item(section, key, value):
            rejected.append(Rejected(section, str(key)[:MAX_KEY], why))
        else:
            kept[key] = value
    return kept, rejected


def describe(section: str, key: str) -> str:
    """An item named in words, for lists of what was skipped or set aside."""
    named = {
        ("calendar", "hidden"): "the events you hid",
        ("culture", "favourites"): "your favourite activities",
        ("profile", "name"): "your name",
        ("profile", "revalidation_due"): "your revalidation date",
        ("profile", "past_revalidation_dates"): "your past revalidation dates",
        ("portfolio", "discussion"): "your reflective discussion",
        ("portfolio", "health_and_character"): "your health and character declaration",
        ("portfolio", "indemnity"): "your indemnity arrangement",
        ("portfolio", "confirmation"): "your confirmation",
        ("portfolio", "settings"): "your revalidation settings",
    }
    if (section, key) in named:
        return named[(section, key)]
    kind, _, name = key.partition("/")
    readable = printable(name.replace("-", " "), 60)
    return {
        ("ladder", "done"): f"QI resource “{readable}”",
        ("ladder", "level"): f"where I am in “{readable}”",
        ("calendar", "event"): f"calendar event {printable(name.split('@')[0], 60)}",
        ("culture", "log"): f"team log of “{readable}”",
        ("culture", "plan"): "a session plan",
        ("culture", "attachment"): f"files attached to “{readable}”",
        ("portfolio", "cpd"): "a CPD entry",
        ("portfolio", "hours"): "a practice hours entry",
        ("portfolio", "feedback"): "a piece of feedback",
        ("portfolio", "account"): "a reflective account",
        ("qi", "project"): "a QI project",
        ("pulse", "pulse"): "a team pulse",
    }.get(
        (section, kind), f"{section}: {key}" if key != "*" else SECTION_NAMES.get(section, section)
    )
