"""The main column of a table keeps a fair share of the width however narrow the table gets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.ui.shell.table_columns import fitted_widths


def test_wide_tables_get_the_preferred_widths() -> None:
    assert fitted_widths(1000, {0: 200, 2: 100}, 40, 0.4) == {0: 200, 2: 100}


def test_narrow_tables_shrink_the_other_columns_in_proportion() -> None:
    assert fitted_widths(500, {0: 200, 2: 100, 3: 100}, 40, 0.4) == {0: 150, 2: 75, 3: 75}


@given(
    available=st.integers(0, 4000),
    preferred=st.dictionaries(st.integers(0, 6), st.integers(0, 600), max_size=6),
    share=st.floats(0.1, 0.9),
)
def test_the_main_column_keeps_its_share_unless_minimums_forbid(
    available: int, preferred: dict[int, int], share: float
) -> None:
    minimum = 30
    widths = fitted_widths(available, preferred, minimum, share)
    assert widths.keys() == preferred.keys()
    assert all(widths[c] <= max(minimum, preferred[c]) for c in preferred)
    shrunk = any(widths[c] < preferred[c] for c in preferred)
    if shrunk and all(w > minimum for w in widths.values()):
        assert sum(widths.values()) <= available * (1 - share) + 1e-6
