"""Import .ics files as real ones come: Outlook's zone names, floating times, Latin-1, a BOM,
overrides of single occurrences. A file that is not a calendar is refused whole, changing
nothing; a bad event in a good file is skipped with its reason and the rest come in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from mnhsc_desktop.core.calendar.events import (
    KINDS,
    Event,
    Repeat,
    Resource,
    last_day_of_month,
)
from mnhsc_desktop.core.calendar.ics.exporter import TBC_SUFFIX
from mnhsc_desktop.core.calendar.ics.parse import (
    Component,
    IcsSyntaxError,
    Prop,
    parse,
    split_text_list,
    unescape_text,
)
from mnhsc_desktop.core.calendar.ics.zones import LONDON, resolve_zone

MAX_BYTES = 20 * 1024 * 1024
_LABEL_TO_KIND = {label.casefold(): kind for kind, label in KINDS.items()}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


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

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line else ""
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


def read_file(path: Path) -> tuple[Component, list[str]]:
    """The parsed calendar, or ImportRefused saying why the file cannot be used."""
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
    try:
        return parse(text), notes
    except IcsSyntaxError as error:
        raise ImportRefused(path, str(error), error.line) from error


def events_in(calendar: Component, notes: list[str]) -> tuple[list[Event], list[Skipped]]:
    default_zone: dt.tzinfo = LONDON
    if (declared := calendar.get("X-WR-TIMEZONE")) is not None:
        zone = resolve_zone(declared.value)
        if zone is None:
            notes.append(f"Unknown calendar time zone “{declared.value}”: times read as UK time.")
        else:
            default_zone = zone
    reader = _EventReader(default_zone, notes)
    events, skipped = [], []
    for component in calendar.children:
        if component.name != "VEVENT":
            continue
        try:
            events.append(reader.event(component))
        except SkipEvent as reason:
            title = component.get("SUMMARY")
            skipped.append(
                Skipped(
                    unescape_text(title.value) if title else "Untitled event",
                    str(reason),
                    component.line,
                )
            )
    return events, skipped


class _EventReader:
    def __init__(self, default_zone: dt.tzinfo, notes: list[str]) -> None:
        self.default_zone = default_zone
        self.notes = notes
        self.unknown_zones: set[str] = set()

    def when(self, prop: Prop) -> tuple[dt.date, dt.time | None]:
        """A DATE or DATE-TIME value as a UK date and wall-clock time (None for a date)."""
        value = prop.value.strip().split(",")[0]
        try:
            if prop.params.get("VALUE", "").upper() == "DATE" or len(value) == 8:
                return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8])), None
            if len(value) < 15 or value[8] not in "Tt":
                raise ValueError(value)
            moment = dt.datetime(
                int(value[:4]), int(value[4:6]), int(value[6:8]),
                int(value[9:11]), int(value[11:13]), int(value[13:15]),
            )  # fmt: skip
        except (ValueError, IndexError):
            raise SkipEvent(f"has a date that cannot be read ({prop.name}:{value})") from None
        if value.endswith("Z"):
            moment = moment.replace(tzinfo=dt.UTC)
        elif "TZID" in prop.params:
            zone = resolve_zone(prop.params["TZID"])
            if zone is None:
                if prop.params["TZID"] not in self.unknown_zones:
                    self.unknown_zones.add(prop.params["TZID"])
                    self.notes.append(
                        f"Unknown time zone “{prop.params['TZID']}”: its times were read as UK time."
                    )
                zone = LONDON
            if zone is LONDON or getattr(zone, "key", None) == "Europe/London":
                return moment.date(), moment.time()  # already UK wall-clock time, kept exactly
            moment = moment.replace(tzinfo=zone)
        else:
            moment = moment.replace(tzinfo=self.default_zone)  # floating time
        local = moment.astimezone(LONDON)
        return local.date(), local.time().replace(tzinfo=None)

    def event(self, c: Component) -> Event:
        start_prop = c.get("DTSTART")
        if start_prop is None:
            raise SkipEvent("has no start date (DTSTART)")
        start, start_time = self.when(start_prop)
        end, end_time = self._end(c, start, start_time)
        if c.get("STATUS") is not None and c.get("STATUS").value.upper() == "CANCELLED":
            raise SkipEvent("is marked as cancelled")
        title = _text(c, "SUMMARY") or "Untitled event"
        kind = _kind(c)
        notes = tuple(unescape_text(p.value) for p in c.all("X-MNHSC-NOTE"))
        # Our own exports carry notes exactly (X-MNHSC-NOTE); DESCRIPTION is then only for people.
        if not notes and c.get("X-MNHSC-KIND") is None and (description := _text(c, "DESCRIPTION")):
            notes = (description,)
        precision = (_text(c, "X-MNHSC-PRECISION") or "day").lower()
        if precision not in ("day", "week", "month"):
            precision = "day"
        if precision == "month" and start_time is None:  # our own month-only export: one day
            end = last_day_of_month(start)
            title = title.removesuffix(TBC_SUFFIX)
        deadline = c.get("X-MNHSC-DEADLINE")
        recurrence = c.get("RECURRENCE-ID")
        return Event(
            uid=_uid(c, title, start_prop),
            title=title,
            kind=kind,
            start=start,
            end=end,
            precision=precision,  # type: ignore[arg-type]
            start_time=start_time,
            end_time=end_time,
            location=_text(c, "LOCATION"),
            wave=_text(c, "X-MNHSC-WAVE"),
            notes=notes,
            resources=tuple(Resource(unescape_text(p.value)) for p in c.all("X-MNHSC-RESOURCE")),
            tbc=(_text(c, "X-MNHSC-TBC").upper() == "TRUE"),
            deadline=self.when(deadline)[0] if deadline else None,
            origin="imported",
            repeat=self._repeat(c, start, start_time),
            exdates=self._exdates(c),
            sequence=_int(c.get("SEQUENCE")),
            recurrence_id=self.when(recurrence)[0] if recurrence else None,
        )

    def _end(self, c: Component, start: dt.date, start_time: dt.time | None):
        end_prop, duration = c.get("DTEND"), c.get("DURATION")
        if start_time is None:  # all-day: DTEND is exclusive
            if end_prop is not None:
                last = self.when(end_prop)[0] - dt.timedelta(days=1)
                return max(last, start), None
            if duration is not None:
                days = _duration(duration).days
                return start + dt.timedelta(days=max(days - 1, 0)), None
            return start, None
        if end_prop is not None:
            end, end_time = self.when(end_prop)
        elif duration is not None:
            finish = dt.datetime.combine(start, start_time) + _duration(duration)
            end, end_time = finish.date(), finish.time()
        else:
            return start, None
        if end_time is None:
            end_time = dt.time(0)
        if (end, end_time) < (start, start_time):
            raise SkipEvent("ends before it starts")
        return end, end_time

    def _repeat(self, c: Component, start: dt.date, start_time: dt.time | None) -> Repeat | None:
        rule = c.get("RRULE")
        if rule is None:
            return None
        parts = {}
        for piece in rule.value.split(";"):
            key, _, value = piece.partition("=")
            parts[key.upper()] = value.upper()
        freq = parts.pop("FREQ", "")
        if freq not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
            raise SkipEvent(f"repeats in a way this app cannot show (FREQ={freq or '?'})")
        allowed = {
            "BYDAY": _WEEKDAYS[start.weekday()] if freq == "WEEKLY" else None,
            "BYMONTHDAY": str(start.day) if freq in ("MONTHLY", "YEARLY") else None,
            "BYMONTH": str(start.month) if freq == "YEARLY" else None,
            "WKST": parts.get("WKST"),
        }
        for key in list(parts):
            if key in ("INTERVAL", "COUNT", "UNTIL"):
                continue
            if allowed.get(key) is None or parts[key] != allowed[key]:
                raise SkipEvent(f"repeats in a way this app cannot show ({key}={parts[key]})")
        try:
            interval = int(parts.get("INTERVAL", "1"))
            count = int(parts["COUNT"]) if "COUNT" in parts else None
        except ValueError:
            raise SkipEvent(f"has a repeat rule that cannot be read ({rule.value})") from None
        if interval < 1 or (count is not None and count < 1):
            raise SkipEvent(f"has a repeat rule that cannot be read ({rule.value})")
        until = None
        if "UNTIL" in parts:
            until = self.when(Prop("UNTIL", {}, parts["UNTIL"], rule.line))[0]
        return Repeat(freq.lower(), interval, count, until)  # type: ignore[arg-type]

    def _exdates(self, c: Component) -> tuple[dt.date, ...]:
        days = []
        for prop in c.all("EXDATE"):
            for value in prop.value.split(","):
                days.append(self.when(Prop(prop.name, prop.params, value, prop.line))[0])
        return tuple(sorted(set(days)))


def _text(c: Component, name: str) -> str:
    prop = c.get(name)
    return unescape_text(prop.value).strip() if prop else ""


def _kind(c: Component) -> str:
    declared = _text(c, "X-MNHSC-KIND")
    if declared in KINDS:
        return declared
    for prop in c.all("CATEGORIES"):
        for category in split_text_list(prop.value):
            if (kind := _LABEL_TO_KIND.get(category.strip().casefold())) is not None:
                return kind
    return "other"


def _uid(c: Component, title: str, start: Prop) -> str:
    """The file's UID; a file without one gets a stable stand-in, so re-imports still match."""
    if (uid := _text(c, "UID")) != "":
        return uid
    digest = hashlib.sha256(f"{title}\0{start.value}".encode()).hexdigest()[:16]
    return f"no-uid-{digest}@mnhsc-desktop"


def _int(prop: Prop | None) -> int:
    try:
        return max(int(prop.value), 0) if prop else 0
    except ValueError:
        return 0


def _duration(prop: Prop) -> dt.timedelta:
    """RFC 5545 DURATION such as P1D, PT1H30M, P2W."""
    text = prop.value.strip().upper()
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    if not text.startswith("P"):
        raise SkipEvent(f"has a duration that cannot be read ({prop.value})")
    total, number, in_time = dt.timedelta(), "", False
    units = {"W": "weeks", "D": "days", "H": "hours", "M": "minutes", "S": "seconds"}
    for char in text[1:]:
        if char.isdigit():
            number += char
        elif char == "T":
            in_time = True
        elif char in units and number and (in_time or char in "WD"):
            total += dt.timedelta(**{units[char]: int(number)})
            number = ""
        else:
            raise SkipEvent(f"has a duration that cannot be read ({prop.value})")
    return sign * total
