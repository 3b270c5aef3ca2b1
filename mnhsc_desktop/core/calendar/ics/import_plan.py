"""Planning an import before anything changes (the preview: new, updated, unchanged, skipped
and why), then applying it through the store as one change.

Reading the file is importer.py's; this decides what the events read mean for the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mnhsc_desktop.core.calendar.calendar import Calendar, save_events
from mnhsc_desktop.core.calendar.events import Event
from mnhsc_desktop.core.calendar.ics.importer import Skipped, events_in, read_file
from mnhsc_desktop.core.store.store import StateChange, Store


@dataclass
class ImportPlan:
    """What an import would do, shown as a preview before anything changes."""

    source: Path
    new: list[Event] = field(default_factory=list)
    updated: list[Event] = field(default_factory=list)
    unchanged: list[Event] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return len(self.new) + len(self.updated)

    def summary(self) -> str:
        return (
            f"{len(self.new)} new, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped"
        )


def _newest_of_each(events: list[Event], plan: ImportPlan) -> list[Event]:
    """The same event twice in one file (a re-sent invitation): the highest SEQUENCE wins, then
    the latest DTSTAMP, then the later in the file; the other is listed as skipped."""
    best: dict[str, Event] = {}
    for incoming in events:
        kept = best.get(incoming.key)
        newer = kept is None or (incoming.sequence, incoming.dtstamp) >= (
            kept.sequence,
            kept.dtstamp,
        )
        winner = incoming if newer else kept
        if kept is not None:
            loser = kept if winner is incoming else incoming
            plan.skipped.append(
                Skipped(
                    loser.title,
                    f"appears twice in the file; its revision {winner.sequence} was used",
                )
            )
        best[incoming.key] = winner
    return list(best.values())


def _this_and_future(events: list[Event], notes: list[str]) -> list[Event]:
    """A change "to this and all future occurrences" (RECURRENCE-ID;RANGE=THISANDFUTURE): the
    series ends the day before, and continues from that day as the change says."""
    from mnhsc_desktop.core.calendar.series import ended_before, from_day

    masters = {e.uid: e for e in events if e.repeats and e.recurrence_id is None}
    result = list(events)
    for change in [e for e in events if e.and_after and e.recurrence_id is not None]:
        master = masters.get(change.uid)
        if master is None:
            continue  # no series in the file to continue: it stays one changed occurrence
        continued = change.with_changes(rule=master.rule, repeat=master.repeat, rdates=(),
                                        zone=master.zone, zone_ical=master.zone_ical,
                                        zone_start=None)  # fmt: skip
        shortened = ended_before(master, change.recurrence_id)
        result[result.index(master)] = shortened
        masters[change.uid] = shortened
        result[result.index(change)] = from_day(master, change.recurrence_id, continued)
        notes.append(f"“{change.title}” changes its series from {change.recurrence_id:%d %b %Y} "
                     "on: the series ends the day before and continues as changed.")  # fmt: skip
    return result


def plan_import(path: Path, calendar: Calendar) -> ImportPlan:
    """Read `path` and compare it with the calendar; raises ImportRefused for unusable files."""
    parsed, notes = read_file(Path(path))
    events, skipped = events_in(parsed, notes)
    events = _this_and_future(events, notes)
    plan = ImportPlan(Path(path), skipped=skipped, notes=notes)
    for incoming in _newest_of_each(events, plan):
        existing = calendar.by_key.get(incoming.key)
        if existing is None:
            plan.new.append(incoming)
            continue
        same = incoming.with_changes(
            origin=existing.origin, sequence=existing.sequence, page_text=existing.page_text
        )
        if same == existing:
            plan.unchanged.append(existing)
        elif existing.origin == "shipped":
            plan.skipped.append(
                Skipped(
                    incoming.title,
                    "is part of the programme calendar that came with the app, which an import cannot change",
                )
            )
        elif incoming.sequence < existing.sequence:
            plan.skipped.append(
                Skipped(
                    incoming.title,
                    f"is an older version than yours (revision {incoming.sequence}, yours is {existing.sequence})",
                )
            )
        else:
            plan.updated.append(incoming.with_changes(origin=existing.origin))
    return plan


def apply_import(store: Store, plan: ImportPlan) -> StateChange | None:
    """Save what the preview showed as new or updated, in one change."""
    return save_events(store, [*plan.new, *plan.updated])
