"""The shape of an iCalendar file checked before icalendar reads it, so a broken file is
refused with the line to look at: every BEGIN has its END, in order, never nested absurdly
deep, nothing outside a VCALENDAR. (icalendar reads an unclosed or mismatched component
without a word; the contents are icalendar's to read.) Only the BEGIN, END and RRULE lines
are looked at, found by one regular expression: a 20,000-event file takes a few milliseconds.
"""

from __future__ import annotations

import re

MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3; anything far deeper is not a real calendar
# A BEGIN, END or RRULE line (with the continuation lines an RRULE may fold onto), at the start
# of a line: CR, LF or CRLF end lines.
_MARK = re.compile(r"^(BEGIN|END|RRULE):([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.I | re.M)
_CONTENT = re.compile(r"\S")


class StructureError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class VeventSource:
    """Where a VEVENT begins, and its RRULE exactly as written (icalendar re-orders the parts
    when it writes a rule back; a series keeps the rule its file gave)."""

    __slots__ = ("end", "line", "rule", "start")

    def __init__(self, line: int, start: int) -> None:
        self.line, self.rule, self.start, self.end = line, "", start, start


class CalendarShape(list):
    """One VCALENDAR: its VEVENTs (VeventSource, in order) and where it lies in the text."""

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start, self.end = start, start


def pieces(text: str, shape: CalendarShape, per_piece: int) -> list[tuple[str, list]]:
    """The calendar cut into calendars of at most `per_piece` VEVENTs, each with everything
    else the calendar holds (its properties and VTIMEZONEs): icalendar then reads a large file
    a piece at a time, and the window is never held up for long by one of them."""
    if len(shape) <= per_piece:
        return [(text[shape.start : shape.end], list(shape))]
    rest, at = [], shape.start
    for source in shape:
        rest.append(text[at : source.start])
        at = source.end
    rest.append(text[at : shape.end])
    frame = "".join(rest)
    close = frame.rstrip().rfind("END:")
    head, tail = frame[:close], frame[close:]
    found = []
    for first in range(0, len(shape), per_piece):
        chunk = shape[first : first + per_piece]
        body = "".join(text[v.start : v.end] for v in chunk)
        found.append((head + body + tail, list(chunk)))
    return found


def check_structure(text: str) -> list[CalendarShape]:
    """For each VCALENDAR, where each of its VEVENTs begins (so a skipped event can be named by
    its line) and its rule as written; raises StructureError (a clause, and its line) for a
    file of the wrong shape. `text` should have \n line ends (normalised()); the positions
    kept are positions in it."""
    stack: list[tuple[str, int]] = []
    lines: list[CalendarShape] = []
    line, at, closed_at = 1, 0, 0  # closed_at: where the last VCALENDAR ended
    for match in _MARK.finditer(text):
        line += text.count("\n", at, match.start())
        at = match.start()
        keyword, value = match.group(1).upper(), match.group(2)
        if keyword == "RRULE":
            if len(stack) == 2 and stack[-1][0] == "VEVENT" and not lines[-1][-1].rule:
                lines[-1][-1].rule = re.sub(r"\n[ \t]", "", value).strip()
            continue
        name = value.strip().upper()
        if not stack:
            _nothing_between(text, closed_at, at, line)
        if keyword == "BEGIN":
            if not stack and name != "VCALENDAR":
                raise StructureError(f"starts with BEGIN:{name}, not BEGIN:VCALENDAR", line)
            if len(stack) >= MAX_DEPTH:
                raise StructureError(f"nests components more than {MAX_DEPTH} deep", line)
            stack.append((name, line))
            if len(stack) == 1:
                lines.append(CalendarShape(match.start()))
            elif len(stack) == 2 and name == "VEVENT":
                lines[-1].append(VeventSource(line, match.start()))
            continue
        if not stack:
            raise StructureError(f"has END:{name} without a matching BEGIN", line)
        opened, since = stack[-1]
        if opened != name:
            raise StructureError(
                f"has END:{name} where END:{opened} (opened on line {since}) was due", line
            )
        stack.pop()
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end + 1
        if len(stack) == 1 and name == "VEVENT":
            lines[-1][-1].end = end
        if not stack:
            closed_at = match.end()
            lines[-1].end = end
    if stack:
        opened, since = stack[-1]
        raise StructureError(f"ends before END:{opened} (opened on line {since})", since)
    if not lines:
        raise StructureError("holds no calendar")
    _nothing_between(text, closed_at, len(text), line + text.count("\n", at, len(text)))
    return lines


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _nothing_between(text: str, start: int, end: int, line_at_end: int) -> None:
    """Between two calendars (or after the last) there may only be blank lines."""
    found = _CONTENT.search(text, start, end)
    if found is not None and start > 0:
        line = line_at_end - text.count("\n", found.start(), end)
        raise StructureError("has a property outside BEGIN:VCALENDAR … END:VCALENDAR", line)
