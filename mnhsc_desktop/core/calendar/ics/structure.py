"""The shape of an iCalendar file checked before icalendar reads it, so a broken file is
refused with the line to look at: every BEGIN has its END, in order, never nested absurdly
deep, nothing outside a VCALENDAR. (icalendar reads an unclosed or mismatched component
without a word; the contents are icalendar's to read.)"""

from __future__ import annotations

import re

MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3; anything far deeper is not a real calendar
_LINE_END = re.compile(r"\r\n|\n|\r")


class StructureError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class VeventSource:
    """Where a VEVENT begins, and its RRULE exactly as written (icalendar re-orders the parts
    when it writes a rule back; a series keeps the rule its file gave)."""

    __slots__ = ("line", "rule")

    def __init__(self, line: int) -> None:
        self.line, self.rule = line, ""


def check_structure(text: str) -> list[list[VeventSource]]:
    """For each VCALENDAR, where each of its VEVENTs begins (so a skipped event can be named by
    its line) and its rule as written; raises StructureError (a clause, and its line) for a
    file of the wrong shape."""
    stack: list[tuple[str, int]] = []
    seen_calendar = False
    lines: list[list[VeventSource]] = []
    rule_of: VeventSource | None = None  # the VEVENT whose RRULE is being read (it may fold)
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if line[:1] in (" ", "\t") and rule_of is not None:
            rule_of.rule += line[1:]
            continue
        rule_of = None
        if not line or line[0] in " \t":
            continue  # a continuation line, or blank
        if len(stack) == 2 and stack[-1][0] == "VEVENT" and line[:6].upper() == "RRULE:":
            source = lines[-1][-1]
            if not source.rule:
                source.rule, rule_of = line[6:].strip(), source
            continue
        head = line[:6].upper()
        if head == "BEGIN:":
            name = line[6:].strip().upper()
            if not stack and name != "VCALENDAR":
                raise StructureError(f"starts with BEGIN:{name}, not BEGIN:VCALENDAR", number)
            if len(stack) >= MAX_DEPTH:
                raise StructureError(f"nests components more than {MAX_DEPTH} deep", number)
            stack.append((name, number))
            seen_calendar = True
            if len(stack) == 1:
                lines.append([])
            elif len(stack) == 2 and name == "VEVENT":
                lines[-1].append(VeventSource(number))
        elif line[:4].upper() == "END:":
            name = line[4:].strip().upper()
            if not stack:
                raise StructureError(f"has END:{name} without a matching BEGIN", number)
            opened, at = stack[-1]
            if opened != name:
                raise StructureError(
                    f"has END:{name} where END:{opened} (opened on line {at}) was due", number
                )
            stack.pop()
        elif not stack and line.strip():
            raise StructureError("has a property outside BEGIN:VCALENDAR … END:VCALENDAR", number)
    if stack:
        opened, at = stack[-1]
        raise StructureError(f"ends before END:{opened} (opened on line {at})", at)
    if not seen_calendar:
        raise StructureError("holds no calendar")
    return lines
