"""An anonymous team pulse: a few short statements, each answered on a 1 to 5 scale on a laptop
passed round the room. Only how many people gave each answer is kept: never who, never in what
order, never when (a response adds to counts and nothing else; no time is stamped on it).
Fewer than five responses are never shown, so no one's answers can be picked out.

The statements are this app's own, written for the areas the SCORE survey covers (teamwork,
safety climate, leadership, learning environment, burnout, work-life balance); the SCORE
instrument itself is not reproduced. Each is worded so that agreeing is the positive answer.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from mnhsc_desktop.core.store.store import Store

SECTION = "pulse"
SMALLEST_SHOWN = 5
SCALE = ("Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree")
DOMAINS = {
    "teamwork": "Teamwork",
    "safety_climate": "Safety climate",
    "leadership": "Leadership",
    "learning": "Learning environment",
    "burnout": "Burnout (energy)",
    "balance": "Work-life balance",
}
QUESTIONS = {  # id -> (domain, statement)
    "help-busy": ("teamwork", "In this team, people help each other when it gets busy."),
    "disagree-well": ("teamwork", "When we disagree here, we sort it out well."),
    "speak-up": ("safety_climate", "It is easy to speak up here if I see something unsafe."),
    "loved-one": ("safety_climate", "I would be happy for someone I love to be cared for here."),
    "leaders-act": ("leadership", "Our leaders act on what staff tell them about safety."),
    "leaders-listen": ("leadership", "I know who to take a concern to, and they listen."),
    "learn-wrong": ("learning", "We learn from what goes wrong, and from what goes well."),
    "feedback": ("learning", "In the last month I had feedback that helped me improve."),
    "energy": ("burnout", "I have the energy I need at the end of most shifts."),
    "not-worn": ("burnout", "I rarely feel worn out by my work here."),
    "breaks": ("balance", "I usually get my breaks."),
    "leave-on-time": ("balance", "I can usually leave work on time."),
}


@dataclass(frozen=True)
class Pulse:
    id: str
    team: str
    session: str
    date: dt.date
    questions: tuple[str, ...]
    counts: dict[str, tuple[int, ...]]  # question -> how many gave 1, 2, 3, 4, 5
    responses: int
    closed: bool = False

    @property
    def shown(self) -> bool:
        return self.responses >= SMALLEST_SHOWN

    def positive(self, question: str) -> float | None:
        """Share agreeing (4 or 5) as a percentage; None while results are withheld."""
        counts = self.counts.get(question, (0,) * 5)
        total = sum(counts)
        return 100 * (counts[3] + counts[4]) / total if self.shown and total else None

    def withheld_words(self) -> str:
        return (f"Results appear once at least {SMALLEST_SHOWN} people have answered "
                f"({self.responses} so far), so no one's answers can be picked out.")  # fmt: skip


def start_pulse(store: Store, team: str, session: str, questions: list[str],
                day: dt.date | None = None) -> str:  # fmt: skip
    if not 3 <= len(questions) <= 6 or any(q not in QUESTIONS for q in questions):
        raise ValueError("a pulse asks 3 to 6 of the app's statements")
    key = f"pulse/{uuid.uuid4().hex[:12]}"
    store.set(SECTION, key, {
        "team": team.strip() or "Team", "session": session.strip(),
        "date": (day or dt.date.today()).isoformat(), "questions": list(questions),
        "counts": {q: [0, 0, 0, 0, 0] for q in questions}, "responses": 0, "closed": False,
    })  # fmt: skip
    return key


def record_response(store: Store, key: str, answers: dict[str, int]) -> None:
    """One person's answers: each adds one to a count, and the number of responses goes up.
    Nothing else is kept. (The "pulse" section is never on Edit > Undo: undoing a response
    would show what the last person answered.)"""
    value = store.get(SECTION, key)
    if not isinstance(value, dict) or value.get("closed"):
        raise ValueError("this pulse is closed")
    for question, answer in answers.items():
        if question in value["counts"] and 1 <= answer <= 5:
            value["counts"][question][answer - 1] += 1
    value["responses"] += 1
    store.set(SECTION, key, value)


def close_pulse(store: Store, key: str) -> None:
    value = store.get(SECTION, key)
    if isinstance(value, dict):
        store.set(SECTION, key, value | {"closed": True})


def pulses(store: Store) -> list[Pulse]:
    found = []
    for key, value in store.items(SECTION):
        if key.startswith("pulse/") and isinstance(value, dict):
            found.append(_pulse(key, value))
    return sorted(found, key=lambda p: (p.date, p.team.casefold(), p.session))


def _pulse(key: str, value: dict[str, Any]) -> Pulse:
    return Pulse(key, value["team"], value.get("session", ""), dt.date.fromisoformat(value["date"]),
                 tuple(value["questions"]), {q: tuple(c) for q, c in value["counts"].items()},
                 value["responses"], bool(value.get("closed")))  # fmt: skip


def trend(store: Store, team: str, question: str) -> list[tuple[dt.date, float]]:
    """The team's % positive for one statement, pulse by pulse (only pulses that are shown):
    the run chart's data."""
    points: dict[dt.date, float] = {}
    for pulse in pulses(store):
        if (
            pulse.team.casefold() == team.casefold()
            and (share := pulse.positive(question)) is not None
        ):
            points[pulse.date] = share  # two on one day: the later one
    return sorted(points.items())


def results_csv(pulse: Pulse) -> str:
    """One row per statement: the counts for each answer, the responses and % positive."""
    import csv
    import io

    if not pulse.shown:
        raise ValueError(pulse.withheld_words())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Team", "Session", "Date", "Statement", *SCALE, "Responses", "% agree"])
    for question in pulse.questions:
        counts = pulse.counts[question]
        writer.writerow([pulse.team, pulse.session, pulse.date.isoformat(), QUESTIONS[question][1],
                         *counts, sum(counts), f"{pulse.positive(question):.0f}"])  # fmt: skip
    return out.getvalue()
