"""A user's QI projects, as the store keeps them in its "qi" section: one key per project
("project/<id>"), holding its aim, team, driver diagram, PDSA cycles and measures with their
data. One key per project, so Edit > Undo puts back exactly the project a change touched, two
PCs merge project by project, and a project travels as one value when shared.

Plain dicts in and out (the store's JSON), with the few rules that need words kept here.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import uuid
from typing import Any

from mnhsc_desktop.core.ladder.ladder import now_stamp
from mnhsc_desktop.core.store.store import StateChange, Store

SECTION = "qi"
PREFIX = "project/"
STATUSES = {"planning": "Planning", "active": "Active", "paused": "Paused", "finished": "Finished"}
MEASURE_KINDS = {"outcome": "Outcome", "process": "Process", "balancing": "Balancing"}
DIRECTIONS = {"increase": "Up is better", "decrease": "Down is better", "neutral": "Neither"}
CHART_TYPES = {"xmr": "XmR (SPC) chart", "run": "Run chart"}
ACTS = {"": "Not decided yet", "adopt": "Adopt", "adapt": "Adapt", "abandon": "Abandon"}
MAX_POINTS = 10_000


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def empty_project(title: str) -> dict[str, Any]:
    return {
        "title": title.strip() or "Untitled project",
        "aim": "",
        "team": [],
        "subjects": [],
        "status": "planning",
        "start": dt.date.today().isoformat(),
        "end": "",
        "drivers": [],
        "cycles": [],
        "measures": [],
    }


def projects(store: Store) -> list[tuple[str, dict[str, Any]]]:
    """(key, project) for every project, newest start first then by title: the list's order."""
    found = [(k, v) for k, v in store.items(SECTION) if k.startswith(PREFIX)]
    return sorted(found, key=lambda kv: (kv[1].get("start") or "", kv[1]["title"].lower()),
                  reverse=True)  # fmt: skip


def project(store: Store, key: str) -> dict[str, Any] | None:
    value = store.get(SECTION, key)
    return value if isinstance(value, dict) else None


def save_project(store: Store, key: str, value: dict[str, Any]) -> StateChange | None:
    """Keep the project as given (a copy), stamped so a merge knows which is newer."""
    value = copy.deepcopy(value)
    value["changed_at"] = now_stamp()
    stored = store.get(SECTION, key)
    if isinstance(stored, dict) and {k: v for k, v in stored.items() if k != "changed_at"} == {
        k: v for k, v in value.items() if k != "changed_at"
    }:
        return None
    return store.set(SECTION, key, value)


def add_project(store: Store, title: str) -> str:
    key = PREFIX + new_id()
    save_project(store, key, empty_project(title))
    return key


def delete_project(store: Store, key: str) -> None:
    store.update(SECTION, {key: None})


# -- the aim ------------------------------------------------------------------------------------
_HOW_MUCH = re.compile(r"\d|\b(?:half|double|halve|zero|all|every|none)\b", re.IGNORECASE)
_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_BY_WHEN = re.compile(
    r"\b(?:by|before|until|within|in)\b.*?(?:\b(?:19|20)\d\d\b|\b(?:" + _MONTHS
    + r")\b|\d+\s*(?:weeks?|months?|days?)|\d{1,2}/\d{1,2}/\d{2,4}|end of)",
    re.IGNORECASE,
)  # fmt: skip


def aim_missing(aim: str) -> list[str]:
    """What a measurable aim still lacks, in words ("how much", "by when"): the form's nudge.

    An aim says what will improve, how much, and by when ("95% of women … before 11:00 by June
    2027"); this checks only for the shape of the last two, never judges the first.
    """
    text = aim.strip()
    if not text:
        return ["what will improve", "how much", "by when"]
    missing = []
    if not _HOW_MUCH.search(text):
        missing.append("how much (a number or a percentage)")
    if not _BY_WHEN.search(text):
        missing.append("by when (for example “by June 2027”)")
    return missing


# -- measures -----------------------------------------------------------------------------------
def empty_measure(name: str) -> dict[str, Any]:
    return {
        "id": new_id(),
        "name": name.strip() or "Measure",
        "kind": "outcome",
        "definition": "",
        "unit": "",
        "direction": "increase",
        "target": None,
        "chart": "run",
        "rebase": [],
        "fix_after": None,
        "screen": False,
        "data": [],
        "notes": [],
    }


def measure_data(measure: dict[str, Any]) -> list[tuple[dt.date, float]]:
    return sorted((dt.date.fromisoformat(d), float(v)) for d, v in measure.get("data", []))


