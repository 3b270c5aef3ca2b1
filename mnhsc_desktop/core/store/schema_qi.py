"""The schema of one QI project ("qi" section, "project/<id>") and of one team pulse ("pulse"
section, "pulse/<id>"): checked on load and on import like every other item, so a chart or a
diagram is never handed a shape it cannot draw."""

from __future__ import annotations

from typing import Any

from mnhsc_desktop.core.store.checks import (
    MAX_KEY,
    MAX_TEXT,
    Check,
    boolean,
    iso_date,
    list_of,
    one_of,
    optional,
    record,
    stamp,
    text,
    whole,
)

MAX_VALUE = 1e12  # a measure's value: counts, minutes, percentages; beyond this is a slip


def _date_or_blank(value: Any) -> str | None:
    return None if value == "" else iso_date(value)


def _value(value: Any) -> str | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "not a number"
    return None if -MAX_VALUE <= value <= MAX_VALUE else "a number out of range"


def _data_row(value: Any) -> str | None:
    if not isinstance(value, list) or len(value) != 2:
        return "not a date and a value"
    return iso_date(value[0]) or _value(value[1])


def _rows_in_order(check: Check) -> Check:
    def checked(value: Any) -> str | None:
        if why := check(value):
            return why
        days = [row[0] for row in value]
        return None if days == sorted(set(days)) else "not in date order, or a date twice"

    return checked


def _tree(value: Any) -> str | None:
    """Drivers as an outline: depth 1 primary, 2 secondary, 3 change idea, each at most one
    deeper than the line before it (so it always draws as a tree)."""
    if why := list_of(record({"id": text(40), "text": text(MAX_TEXT), "depth": whole(1, 3)}),
                      500)(value):  # fmt: skip
        return why
    depth = 0
    for node in value:
        if node["depth"] > depth + 1:
            return "an outline with a step missing"
        depth = node["depth"]
    return None


_NOTE = record({"date": iso_date, "text": text(MAX_TEXT)}, {"astronomical": boolean})
_MEASURE = record(
    {"id": text(40), "name": text()},
    {
        "kind": one_of("outcome", "process", "balancing"),
        "definition": text(MAX_TEXT),
        "unit": text(40),
        "direction": one_of("increase", "decrease", "neutral"),
        "target": optional(_value),
        "chart": one_of("xmr", "run"),
        "rebase": list_of(iso_date, 100),
        "fix_after": optional(whole(2, 10_000)),
        "screen": boolean,
        "data": _rows_in_order(list_of(_data_row, 10_000)),
        "notes": list_of(_NOTE, 1000),
    },
)
_CYCLE = record(
    {"id": text(40)},
    {
        **{k: text(MAX_TEXT) for k in ("title", "question", "prediction", "plan", "do", "study")},
        "idea": text(40),
        "follows": text(40),
        "act": one_of("", "adopt", "adapt", "abandon"),
        "start": _date_or_blank,
        "end": _date_or_blank,
        "cpd": text(MAX_KEY),
    },
)
PROJECT = record(
    {"title": text()},
    {
        "aim": text(MAX_TEXT),
        "team": list_of(text(), 100),
        "subjects": list_of(text(MAX_KEY), 100),
        "status": one_of("planning", "active", "paused", "finished"),
        "start": _date_or_blank,
        "end": _date_or_blank,
        "drivers": _tree,
        "cycles": list_of(_CYCLE, 500),
        "measures": list_of(_MEASURE, 50),
        "changed_at": stamp,
    },
)


def _counts(value: Any) -> str | None:
    if not isinstance(value, dict) or len(value) > 6:
        return "not a set of counts"
    for question, counts in value.items():
        if why := text(40)(question) or list_of(whole(0, 1_000_000), 5)(counts):
            return why
        if len(counts) != 5:
            return "not five counts"
    return None


PULSE = record(
    {"team": text(), "date": iso_date, "questions": list_of(text(40), 6), "counts": _counts,
     "responses": whole(0, 1_000_000)},
    {"session": text(), "closed": boolean},
)  # fmt: skip
