"""The clock of a session being run: each item's countdown (with minutes added on the day), how
far over an item has run, and how far the whole session is ahead of or behind its plan, in
words for the presenter view. Driven by whatever clock it is given (a fake one in tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mnhsc_desktop.core.culture.plans import Plan, PlanItem


def minutes_words(seconds: float) -> str:
    """ "45 s", "1 min", "12 min": rounded the way a facilitator glances at it."""
    seconds = abs(seconds)
    if seconds < 60:
        return f"{int(seconds)} s"
    return f"{int(seconds // 60)} min"


@dataclass
class RunClock:
    plan: Plan
    now: float
    index: int = 0
    paused: bool = False
    _started: float = field(default=0.0, init=False)
    _banked: float = field(default=0.0, init=False)  # seconds used before the last pause
    session_started: float = field(default=0.0, init=False)
    added: dict[int, float] = field(default_factory=dict, init=False)  # item -> seconds added
    done: dict[int, float] = field(default_factory=dict, init=False)  # item -> seconds it took

    def __post_init__(self) -> None:
        self._started = self.session_started = self.now

    @property
    def item(self) -> PlanItem | None:
        return self.plan.items[self.index] if self.plan.items else None

    @property
    def next_item(self) -> PlanItem | None:
        items = self.plan.items
        return items[self.index + 1] if self.index + 1 < len(items) else None

    def length(self, index: int) -> float:
        """An item's seconds as planned, with what was added on the day."""
        return self.plan.items[index].minutes * 60 + self.added.get(index, 0.0)

    def elapsed(self, now: float) -> float:
        return self._banked + (0.0 if self.paused else now - self._started)

    def remaining(self, now: float) -> float:
        return 0.0 if self.item is None else self.length(self.index) - self.elapsed(now)

    def time_up(self, now: float) -> bool:
        return self.item is not None and self.remaining(now) <= 0

    def overrun_words(self, now: float) -> str:
        """ "" while there is time left; "3 min over" once the item has run past its time."""
        over = -self.remaining(now)
        return f"{minutes_words(over)} over" if self.item is not None and over > 0 else ""

    def toggle_pause(self, now: float) -> None:
        if self.paused:
            self._started, self.paused = now, False
        else:
            self._banked, self.paused = self.elapsed(now), True

    def add_minutes(self, minutes: int, now: float) -> None:
        """More time for this item (the room is engaged): its countdown and the plan's end move."""
        if self.item is not None:
            self.added[self.index] = self.added.get(self.index, 0.0) + minutes * 60

    def go(self, step: int, now: float) -> None:
        """Next (+1) or previous (-1) item; its countdown starts afresh."""
        if not self.plan.items:
            return
        self.done[self.index] = self.elapsed(now)
        self.index = max(0, min(len(self.plan.items) - 1, self.index + step))
        self._banked, self._started = 0.0, now
        self.paused = False

    # -- the session as a whole ----------------------------------------------------------------
    def session_elapsed(self, now: float) -> float:
        """Wall time since the session began: pauses use the room's time too."""
        return now - self.session_started

    def planned_length(self) -> float:
        return sum(self.length(i) for i in range(len(self.plan.items)))

    def drift(self, now: float) -> float:
        """Seconds behind the plan (negative: ahead). Where the session should be by now: the
        planned start of this item plus as much of it as has run (never more than its length)."""
        if self.item is None:
            return 0.0
        planned_so_far = sum(self.length(i) for i in range(self.index))
        planned_so_far += min(self.elapsed(now), self.length(self.index))
        return self.session_elapsed(now) - planned_so_far

    def drift_words(self, now: float) -> str:
        drift = self.drift(now)
        if abs(drift) < 60:
            return "on time"
        return f"{minutes_words(drift)} {'behind' if drift > 0 else 'ahead'}"

    def planned_end_words(self, now: float) -> str:
        """When the session will end at this rate, as a clock time when the plan has a start,
        with the room booking beside it."""
        left = self.planned_length() - (self.session_elapsed(now) - self.drift(now))
        end_offset = (self.session_elapsed(now) + max(0.0, left)) / 60
        if self.plan.start is not None:
            import datetime as dt

            start = dt.datetime.combine(dt.date(2000, 1, 1), self.plan.start)
            end = f"ends about {start + dt.timedelta(minutes=end_offset):%H:%M}"
            if self.plan.booked_minutes:
                booked = start + dt.timedelta(minutes=self.plan.booked_minutes)
                end += f" (room booked until {booked:%H:%M})"
            return end
        return f"{minutes_words(self.session_elapsed(now))} gone of {minutes_words(self.planned_length())}"