def chart_of(measure: dict[str, Any]):
    """The measure's chart as its settings ask (an XmrChart or a RunChart), None with no data."""
    from mnhsc_desktop.core.qi import spc

    data = measure_data(measure)
    if not data:
        return None
    if measure.get("chart") == "xmr":
        days = {d for d, _v in data}
        rebase = [dt.date.fromisoformat(d) for d in measure.get("rebase", [])]
        return spc.xmr(
            data,
            improvement=measure.get("direction", "neutral"),
            target=measure.get("target"),
            rebase=[d for d in rebase if d in days],
            fix_after=measure.get("fix_after"),
            screen_outliers=bool(measure.get("screen")),
        )
    return spc.run_chart(data)


def merge_rows(
    measure: dict[str, Any], rows: list[tuple[dt.date, float]]
) -> tuple[dict[str, Any], int, int]:
    """The measure with `rows` taken in (a date already there takes the new value): the new
    measure, how many rows were added and how many replaced a value."""
    measure = copy.deepcopy(measure)
    by_day = {d: v for d, v in measure.get("data", [])}
    added = replaced = 0
    for day, value in rows:
        iso = day.isoformat()
        if iso not in by_day:
            added += 1
        elif by_day[iso] != value:
            replaced += 1
        by_day[iso] = value
    measure["data"] = [[d, by_day[d]] for d in sorted(by_day)]
    return measure, added, replaced


def numbered(value: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """Cycles in date order (the same day: as added), numbered as the list, the chart's markers
    and the project page all number them."""
    order = sorted(enumerate(value.get("cycles", [])),
                   key=lambda at: (at[1].get("start") or "9999", at[0]))  # fmt: skip
    return [(number, cycle) for number, (_at, cycle) in enumerate(order, start=1)]


def markers_of(value: dict[str, Any], measure: dict[str, Any]) -> list[tuple[dt.date, str]]:
    """PDSA cycles (by their start) and the measure's notes, in date order, for its chart."""
    found = [(dt.date.fromisoformat(c["start"]), f"PDSA {n}: {c.get('title') or 'untitled'}")
             for n, c in numbered(value) if c.get("start")]  # fmt: skip
    for note in measure.get("notes", []):
        kind = "astronomical point" if note.get("astronomical") else "note"
        found.append((dt.date.fromisoformat(note["date"]), f"{kind}: {note['text']}"))
    return sorted(found, key=lambda m: m[0])


def empty_cycle(idea: str = "", follows: str = "") -> dict[str, Any]:
    return {
        "id": new_id(),
        "title": "",
        "idea": idea,
        "follows": follows,
        "question": "",
        "prediction": "",
        "plan": "",
        "do": "",
        "study": "",
        "act": "",
        "start": dt.date.today().isoformat(),
        "end": "",
    }


def ramp_of(project_value: dict[str, Any], cycle_id: str) -> list[dict[str, Any]]:
    """The chain of cycles a cycle belongs to, first to last (each cycle's `follows` is the
    one before it): a ramp of small tests building on each other."""
    by_id = {c["id"]: c for c in project_value.get("cycles", [])}
    first = by_id.get(cycle_id)
    seen: set[str] = set()
    while first and first.get("follows") in by_id and first["id"] not in seen:
        seen.add(first["id"])
        first = by_id[first["follows"]]
    chain: list[dict[str, Any]] = []
    while first is not None and first["id"] not in {c["id"] for c in chain}:
        chain.append(first)
        first = next((c for c in by_id.values() if c.get("follows") == first["id"]), None)
    return chain


def project_texts(value: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, text) for every word written in a project: what the privacy check reads before
    the project leaves the app (a page, a shared file)."""
    texts = [("the title", value.get("title", "")), ("the aim", value.get("aim", "")),
             ("the team", "\n".join(value.get("team", [])))]  # fmt: skip
    texts += [("the driver diagram", line["text"]) for line in value.get("drivers", [])]
    for cycle in value.get("cycles", []):
        where = f"PDSA cycle “{cycle.get('title') or 'untitled'}”"
        texts += [(where, cycle.get(k, "")) for k in ("title", "question", "prediction", "plan",
                                                      "do", "study")]  # fmt: skip
    for m in value.get("measures", []):
        texts += [(f"measure “{m['name']}”", m.get("definition", ""))]
        texts += [(f"a note on “{m['name']}”", n["text"]) for n in m.get("notes", [])]
    return texts
