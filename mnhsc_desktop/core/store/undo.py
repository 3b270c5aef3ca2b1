"""Edit > Undo and Redo: the last changes made in this session, each put back in one step, and
what an undo replaced can be brought back (an undo never loses words either).

Every change a person makes reaches the store as one `set` or `update` (a tick, an untick, a
deleted event, a removed log entry), so the store remembers what each touched key held before,
and undoing writes those values back. The window's size and tab are not remembered: undoing
them would only surprise.
"""

from __future__ import annotations

from typing import Any

from mnhsc_desktop.core.store.state_schema import SECTION_NAMES, describe

LIMIT = 50  # the issue asks for at least 20
# The window's size is not a change anyone would undo; a pulse response must never be (undoing
# it would show what the last person answered).
NOT_UNDONE = ("window", "pulse")
ABSENT = None  # update() removes a key given None: the value before a key existed


class Step:
    __slots__ = ("before", "section")

    def __init__(self, section: str, before: dict[str, Any]) -> None:
        self.section = section
        self.before = before  # key -> value before the change (ABSENT: the key was not there)

    @property
    def label(self) -> str:
        if len(self.before) == 1:
            return describe(self.section, next(iter(self.before)))
        return f"{len(self.before)} changes to {SECTION_NAMES.get(self.section, self.section)}"


class UndoHistory:
    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.redo_steps: list[Step] = []  # what undoing replaced, newest last
        self.paused = False  # while a step is being undone or redone

    def remember(self, section: str, before: dict[str, Any]) -> None:
        """A new change: undoable, and what was undone before it can no longer be redone."""
        if self.paused or section in NOT_UNDONE or not before:
            return
        self.steps.append(Step(section, before))
        del self.steps[:-LIMIT]
        self.redo_steps.clear()

    @property
    def next_label(self) -> str | None:
        return self.steps[-1].label if self.steps else None

    @property
    def redo_label(self) -> str | None:
        return self.redo_steps[-1].label if self.redo_steps else None

    def pop(self) -> Step | None:
        return self.steps.pop() if self.steps else None
