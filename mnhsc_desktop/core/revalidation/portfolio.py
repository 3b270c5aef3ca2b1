"""The whole portfolio read in one pass: the user's own entries, and the CPD and reflections
that live elsewhere (ladder ticks, culture team logs) shown as entries of the same kind.

A ladder tick or a team log is never copied into the portfolio: it is read from where it lives
each time, and edit_* below write it back there, so the two can never drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from mnhsc_desktop.core.ladder import ladder as ladder_mod
from mnhsc_desktop.core.ladder.ladder import Completion, LadderFile, Period, Progress
from mnhsc_desktop.core.revalidation.entries import (
    ENTRY_TYPES,
    SECTION,
    Account,
    CpdEntry,
    Entry,
    FeedbackEntry,
    HoursEntry,
    from_json,
    save_entry,
)
from mnhsc_desktop.core.store.store import StateChange, Store

# How each kind of ladder resource is described as a CPD method.
METHODS = {
    "watch": "Watched a film or talk",
    "read": "Reading",
    "online-training": "Online learning",
    "attend": "Workshop",
    "apply": "Joined a network",
    "register": "Registered on a QI platform",
    "host": "Led a team session",
}
TEAM_METHOD = "Team safety-culture activity"


@dataclass
class Portfolio:
    cpd: list[CpdEntry] = field(default_factory=list)
    hours: list[HoursEntry] = field(default_factory=list)
    feedback: list[FeedbackEntry] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)

    @classmethod
    def read(
        cls,
        store: Store,
        ladder: LadderFile | None = None,
        activities: Iterable = (),
        progress: Progress | None = None,
    ) -> Portfolio:
        portfolio = cls()
        lists = portfolio.lists()
        for key, value in store.items(SECTION):
            kind, _, entry_id = key.partition("/")
            if kind in ENTRY_TYPES and (entry := _read(kind, entry_id, value)) is not None:
                lists[kind].append(entry)
        if ladder is not None:
            progress = progress or Progress(store)
            portfolio._add_ladder(ladder, progress)
        portfolio._add_team(store, activities)
        portfolio.sort()
        return portfolio

    def lists(self) -> dict[str, list]:
        return {"cpd": self.cpd, "hours": self.hours, "feedback": self.feedback,
                "account": self.accounts}  # fmt: skip

    def sort(self) -> None:
        for entries in (self.cpd, self.feedback, self.accounts):
            entries.sort(key=lambda e: (e.date, e.id))
        self.hours.sort(key=lambda e: (e.start, e.end, e.id))

    def _add_ladder(self, ladder: LadderFile, progress: Progress, only: str = "") -> None:
        done = [progress.done[only]] if only in progress.done else [] if only else list(
            progress.done.values())  # fmt: skip
        unticked = [progress.unticked[only]] if only in progress.unticked else [] if only else list(
            progress.unticked.values())  # fmt: skip
        for completion in done:
            resource = ladder.resource(completion.resource_id)
            if resource is None:
                continue
            self.cpd.append(ladder_cpd(completion, METHODS[resource.type], resource.title))
        for completion in [*done, *unticked]:
            resource = ladder.resource(completion.resource_id)
            if resource is not None and completion.learned.strip():
                # a reflection begun on a tick; unticking leaves it here, unless deleted here
                nature = f"{METHODS[resource.type]}: {resource.title}"
                self.accounts.append(ladder_account(completion, nature))

    def _add_team(self, store: Store, activities: Iterable, only: str = "") -> None:
        from mnhsc_desktop.core.culture.culture import log_entries

        titles = {a.id: a.title for a in activities}
        if not titles:
            return
        for entry in log_entries(store, only or None):
            if entry.activity_id not in titles:
                continue
            who = f"with {entry.people} {'person' if entry.people == 1 else 'people'}"
            self.cpd.append(
                CpdEntry(
                    id=f"team/{entry.activity_id}/{entry.changed_at}",
                    date=entry.date,
                    method=f"{TEAM_METHOD} ({who})",
                    topic=titles[entry.activity_id],
                    relevance=entry.note,
                    minutes=entry.minutes,
                    participatory_minutes=entry.minutes,  # done with others, by its nature
                    origin="team",
                    ref=entry.activity_id,
                    changed_at=entry.changed_at,
                )
            )

    def apply(
        self,
        store: Store,
        change: StateChange,
        ladder: LadderFile | None,
        activities: Iterable,
        progress: Progress | None = None,
    ) -> Portfolio:
        """Take in one change: only what it touched is read again (a tick on a ladder of
        thousands costs what one entry costs), else the whole portfolio."""
        section, key = change.section, change.key
        kind, _, name = key.partition("/")
        if key == "*" or section not in (SECTION, "ladder", "culture"):
            return self if section not in (SECTION, "ladder", "culture") else Portfolio.read(
                store, ladder, activities, progress)  # fmt: skip
        if section == SECTION and kind in ENTRY_TYPES:
            entries = self.lists()[kind]
            entries[:] = [e for e in entries if not (e.id == name and _own(e))]
            if (entry := _read(kind, name, store.get(SECTION, key))) is not None:
                entries.append(entry)
        elif section == "ladder" and kind == "done" and ladder is not None:
            gone = f"ladder/{name}"
            self.cpd[:] = [e for e in self.cpd if e.id != gone]
            self.accounts[:] = [e for e in self.accounts if e.id != gone]
            progress = progress or Progress(store)
            self._add_ladder(ladder, progress, only=name)
        elif section == "culture" and kind == "log":
            self.cpd[:] = [e for e in self.cpd if not (e.origin == "team" and e.ref == name)]
            self._add_team(store, activities, only=name)
        else:
            return self
        self.sort()
        return self

    def in_period(self, period: Period) -> Portfolio:
        return Portfolio(
            [e for e in self.cpd if e.date in period],
            [e for e in self.hours if e.date in period],
            [e for e in self.feedback if e.date in period],
            [e for e in self.accounts if e.date in period],
        )

    def find(self, kind: str, entry_id: str) -> Entry | None:
        return next((e for e in self.lists()[kind] if e.id == entry_id), None)

    def linked_title(self, link: str) -> str:
        """What an account reflects on, in words."""
        kind, _, entry_id = link.partition("/")
        if kind == "ladder":
            entry = self.find("cpd", f"ladder/{entry_id}")
        elif kind in ("cpd", "feedback"):
            entry = self.find(kind, entry_id)
        else:
            return ""
        if isinstance(entry, CpdEntry):
            return f"CPD: {entry.topic}"
        if isinstance(entry, FeedbackEntry):
            return f"Feedback from {entry.source}"
        return ""


def _read(kind: str, entry_id: str, value: object) -> Entry | None:
    """An entry from the store, or None when damaged (left there untouched, and not shown)."""
    if not isinstance(value, dict):
        return None
    try:
        return from_json(kind, entry_id, value)
    except (KeyError, TypeError, ValueError):
        return None


def _own(entry: Entry) -> bool:
    return getattr(entry, "origin", "own") == "own"


def ladder_cpd(completion: Completion, method: str, title: str) -> CpdEntry:
    return CpdEntry(
        id=f"ladder/{completion.resource_id}",
        date=completion.date,
        method=method + (" (with others)" if completion.participatory else ""),
        topic=title,
        relevance=completion.practice,
        minutes=completion.minutes,
        participatory_minutes=completion.minutes if completion.participatory else 0,
        code_theme=completion.code_theme,
        evidence=completion.evidence,
        origin="ladder",
        ref=completion.resource_id,
        changed_at=completion.changed_at,
    )


def ladder_account(completion: Completion, nature: str) -> Account:
    return Account(
        id=f"ladder/{completion.resource_id}",
        date=completion.date,
        nature=nature,
        learned=completion.learned,
        changed=completion.practice,
        code_theme=completion.code_theme,
        link=f"ladder/{completion.resource_id}",
        origin="ladder",
        changed_at=completion.changed_at,
    )


# -- edits that go where the entry lives --------------------------------------------------------
def save_cpd(store: Store, entry: CpdEntry) -> StateChange | None:
    """An own entry is saved in the portfolio; a ladder tick or a team log where it lives."""
    if entry.origin == "ladder":
        before = store.get(ladder_mod.SECTION, f"done/{entry.ref}", {}) or {}
        return ladder_mod.mark_done(
            store,
            Completion(
                resource_id=entry.ref,
                date=entry.date,
                minutes=max(1, entry.minutes),
                participatory=entry.participatory_minutes > 0,
                learned=before.get("learned", ""),
                practice=entry.relevance,
                code_theme=entry.code_theme,
                evidence=entry.evidence,
            ),
        )
    if entry.origin == "team":
        from mnhsc_desktop.core.culture.culture import SECTION as CULTURE

        items = store.get(CULTURE, f"log/{entry.ref}", [])
        for item in items:
            if item.get("changed_at") == entry.changed_at:
                item.update(
                    date=entry.date.isoformat(), minutes=max(1, entry.minutes),
                    note=entry.relevance.strip(), changed_at=ladder_mod.now_stamp(),
                )  # fmt: skip
        return store.set(CULTURE, f"log/{entry.ref}", items)
    return save_entry(store, entry)


def save_account(store: Store, account: Account) -> StateChange | None:
    """A reflection written on a ladder tick is kept on the tick (ticked or not)."""
    if account.origin != "ladder":
        return save_entry(store, account)
    resource_id = account.id.removeprefix("ladder/")
    before = store.get(ladder_mod.SECTION, f"done/{resource_id}", {}) or {}
    updated = {**before, "learned": account.learned.strip(), "practice": account.changed.strip(),
               "code_theme": account.code_theme, "date": account.date.isoformat(),
               "changed_at": ladder_mod.now_stamp()}  # fmt: skip
    return store.set(ladder_mod.SECTION, f"done/{resource_id}", updated)


def delete_account(store: Store, account: Account) -> StateChange | None:
    """Deleting a tick's reflection clears its words and leaves the tick (and its minutes)."""
    if account.origin != "ladder":
        from mnhsc_desktop.core.revalidation.entries import delete_entry

        return delete_entry(store, account)
    return save_account(store, replace(account, learned="", changed="", code_theme=None))
