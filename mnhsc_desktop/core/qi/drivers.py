"""A driver diagram kept as an outline: primary drivers (depth 1), secondary drivers (2) and
change ideas (3), in reading order. An outline is what a keyboard edits well (add below, indent,
outdent, move up and down) and what the store checks simply (each line at most one deeper than
the line before); the left-to-right picture is drawn from it.

Every operation returns a new list and the index of the line that has the focus afterwards, or
None when the move is not possible there (the caller says why).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from mnhsc_desktop.core.qi.projects import new_id

LEVELS = {1: "Primary driver", 2: "Secondary driver", 3: "Change idea"}
Outline = list[dict[str, Any]]


def _subtree_end(lines: Outline, at: int) -> int:
    """One past the last line under `at` (its children, their children…)."""
    end = at + 1
    while end < len(lines) and lines[end]["depth"] > lines[at]["depth"]:
        end += 1
    return end


def add_below(lines: Outline, at: int | None, text: str) -> tuple[Outline, int]:
    """A new line after `at`'s whole branch, at `at`'s depth (a primary driver if none)."""
    lines = copy.deepcopy(lines)
    if at is None or not lines:
        lines.append({"id": new_id(), "text": text, "depth": 1})
        return lines, len(lines) - 1
    end = _subtree_end(lines, at)
    lines.insert(end, {"id": new_id(), "text": text, "depth": lines[at]["depth"]})
    return lines, end


def add_child(lines: Outline, at: int, text: str) -> tuple[Outline, int] | None:
    if lines[at]["depth"] >= 3:
        return None
    lines = copy.deepcopy(lines)
    end = _subtree_end(lines, at)
    lines.insert(end, {"id": new_id(), "text": text, "depth": lines[at]["depth"] + 1})
    return lines, end


def indent(lines: Outline, at: int) -> tuple[Outline, int] | None:
    """Make the line (and its branch) part of the line above's branch."""
    if at == 0 or lines[at]["depth"] > lines[at - 1]["depth"]:
        return None
    end = _subtree_end(lines, at)
    if any(line["depth"] >= 3 for line in lines[at:end]):
        return None
    lines = copy.deepcopy(lines)
    for line in lines[at:end]:
        line["depth"] += 1
    return lines, at


def outdent(lines: Outline, at: int) -> tuple[Outline, int] | None:
    if lines[at]["depth"] == 1:
        return None
    lines = copy.deepcopy(lines)
    end = _subtree_end(lines, at)
    branch = lines[at:end]
    for line in branch:
        line["depth"] -= 1
    # Later siblings of the same parent would become its children: keep them where they are
    # by moving the branch after them.
    parent_end = end
    while parent_end < len(lines) and lines[parent_end]["depth"] > branch[0]["depth"]:
        parent_end += 1
    rest = lines[end:parent_end]
    lines[at:parent_end] = rest + branch
    return lines, at + len(rest)


def move(lines: Outline, at: int, step: int) -> tuple[Outline, int] | None:
    """Swap the line's branch with its previous (step -1) or next (+1) sibling's branch."""
    depth = lines[at]["depth"]
    end = _subtree_end(lines, at)
    if step < 0:
        before = at - 1
        while before >= 0 and lines[before]["depth"] > depth:
            before -= 1
        if before < 0 or lines[before]["depth"] != depth:
            return None
        lines = copy.deepcopy(lines)
        lines[before:end] = lines[at:end] + lines[before:at]
        return lines, before
    if end >= len(lines) or lines[end]["depth"] != depth:
        return None
    after_end = _subtree_end(lines, end)
    lines = copy.deepcopy(lines)
    lines[at:after_end] = lines[end:after_end] + lines[at:end]
    return lines, at + (after_end - end)


def remove(lines: Outline, at: int) -> tuple[Outline, int | None]:
    """The line and its branch gone; the focus on the line now in its place (or the one above)."""
    lines = copy.deepcopy(lines)
    del lines[at : _subtree_end(lines, at)]
    return lines, (min(at, len(lines) - 1) if lines else None)


def change_ideas(lines: Outline) -> list[dict[str, Any]]:
    """What a PDSA cycle tests: the change ideas, or any line when no change idea is written."""
    ideas = [line for line in lines if line["depth"] == 3]
    return ideas or list(lines)


@dataclass
class Box:
    """Where a line goes in the drawn diagram: its column (0 is the aim) and its row span."""

    text: str
    column: int
    top: float
    height: float
    parent: int | None  # index into the boxes list


def layout(aim: str, lines: Outline) -> list[Box]:
    """Columns aim → primary → secondary → change ideas; each box spans the rows of its leaves,
    so lines from a box to its children never cross."""
    boxes: list[Box] = [Box(aim or "(no aim written yet)", 0, 0, max(1, _leaves(lines, -1)), None)]
    row = 0.0
    stack: list[int] = [0]  # box index per depth
    for at, line in enumerate(lines):
        depth = line["depth"]
        del stack[depth:]
        leaves = _leaves(lines, at)
        boxes.append(Box(line["text"], depth, row, leaves, stack[-1]))
        stack.append(len(boxes) - 1)
        if _subtree_end(lines, at) == at + 1:
            row += 1
    return boxes


def _leaves(lines: Outline, at: int) -> int:
    """How many rows a line's branch needs (its leaves; a leaf needs one)."""
    if at < 0:
        return sum(1 for i in range(len(lines)) if _subtree_end(lines, i) == i + 1)
    end = _subtree_end(lines, at)
    return max(1, sum(1 for i in range(at + 1, end) if _subtree_end(lines, i) == i + 1))
