"""Before a record leaves the app (exported or printed), look in its free text for what could
identify a patient: NHS numbers (only those that pass the NHS's own modulus-11 check, so most
ten-digit numbers are not flagged), dates of birth written as such, and hospital numbers in their
common written forms. The NMC's rule: records must not identify patients or colleagues.

It finds; it never changes anything. The person decides to edit or to export anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_NHS_NUMBER = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9},? \d{2,4})"
_BIRTH = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|date of birth|born(?: on)?)\s*[:\-]?\s*({_DATE})", re.IGNORECASE
)
_HOSPITAL_NUMBER = re.compile(
    r"\b(?:MRN|hospital (?:number|no\.?)|hosp\.? ?no\.?|unit (?:number|no\.?)|"
    r"patient (?:number|no\.?|id))\s*[:#\-]?\s*([A-Z]{0,3}\d[\dA-Z]{3,9})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Hit:
    kind: str  # "NHS number", "date of birth", "hospital number"
    text: str  # what was found, as written
    where: str  # the entry and field it is in, in words


def nhs_number_is_valid(digits: str) -> bool:
    """The modulus-11 check every NHS number carries in its tenth digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def scan(text: str, where: str = "") -> list[Hit]:
    hits = []
    for match in _NHS_NUMBER.finditer(text):
        if nhs_number_is_valid("".join(match.groups())):
            hits.append(Hit("NHS number", match.group(0), where))
    hits += [Hit("date of birth", m.group(0), where) for m in _BIRTH.finditer(text)]
    hits += [Hit("hospital number", m.group(0), where) for m in _HOSPITAL_NUMBER.finditer(text)]
    return hits


def scan_all(texts: Iterable[tuple[str, str]]) -> list[Hit]:
    """Every hit in (where, text) pairs, in order."""
    return [hit for where, text in texts if text for hit in scan(text, where)]


# (field, how it is named) for the free text of each kind of entry
_FIELDS = {
    "cpd": (("topic", "topic"), ("relevance", "how it relates to my practice"),
            ("evidence", "evidence")),
    "hours": (("organisation", "organisation"), ("description", "what the work was")),
    "feedback": (("source", "source"), ("feedback", "what it said"), ("used", "how I used it")),
    "account": (("nature", "nature of the activity"), ("learned", "what I learned"),
                ("changed", "how I changed my practice"), ("relevance", "the Code")),
}  # fmt: skip
_SHEETS = {"discussion": "the reflective discussion", "confirmation": "the confirmation",
           "indemnity": "the indemnity arrangement"}  # fmt: skip


def portfolio_texts(inside, sheets: dict[str, dict]) -> list[tuple[str, str]]:
    """(where, text) for every free-text field of a period's portfolio and its sheets."""
    from mnhsc_desktop.core.calendar.events import uk_date

    texts = []
    for kind, entries in (("cpd", inside.cpd), ("hours", inside.hours),
                          ("feedback", inside.feedback), ("account", inside.accounts)):  # fmt: skip
        for entry in entries:
            title = getattr(entry, "topic", "") or getattr(entry, "source", "") or kind
            named = f"{uk_date(entry.date, weekday=False)} “{title[:60]}”"
            texts += [(f"{named}, {label}", getattr(entry, name)) for name, label in _FIELDS[kind]]
    for name, label in _SHEETS.items():
        texts += [(label, value) for value in sheets.get(name, {}).values()
                  if isinstance(value, str)]  # fmt: skip
    return texts
