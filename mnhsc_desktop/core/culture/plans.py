"""Facilitator session plans: activities and free items (a welcome, a break) with minutes each,
saved by name in the store's "culture" section ("plan/<id>"), and the clock for run mode."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace
from html import escape
from typing import Any, Literal

from mnhsc_desktop.core.culture.culture import NEEDS, Activity
from mnhsc_desktop.core.store.store import StateChange, Store

SECTION = "culture"


@dataclass(frozen=True)
class PlanItem:
    kind: Literal["activity", "free"]
    title: str
    minutes: int
    activity_id: str | None = None


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    items: tuple[PlanItem, ...] = ()
    changed_at: str = ""

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    def starts(self) -> list[int]:
        """Minutes from the start at which each item begins."""
        offsets, elapsed = [], 0
        for item in self.items:
            offsets.append(elapsed)
            elapsed += item.minutes
        return offsets


def new_plan(name: str) -> Plan:
    return Plan(id=uuid.uuid4().hex[:12], name=name.strip() or "Untitled session")


def item_for(activity: Activity) -> PlanItem:
    return PlanItem("activity", activity.title, activity.minutes, activity.id)


def plans(store: Store) -> list[Plan]:
    found = []
    for key, value in store.items(SECTION):
        if key.startswith("plan/") and isinstance(value, dict):
            try:
                found.append(plan_from_json(key.removeprefix("plan/"), value))
            except (KeyError, TypeError, ValueError):
                continue  # damaged: left in the store untouched, and not shown
    return sorted(found, key=lambda p: p.name.casefold())


def save_plan(store: Store, plan: Plan) -> StateChange | None:
    from mnhsc_desktop.core.ladder.ladder import now_stamp

    data = {
        "name": plan.name,
        "items": [
            {"kind": i.kind, "title": i.title, "minutes": i.minutes, "activity_id": i.activity_id}
            for i in plan.items
        ],
        "changed_at": now_stamp(),
    }
    return store.set(SECTION, f"plan/{plan.id}", data)


def delete_plan(store: Store, plan: Plan) -> StateChange | None:
    return store.update(SECTION, {f"plan/{plan.id}": None})


def duplicate_plan(store: Store, plan: Plan) -> Plan:
    copy = replace(plan, id=uuid.uuid4().hex[:12], name=f"{plan.name} (copy)")
    save_plan(store, copy)
    return copy


def plan_from_json(plan_id: str, data: dict[str, Any]) -> Plan:
    items = tuple(
        PlanItem(i["kind"], str(i["title"]), int(i["minutes"]), i.get("activity_id"))
        for i in data.get("items", [])
        if i.get("kind") in ("activity", "free") and int(i["minutes"]) > 0
    )
    return Plan(plan_id, str(data["name"]), items, data.get("changed_at", ""))


def handout_html(
    plan: Plan, activities: dict[str, Activity], day: dt.date | None = None, organisation: str = ""
) -> str:
    """The handout: title, date, timings, and each activity with its prompts and what it needs."""
    from mnhsc_desktop.core.calendar.events import uk_date

    day = day or dt.date.today()
    at = f" · {escape(organisation)}" if organisation else ""
    parts = [
        f"<h1>{escape(plan.name)}</h1>",
        f"<p>{uk_date(day)}{at} · {plan.total_minutes} minutes</p>",
    ]
    for start, item in zip(plan.starts(), plan.items, strict=True):
        parts.append(
            f"<h2>{start // 60}:{start % 60:02d}–{(start + item.minutes) // 60}:{(start + item.minutes) % 60:02d} &nbsp; {escape(item.title)} ({item.minutes} min)</h2>"
        )
        activity = activities.get(item.activity_id or "")
        if activity is None:
            continue
        parts.append(f"<p><i>{escape(activity.intent)}</i></p>")
        if activity.prompts:
            parts.append(
                "<p><b>To talk about:</b></p><ul>"
                + "".join(f"<li>{escape(p)}</li>" for p in activity.prompts)
                + "</ul>"
            )
        needs = ", ".join(NEEDS[n] for n in activity.needs)
        if needs:
            parts.append(f"<p><b>Needs:</b> {escape(needs)}</p>")
    return "".join(parts)


@dataclass
class RunClock:
    """Run mode's countdown, driven by whatever clock it is given (a fake one in tests)."""

    plan: Plan
    now: float
    index: int = 0
    paused: bool = False
    _started: float = field(default=0.0, init=False)
    _banked: float = field(default=0.0, init=False)  # seconds used before the last pause

    def __post_init__(self) -> None:
        self._started = self.now

    @property
    def item(self) -> PlanItem | None:
        return self.plan.items[self.index] if self.plan.items else None

    def elapsed(self, now: float) -> float:
        return self._banked + (0.0 if self.paused else now - self._started)

    def remaining(self, now: float) -> float:
        item = self.item
        return 0.0 if item is None else item.minutes * 60 - self.elapsed(now)

    def time_up(self, now: float) -> bool:
        return self.item is not None and self.remaining(now) <= 0

    def toggle_pause(self, now: float) -> None:
        if self.paused:
            self._started, self.paused = now, False
        else:
            self._banked, self.paused = self.elapsed(now), True

    def go(self, step: int, now: float) -> None:
        """Next (+1) or previous (-1) item; its countdown starts afresh."""
        if not self.plan.items:
            return
        self.index = max(0, min(len(self.plan.items) - 1, self.index + step))
        self._banked, self._started = 0.0, now
