"""The driver diagram's outline: each keyboard move keeps it a tree the store accepts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.core.qi import drivers
from mnhsc_desktop.core.store.schema_qi import _tree


def outline(*depths: int) -> list[dict]:
    return [{"id": str(i), "text": f"line {i}", "depth": d} for i, d in enumerate(depths)]


def shape(lines) -> list[tuple[str, int]]:
    return [(line["id"], line["depth"]) for line in lines]


def test_add_below_goes_after_the_whole_branch_at_the_same_depth() -> None:
    lines, at = drivers.add_below(outline(1, 2, 3, 1), 0, "new")
    assert at == 3 and [d["depth"] for d in lines] == [1, 2, 3, 1, 1]


def test_indent_takes_the_branch_and_refuses_what_would_skip_a_level() -> None:
    lines, _at = drivers.indent(outline(1, 1, 2), 1)
    assert shape(lines) == [("0", 1), ("1", 2), ("2", 3)]
    assert drivers.indent(outline(1, 2), 1) is None  # would be two deeper than its parent
    assert drivers.indent(outline(1, 2, 3), 2) is None  # already deeper than the line above
    assert drivers.indent(outline(1), 0) is None


def test_outdent_keeps_later_siblings_with_their_parent() -> None:
    lines, at = drivers.outdent(outline(1, 2, 3, 2), 1)
    # line 1 becomes a primary driver after its former sibling 3 (which stays under line 0)
    assert shape(lines) == [("0", 1), ("3", 2), ("1", 1), ("2", 2)] and at == 2


def test_move_swaps_whole_branches_with_a_sibling_only() -> None:
    lines, at = drivers.move(outline(1, 2, 1, 2), 2, -1)
    assert shape(lines) == [("2", 1), ("3", 2), ("0", 1), ("1", 2)] and at == 0
    lines, at = drivers.move(outline(1, 2, 1, 2), 0, +1)
    assert shape(lines) == [("2", 1), ("3", 2), ("0", 1), ("1", 2)] and at == 2
    assert drivers.move(outline(1, 2, 1), 1, -1) is None  # no sibling above under its parent
    assert drivers.move(outline(1, 2, 1), 1, +1) is None


def test_remove_takes_the_branch() -> None:
    lines, at = drivers.remove(outline(1, 2, 3, 1), 0)
    assert shape(lines) == [("3", 1)] and at == 0


def test_layout_spans_each_box_over_its_leaves() -> None:
    boxes = drivers.layout("Aim", outline(1, 2, 3, 3, 2, 1))
    assert [(b.column, b.top, b.height) for b in boxes] == [
        (0, 0, 4),
        (1, 0, 3),
        (2, 0, 2),
        (3, 0, 1),
        (3, 1, 1),
        (2, 2, 1),
        (1, 3, 1),
    ]
    assert [b.parent for b in boxes] == [None, 0, 1, 2, 2, 1, 0]


def apply(op: str, lines: list, at: int | None):
    if op == "add":
        return drivers.add_below(lines, at, "x")
    if op == "child":
        return drivers.add_child(lines, at, "x")
    if op in ("up", "down"):
        return drivers.move(lines, at, -1 if op == "up" else 1)
    return {"in": drivers.indent, "out": drivers.outdent, "rm": drivers.remove}[op](lines, at)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["add", "child", "in", "out", "up", "down", "rm"]), st.integers(0, 20)
        ),
        max_size=40,
    )
)
def test_any_sequence_of_moves_keeps_a_valid_tree(moves) -> None:
    lines: list = []
    for op, where in moves:
        at = where % len(lines) if lines else None
        result = None if at is None and op != "add" else apply(op, lines, at)
        if result is not None:
            before = len(lines)
            lines = result[0]
            assert _tree(lines) is None, (op, lines)
            if op in ("in", "out", "up", "down"):
                assert len(lines) == before
