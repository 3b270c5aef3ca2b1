"""Import .ics files as real ones come, read by icalendar: Outlook's zone names, zones a file
defines itself (VTIMEZONE), floating times, several calendars in one file, Latin-1, a BOM,
changed occurrences of a series. A file that is not a calendar is refused whole, changing
nothing; a bad event in a good file is skipped with its reason and the rest come in.

What is ours on top of icalendar: the refusals with reasons, the UK date and time of each
event, which zone a series repeats in, and the MNHSC properties our own exports carry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mnhsc_desktop.core.calendar.events import KINDS, Event, Repeat, Resource, last_day_of_month
from mnhsc_desktop.core.calendar.ics.exporter import TBC_SUFFIX
from mnhsc_desktop.core.calendar.ics.structure import (
    StructureError,
    check_structure,
    normalised,
    pieces,
)
from mnhsc_desktop.core.calendar.ics.zones import LONDON, resolve_zone
from mnhsc_desktop.core.calendar.recurrence import RuleError, checked_rule

MAX_BYTES = 20 * 1024 * 1024
PIECE = 500  # VEVENTs read at a time: each piece holds the interpreter for a few milliseconds
_LABEL_TO_KIND = {label.casefold(): kind for kind, label in KINDS.items()}


class ImportRefused(Exception):
    """The whole file was refused; nothing was changed."""

    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        where = f" (line {line})" if line else ""
        super().__init__(f"{path.name} cannot be imported: it {reason}{where}.")
        self.path, self.reason, self.line = path, reason, line


class SkipEvent(Exception):
    """One event that cannot be used; the reason is shown to the user."""


@dataclass(frozen=True)
class Skipped:
    title: str
    reason: str
    line: int | None = None
    uid: str = ""

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line else f" (UID {self.uid})" if self.uid else ""
        return f"“{self.title}”{where}: {self.reason}"


# -- reading the file --------------------------------------------------------------------------
def decode(path: Path, raw: bytes) -> tuple[str, list[str]]:
    """Text of the file; falls back from UTF-8 to Windows-1252 (and says so)."""
    notes: list[str] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), notes
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in raw[:4096]:
        raise ImportRefused(path, "is a binary file, not a calendar")
    try:
        return raw.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
        notes.append("The file is not UTF-8; it was read as Windows-1252 (Western European) text.")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        notes.append("The file is not UTF-8; it was read as Latin-1 text. Check accented letters.")
    return text, notes


def read_file(path: Path) -> tuple[Iterator[tuple[Any, list]], list[str]]:
    """The file's calendars (icalendar's), a piece at a time as they are read, or
    ImportRefused saying why the file cannot be used. The shape is checked before the first
    piece is read; a piece icalendar cannot read refuses the whole file (nothing is planned)."""
    from mnhsc_desktop.core.input_files import InputRefused, read_bounded

    try:
        raw = read_bounded(path, MAX_BYTES)
    except InputRefused as refusal:
        why = refusal.reason.removeprefix("it is ")
        if refusal.size is not None:
            why = f"{refusal.size / 1024 / 1024:.0f} MB; the largest calendar accepted is 20 MB"
        raise ImportRefused(path, f"is {why}") from refusal
    except OSError as error:
        raise ImportRefused(path, f"could not be read ({error.strerror or error})") from error
    if not raw.strip():
        raise ImportRefused(path, "is empty")
    text, notes = decode(path, raw)
    head = text.lstrip()[:200].upper()
    if head.startswith("<") or "<HTML" in head:
        raise ImportRefused(path, "is a web page (HTML), not a calendar")
    if head.startswith("BEGIN:VCARD"):
        raise ImportRefused(path, "is a contact card (vCard), not a calendar")
    if not head.startswith("BEGIN:VCALENDAR"):
        raise ImportRefused(path, "is not an iCalendar file (it should start with BEGIN:VCALENDAR)")
    text = normalised(text)
    try:
        shapes = check_structure(text)
    except StructureError as error:
        raise ImportRefused(path, str(error), error.line) from error
    return _calendars(path, text, shapes), notes


def _calendars(path: Path, text: str, shapes: list) -> Iterator[tuple[Any, list]]:
    """A large calendar a piece at a time: each piece is read, used and let go before the next,
    so neither reading nor freeing a huge tree holds the window up for long."""
    from icalendar import Calendar

    for shape in shapes:
        for piece, sources in pieces(text, shape, PIECE):
            try:
                read = Calendar.from_ical(piece, multiple=True)
            except (ValueError, KeyError, IndexError, TypeError) as error:
                reason = f"could not be read as a calendar ({_clip(str(error))})"
                raise ImportRefused(path, reason) from None
            for calendar in read:
                yield calendar, sources  # each VEVENT's line, and its rule as written


def events_in(
    calendars: Iterable[tuple[Any, list]], notes: list[str]
) -> tuple[list[Event], list[Skipped]]:
    """The events of (calendar, where its VEVENTs are) pairs, and those skipped, with why."""
    events, skipped = [], []
    for calendar, sources in calendars:
        reader = _EventReader(calendar, notes)
        vevents = [c for c in calendar.subcomponents if c.name == "VEVENT"]
        if len(sources) != len(vevents):
            sources = [None] * len(vevents)
        for component, source in zip(vevents, sources, strict=True):
            try:
                events.append(reader.event(component, source.rule if source else ""))
            except SkipEvent as reason:
                title = _text(component, "SUMMARY") or "Untitled event"
                line = source.line if source else None
                skipped.append(Skipped(title, str(reason), line, _text(component, "UID")))
    return events, skipped


class _EventReader:
    def __init__(self, calendar: Any, notes: list[str]) -> None:
        self.notes = notes
        self.unknown_zones: set[str] = set()
        self.default_zone: dt.tzinfo = LONDON
        self.vtimezones = {str(tz.get("TZID", "")): tz for tz in calendar.walk("VTIMEZONE")}
        declared = _text(calendar, "X-WR-TIMEZONE")
        if declared:
            zone = resolve_zone(declared)
            if zone is None:
                notes.append(f"Unknown calendar time zone “{declared}”: times read as UK time.")
            else:
                self.default_zone = zone

    def value(self, c: Any, name: str) -> Any:
        """A property's value (a date, a date-time or a duration), or SkipEvent saying why not."""
        prop = c.get(name)
        if isinstance(prop, list):
            prop = prop[0]
        try:
            value = prop.dt
        except (ValueError, AttributeError):
            raise SkipEvent(f"has a date that cannot be read ({name}:{_raw(prop)})") from None
        tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
        if isinstance(value, dt.datetime) and value.tzinfo is None and tzid:
            zone = resolve_zone(str(tzid))  # a name icalendar does not know, in our own table
            if zone is None:
                if tzid not in self.unknown_zones:
                    self.unknown_zones.add(tzid)
                    self.notes.append(
                        f"Unknown time zone “{tzid}”: its times were read as UK time."
                    )
                zone = LONDON
            value = value.replace(tzinfo=zone)
        return value

    def in_uk(self, value: Any) -> tuple[dt.date, dt.time | None]:
        """A DATE or DATE-TIME value as a UK date and wall-clock time (None for a date)."""
        if not isinstance(value, dt.datetime):
            return value, None
        if value.tzinfo is None:
            value = value.replace(tzinfo=self.default_zone)  # floating time
        local = value.astimezone(LONDON)
        return local.date(), local.time().replace(tzinfo=None)

    def event(self, component: Any, written_rule: str = "") -> Event:
        # Its properties as a plain dict (icalendar's keys are upper case already): the twenty
        # or so looked up here then skip the case-folding of icalendar's own dictionary.
        c = dict(component)
        if c.get("DTSTART") is None:
            raise SkipEvent("has no start date (DTSTART)")
        first = self.value(c, "DTSTART")
        start, start_time = self.in_uk(first)
        end, end_time = self._end(c, first, start, start_time)
        if _text(c, "STATUS").upper() == "CANCELLED":
            raise SkipEvent("is marked as cancelled")
        title = _text(c, "SUMMARY") or "Untitled event"
        notes = tuple(_unescaped(v) for v in _all(c, "X-MNHSC-NOTE"))
        # Our own exports carry notes exactly (X-MNHSC-NOTE); DESCRIPTION is then only for people.
        if not notes and c.get("X-MNHSC-KIND") is None and (description := _text(c, "DESCRIPTION")):
            notes = (description,)
        precision = (_text(c, "X-MNHSC-PRECISION") or "day").lower()
        if precision not in ("day", "week", "month"):
            precision = "day"
        if precision == "month" and start_time is None:  # our own month-only export: one day
            end = last_day_of_month(start)
            title = title.removesuffix(TBC_SUFFIX)
        recurrence = (
            self.in_uk(self.value(c, "RECURRENCE-ID"))[0] if c.get("RECURRENCE-ID") else None
        )
        and_after = recurrence is not None and str(
            c.get("RECURRENCE-ID").params.get("RANGE", "")).upper() == "THISANDFUTURE"  # fmt: skip
        event = Event(
            uid=_text(c, "UID") or _stand_in_uid(title, first),
            title=title,
            kind=_kind(c),
            start=start,
            end=end,
            precision=precision,  # type: ignore[arg-type]
            start_time=start_time,
            end_time=end_time,
            location=_text(c, "LOCATION"),
            wave=_text(c, "X-MNHSC-WAVE"),
            notes=notes,
            resources=tuple(Resource(_unescaped(v)) for v in _all(c, "X-MNHSC-RESOURCE")),
            tbc=_text(c, "X-MNHSC-TBC").upper() == "TRUE",
            deadline=_x_date(c.get("X-MNHSC-DEADLINE")),
            origin="imported",
            sequence=_int(c.get("SEQUENCE")),
            recurrence_id=recurrence,
            dtstamp=_stamp(c),
            and_after=and_after,
        )  # fmt: skip
        if c.get("RRULE") is None:
            return event
        return self._series(c, event, first, written_rule)

    def _end(self, c: Any, first: Any, start: dt.date, start_time: dt.time | None):
        has_end, has_duration = c.get("DTEND") is not None, c.get("DURATION") is not None
        if start_time is None:  # all-day: DTEND is exclusive
            if has_end:
                last = self.in_uk(self.value(c, "DTEND"))[0] - dt.timedelta(days=1)
                return max(last, start), None
            if has_duration:
                days = self.value(c, "DURATION").days
                return start + dt.timedelta(days=max(days - 1, 0)), None
            return start, None
        if has_end:
            finish = self.value(c, "DTEND")
            if not isinstance(finish, dt.datetime):
                finish = dt.datetime.combine(finish, dt.time(), tzinfo=first.tzinfo)
        elif has_duration:
            finish = first + self.value(c, "DURATION")
        else:
            return start, None
        end, end_time = self.in_uk(finish)
        if (end, end_time or dt.time(0)) < (start, start_time):
            raise SkipEvent("ends before it starts")
        return end, end_time or dt.time(0)

    def _series(self, c: Any, event: Event, first: Any, written_rule: str) -> Event:
        """A series keeps its rule as written and repeats in its own zone."""
        rules = c.get("RRULE")
        rules = rules if isinstance(rules, list) else [rules]
        if len(rules) > 1:
            self.notes.append(f"“{event.title}” has {len(rules)} repeat rules; the first is used.")
        try:
            rule = written_rule or rules[0].to_ical().decode()
        except (AttributeError, ValueError):
            raise SkipEvent(
                f"has a repeat rule that cannot be read (RRULE:{_raw(rules[0])})"
            ) from None
        zone, zone_start, zone_ical = "", None, ""
        if isinstance(first, dt.datetime):
            moment = first if first.tzinfo is not None else first.replace(tzinfo=self.default_zone)
            zone, zone_ical = self._zone_name(c, moment.tzinfo)
            if zone:
                zone_start = moment.replace(tzinfo=None)
        exdates = tuple(sorted({self._local(d, first).date() if isinstance(d, dt.datetime) else d
                                for d in self._dates(c, "EXDATE")}))  # fmt: skip
        rdates = tuple(self._local(d, first) if isinstance(d, dt.datetime) else d
                       for d in self._dates(c, "RDATE"))  # fmt: skip
        series = event.with_changes(rule=rule, zone=zone, zone_start=zone_start,
                                    zone_ical=zone_ical, exdates=exdates, rdates=rdates)  # fmt: skip
        if c.get("X-MNHSC-KIND") is not None and not zone and not rdates:
            own = _own_repeat(rule)  # our own export of an event made in the app: as it was
            if own is not None:
                series = series.with_changes(rule="", repeat=own)
        try:
            checked_rule(rule, series)
        except RuleError as error:
            raise SkipEvent(str(error)) from None
        return series

    def _zone_name(self, c: Any, zone: Any) -> tuple[str, str]:
        """("", "") for UK time; else the zone's name, and its VTIMEZONE when Python has none."""
        key = getattr(zone, "key", None)
        if key == "Europe/London":
            return "", ""
        if zone is dt.UTC or key in ("UTC", "Etc/UTC") or str(zone) == "UTC":
            return "UTC", ""
        if key:
            return key, ""
        tzid = str(c.get("DTSTART").params.get("TZID", ""))
        if tzid in self.vtimezones:
            return tzid, self.vtimezones[tzid].to_ical().decode()
        return "", ""  # no way to repeat it in its zone: UK time, as before

    def _local(self, moment: dt.datetime, first: Any) -> dt.datetime:
        """A date-time naive, in the zone of the series' start (as EXDATE and RDATE match it)."""
        zone = first.tzinfo if isinstance(first, dt.datetime) and first.tzinfo else None
        if moment.tzinfo is not None and zone is not None:
            moment = moment.astimezone(zone)
        return moment.replace(tzinfo=None)

    def _dates(self, c: Any, name: str) -> list[Any]:
        found = []
        for prop in _all_props(c, name):
            try:
                values = [d.dt for d in prop.dts]
            except (AttributeError, ValueError):
                raise SkipEvent(f"has a date that cannot be read ({name}:{_raw(prop)})") from None
            for value in values:
                found.append(value[0] if isinstance(value, tuple) else value)  # a PERIOD: its start
        return found


