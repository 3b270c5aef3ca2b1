"""Facilitator session plans: activities and free items (a welcome, a break) with minutes each,
saved by name in the store's "culture" section ("plan/<id>"), and the clock for run mode."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
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
    # The session's details, for the handout's clock times and the room booking
    day: dt.date | None = None
    start: dt.time | None = None
    venue: str = ""
    facilitator: str = ""
    audience: str = ""
    booked_minutes: int | None = None  # how long the room is booked for

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    def booking_words(self) -> str:
        """The plan against the room booking, in words: "15 minutes spare" or "5 minutes over"."""
        if not self.booked_minutes:
            return ""
        gap = self.booked_minutes - self.total_minutes
        if gap == 0:
            return f"exactly the {self.booked_minutes} minutes the room is booked for"
        if gap > 0:
            return (
                f"{gap} minute{'s' if gap != 1 else ''} spare of the {self.booked_minutes} booked"
            )
        return f"{-gap} minute{'s' if gap != -1 else ''} over the {self.booked_minutes} booked"

    def clock(self, offset: int) -> str:
        """A time in the session: a clock time when the start is set ("14:10"), else minutes
        from the start ("0:10")."""
        if self.start is None:
            return f"{offset // 60}:{offset % 60:02d}"
        moment = dt.datetime.combine(dt.date(2000, 1, 1), self.start) + dt.timedelta(minutes=offset)
        return f"{moment:%H:%M}"

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
    if plan.day is not None:
        data["day"] = plan.day.isoformat()
    if plan.start is not None:
        data["start"] = plan.start.strftime("%H:%M")
    for name in ("venue", "facilitator", "audience"):
        if getattr(plan, name).strip():
            data[name] = getattr(plan, name).strip()
    if plan.booked_minutes:
        data["booked_minutes"] = plan.booked_minutes
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
    day, start = data.get("day"), data.get("start")
    return Plan(
        plan_id, str(data["name"]), items, data.get("changed_at", ""),
        day=dt.date.fromisoformat(day) if day else None,
        start=dt.time.fromisoformat(start) if start else None,
        venue=str(data.get("venue", "")), facilitator=str(data.get("facilitator", "")),
        audience=str(data.get("audience", "")),
        booked_minutes=int(data["booked_minutes"]) if data.get("booked_minutes") else None,
    )  # fmt: skip


def handout_html(
    plan: Plan, activities: dict[str, Activity], day: dt.date | None = None, organisation: str = ""
) -> str:
    """The handout: title, date, timings, and each activity with its prompts and what it needs."""
    from mnhsc_desktop.core.calendar.events import uk_date

    day = plan.day or day or dt.date.today()
    at = f" · {escape(organisation)}" if organisation else ""
    when = uk_date(day)
    if plan.start is not None:
        when += f", {plan.clock(0)} to {plan.clock(plan.total_minutes)}"
    facts = [escape(f) for f in (plan.venue, plan.facilitator and f"Facilitator: {plan.facilitator}",
                                 plan.audience and f"For: {plan.audience}") if f]  # fmt: skip
    parts = [
        f"<h1>{escape(plan.name)}</h1>",
        f"<p>{when}{at} · {plan.total_minutes} minutes</p>",
        f"<p>{' · '.join(facts)}</p>" if facts else "",
    ]
    for start, item in zip(plan.starts(), plan.items, strict=True):
        parts.append(
            f"<h2>{plan.clock(start)}–{plan.clock(start + item.minutes)} &nbsp; "
            f"{escape(item.title)} ({item.minutes} min)</h2>"
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
