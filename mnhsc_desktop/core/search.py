"""One search across the whole app: calendar events, QI subjects and resources, culture
activities, and the user's own QI projects.

Ranked so that what people mean comes first: a title that starts with the words, then titles
containing them at a word start, then anywhere in the title, then only in the details. Case and
accents are ignored. Typing on narrows the previous result instead of starting again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from mnhsc_desktop.core.text import fold

KIND_ORDER = {"event": 0, "subject": 1, "resource": 2, "activity": 3, "project": 4}
KIND_LABELS = {
    "event": "Calendar",
    "subject": "QI subjects",
    "resource": "QI resources",
    "activity": "Culture activities",
    "project": "My QI projects",
}


@dataclass(frozen=True, slots=True)
class SearchItem:
    kind: str
    key: str  # what the tab needs to show it (an event key, a subject or resource id, ...)
    title: str
    detail: str
    title_text: str = field(default="", repr=False)
    body_text: str = field(default="", repr=False)
    spaced_title: str = field(default="", repr=False)  # " " + title_text: word starts are " w"
    order: int = 9


def item(kind: str, key: str, title: str, detail: str, body: Iterable[str] = ()) -> SearchItem:
    folded_title = fold(title)
    body_text = folded_title + " " + fold(" ".join((detail, *body)))
    return SearchItem(
        kind,
        key,
        title,
        detail,
        folded_title,
        body_text,
        " " + folded_title,
        KIND_ORDER.get(kind, 9),
    )


def _rank(entry: SearchItem, words: list[str]) -> tuple[int, int, str]:
    title = entry.title_text
    if title.startswith(words[0]):
        score = 0
    elif all(" " + w in entry.spaced_title for w in words):
        score = 1
    elif all(w in title for w in words):
        score = 2
    else:
        score = 3
    return (score, entry.order, title)


class SearchIndex:
    def __init__(self, items: Iterable[SearchItem]) -> None:
        self.items = list(items)
        self._last: tuple[str, list[SearchItem]] | None = None

    def find(self, text: str, limit: int = 50) -> list[SearchItem]:
        """The best `limit` matches for `text`, best first."""
        query = fold(text).strip()
        words = query.split()
        if not words:
            self._last = None
            return []
        pool = self.items
        if self._last is not None and query.startswith(self._last[0]):
            pool = self._last[1]  # one more letter can only remove matches
        if len(words) == 1:
            word = words[0]
            matches = [entry for entry in pool if word in entry.body_text]
        else:
            matches = [entry for entry in pool if all(w in entry.body_text for w in words)]
        self._last = (query, matches)
        if len(matches) <= limit:
            return sorted(matches, key=lambda e: _rank(e, words))
        # Many matches (an early letter): rank the title matches first, in one pass, since the
        # best `limit` nearly always come from them; fall back to everything when they run short.
        word, spaced = words[0], " " + words[0]
        in_title = [e for e in matches if word in e.title_text]
        pool = in_title if len(words) == 1 and len(in_title) >= limit else matches
        keyed = [
            (
                (0 if e.title_text.startswith(word) else 1 if spaced in e.spaced_title else 2)
                if len(words) == 1
                else _rank(e, words)[0],
                e.order,
                e.title_text,
                n,
            )
            for n, e in enumerate(pool)
        ]
        import heapq

        return [pool[k[3]] for k in heapq.nsmallest(limit, keyed)]  # no full sort of thousands


def grouped(results: list[SearchItem]) -> list[tuple[str, list[SearchItem]]]:
    """Results by kind, in the order the kinds first appear among the best matches."""
    groups: dict[str, list[SearchItem]] = {}
    for entry in results:
        groups.setdefault(entry.kind, []).append(entry)
    return [(KIND_LABELS.get(kind, kind), entries) for kind, entries in groups.items()]


def build_index(content, store) -> SearchIndex:
    """Everything the user can find, from the content in use and their own events."""
    entries: list[SearchItem] = []
    if content.calendar is not None:
        from mnhsc_desktop.core.calendar.calendar import Calendar
        from mnhsc_desktop.core.calendar.events import describe_when

        for event in Calendar.load(content.calendar, store).events:
            entries.append(
                item(
                    "event",
                    event.key,
                    event.title,
                    f"{describe_when(event)} · {event.kind_label}",
                    (event.location, *event.notes),
                )
            )
    if content.ladder is not None:
        for subject in content.ladder.subjects:
            entries.append(item("subject", subject.id, subject.name, subject.description))
        for resource in content.ladder.resources:
            level = content.ladder.level(resource.level).name
            entries.append(
                item(
                    "resource",
                    resource.id,
                    resource.title,
                    f"{level} · {resource.description}",
                    (resource.provider or "",),
                )
            )
    if content.culture is not None:
        for activity in content.culture.activities:
            entries.append(
                item(
                    "activity",
                    activity.id,
                    activity.title,
                    activity.intent,
                    (*activity.prompts, activity.notes),
                )
            )
    entries += _projects(store)
    return SearchIndex(entries)


def _projects(store) -> list[SearchItem]:
    """The user's QI projects: found by their title, aim, team, drivers, cycles and measures."""
    from mnhsc_desktop.core.qi.projects import STATUSES, projects

    found = []
    for key, value in projects(store):
        words = [value.get("aim", ""), *value.get("team", [])]
        words += [line["text"] for line in value.get("drivers", [])]
        words += [c.get("title", "") for c in value.get("cycles", [])]
        words += [m["name"] for m in value.get("measures", [])]
        status = STATUSES.get(value.get("status", ""), "")
        found.append(item("project", key, value["title"], f"QI project · {status}", words))
    return found