def _own_repeat(rule: str) -> Repeat | None:
    """The app's own kind of repeat, when a rule is no more than one."""
    parts = dict(piece.partition("=")[::2] for piece in rule.upper().split(";") if piece)
    freq = parts.get("FREQ", "").lower()
    own_parts = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY"}
    if freq not in ("daily", "weekly", "monthly", "yearly") or set(parts) - own_parts:
        return None
    until = None
    if text := parts.get("UNTIL"):
        moment = dt.datetime.strptime(text[:8], "%Y%m%d")
        if text.endswith("Z") and "T" in text:
            moment = dt.datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            moment = moment.astimezone(LONDON)
        until = moment.date()
    count = int(parts["COUNT"]) if "COUNT" in parts else None
    interval = int(parts.get("INTERVAL", "1"))
    return Repeat(freq, interval, count, until, parts.get("BYDAY", ""))  # type: ignore[arg-type]


def _all_props(c: Any, name: str) -> list[Any]:
    prop = c.get(name)
    if prop is None:
        return []
    return prop if isinstance(prop, list) else [prop]


def _all(c: Any, name: str) -> list[Any]:
    return _all_props(c, name)


def _text(c: Any, name: str) -> str:
    prop = c.get(name)
    if isinstance(prop, list):
        prop = prop[0] if prop else None
    return _unescaped(prop).strip() if prop is not None else ""


