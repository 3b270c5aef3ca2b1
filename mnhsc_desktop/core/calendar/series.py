"""Changing one occurrence of a series, this and the following ones, or all of them, as Outlook
and Thunderbird offer. A changed occurrence is an override (RECURRENCE-ID) that replaces the
one its series would show; "this and following" ends the series the day before and starts a
new one from that day; a deleted occurrence is an EXDATE.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import replace

from mnhsc_desktop.core.calendar.events import Event


def one_occurrence(series: Event, day: dt.date, changed: Event) -> Event:
    """The occurrence of `series` on `day`, as `changed` says it should be: an override."""
    length = changed.end - changed.start
    start = changed.start if changed.start != series.start else day
    return changed.with_changes(
        uid=series.uid, recurrence_id=day, start=start, end=start + length, repeat=None,
        rule="", rdates=(), exdates=(), zone_start=None, sequence=series.sequence,
    )  # fmt: skip


def without(series: Event, day: dt.date) -> Event:
    """The series less its occurrence on `day`."""
    return series.with_changes(exdates=tuple(sorted({*series.exdates, day})))


def ended_before(series: Event, day: dt.date) -> Event:
    """The series cut so that its last occurrence is before `day` (its rule otherwise kept)."""
    from mnhsc_desktop.core.calendar.expansion import expand

    before = sum(1 for o in expand(series) if o.start < day)
    last = day - dt.timedelta(days=1)
    if series.repeat is not None:
        if series.repeat.count is not None:
            return series.with_changes(repeat=replace(series.repeat, count=max(before, 1)))
        return series.with_changes(repeat=replace(series.repeat, until=last))
    rule = re.sub(r";?(UNTIL|COUNT)=[^;]*", "", series.rule, flags=re.IGNORECASE)
    if re.search(r"COUNT=", series.rule, re.IGNORECASE):
        return series.with_changes(rule=f"{rule};COUNT={max(before, 1)}")
    return series.with_changes(rule=f"{rule};UNTIL={last:%Y%m%d}")


def from_day(series: Event, day: dt.date, changed: Event) -> Event:
    """A new series from the occurrence on `day`, as `changed` says (its start is where the
    new series begins), with the occurrences that were left."""
    from mnhsc_desktop.core.calendar.expansion import expand

    kept = replace(changed, zone_start=None, recurrence_id=None,
                   exdates=tuple(d for d in series.exdates if d >= day))  # fmt: skip
    remaining = sum(1 for o in expand(series) if o.start >= day)
    if kept.repeat is not None and kept.repeat.count is not None and series.repeat is not None:
        kept = replace(kept, repeat=replace(kept.repeat, count=max(remaining, 1)))
    elif kept.rule and re.search(r"COUNT=", kept.rule, re.IGNORECASE):
        rule = re.sub(r"COUNT=\d+", f"COUNT={max(remaining, 1)}", kept.rule, flags=re.I)
        kept = replace(kept, rule=rule)
    return kept.with_changes(uid=f"{uuid.uuid4()}@mnhsc-desktop", sequence=0)
