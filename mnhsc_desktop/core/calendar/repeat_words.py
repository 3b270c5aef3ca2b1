"""A repeat said in words, as Outlook and Thunderbird say it: "Repeats every 2 weeks on Mon,
Wed and Fri until 4 Mar 2027", "Repeats monthly on the last Friday, 6 times". The rule itself
is the expander's (recurrence.py); this only reads its parts to describe them."""

from __future__ import annotations

import datetime as dt

from mnhsc_desktop.core.calendar.events import Event, uk_date
from mnhsc_desktop.core.calendar.recurrence import MAX_OCCURRENCES, endless, rule_of

_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year",
          "HOURLY": "hour"}  # fmt: skip
_DAYS = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat", "SU": "Sun"}
_LONG_DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
              "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}  # fmt: skip
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last", -2: "second last"}


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _weekdays(value: str) -> str:
    """BYDAY: "MO,WE,FR" -> "Mon, Wed and Fri"; "2TU" -> "the 2nd Tuesday"."""
    said = []
    for item in value.split(","):
        item = item.strip().upper()
        day, number = item[-2:], item[:-2]
        if number:
            try:
                said.append(
                    f"the {_ORDINALS.get(int(number), f'{int(number)}th')} {_LONG_DAYS[day]}"
                )
            except (ValueError, KeyError):
                return value
        else:
            said.append(_DAYS.get(day, day))
    return _listed(said)


def _day(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text[:8], "%Y%m%d").date()
    except ValueError:
        return None


def describe_repeat(event: Event) -> str:
    rule = rule_of(event)
    if not rule:
        return ""
    parts = dict(p.partition("=")[::2] for p in rule.upper().split(";") if p)
    unit = _UNITS.get(parts.get("FREQ", ""), "time")
    interval = int(parts["INTERVAL"]) if parts.get("INTERVAL", "").isdigit() else 1
    text = f"Repeats every {unit}" if interval == 1 else f"Repeats every {interval} {unit}s"
    if "BYDAY" in parts:
        days = _weekdays(parts["BYDAY"])
        if "BYSETPOS" in parts and parts["BYSETPOS"].lstrip("-").isdigit():
            position = _ORDINALS.get(int(parts["BYSETPOS"]), parts["BYSETPOS"])
            days = f"the {position} of {days}"
        text += f" on {days}"
    elif "BYMONTHDAY" in parts:
        text += f" on day {_listed(parts['BYMONTHDAY'].split(','))}"
    known = {"FREQ", "INTERVAL", "BYDAY", "BYSETPOS", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}
    if set(parts) - known:
        text += f" (rule: {rule})"
    if "COUNT" in parts:
        count = parts["COUNT"]
        text += f", {count} time{'s' if count != '1' else ''}"
    elif "UNTIL" in parts and (last := _day(parts["UNTIL"])) is not None:
        text += f" until {uk_date(last)}"
    if event.rdates:
        text += f", and on {len(event.rdates)} more date{'s' if len(event.rdates) != 1 else ''}"
    if event.zone and event.zone != "UTC":
        text += f"; at the same time in {event.zone} each time"
    if endless(event):
        text += f". It has no end: the first {MAX_OCCURRENCES:,} are shown"
    return text