def _unescaped(value: Any) -> str:
    """TEXT as written: icalendar unescapes the properties it knows, not X- ones."""
    if type(value).__name__ == "vUnknown":
        from icalendar.parser import unescape_backslash

        return unescape_backslash(str(value))
    return str(value)


def _raw(prop: Any) -> str:
    text = prop.to_ical().decode(errors="replace") if hasattr(prop, "to_ical") else str(prop)
    return _clip(text)


def _kind(c: Any) -> str:
    declared = _text(c, "X-MNHSC-KIND")
    if declared in KINDS:
        return declared
    for prop in _all_props(c, "CATEGORIES"):
        for category in getattr(prop, "cats", [prop]):
            if (kind := _LABEL_TO_KIND.get(str(category).strip().casefold())) is not None:
                return kind
    return "other"


def _stand_in_uid(title: str, first: Any) -> str:
    """A file without a UID gets a stable stand-in, so re-imports still match."""
    digest = hashlib.sha256(f"{title}\0{first}".encode()).hexdigest()[:16]
    return f"no-uid-{digest}@mnhsc-desktop"


def _x_date(prop: Any) -> dt.date | None:
    """Our own X-MNHSC-DEADLINE (a DATE; icalendar leaves X- properties unread)."""
    try:
        return dt.datetime.strptime(str(prop).strip()[:8], "%Y%m%d").date() if prop else None
    except ValueError:
        return None


def _int(prop: Any) -> int:
    try:
        return max(int(prop), 0) if prop is not None else 0
    except (ValueError, TypeError):
        return 0


def _stamp(c: Any) -> str:
    prop = c.get("DTSTAMP") or c.get("LAST-MODIFIED")
    try:
        return prop.dt.astimezone(dt.UTC).isoformat() if prop is not None else ""
    except (ValueError, AttributeError, TypeError):
        return ""


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
