"""Saved data that crashed the window (SIGSEGV in the Culture tab, an error in the ladder) now
opens every tab: bad items are set aside on load, so no widget ever receives them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mnhsc_desktop.core.store.store import STORE_FILE
from tests.core.store.test_store_fuzz import HOSTILE_ITEMS, VALID_ITEMS

HOSTILE_STATES = [
    '{"schema_version": 1, "culture": {"favourites": [{"a": 1}]}}',
    '{"schema_version": 1, "calendar": {"hidden": 5}}',
    '{"schema_version": 1, "ladder": {"done/mike-evans-qi-video": {"done": true, '
    '"date": "2019-01-01", "minutes": Infinity}}}',
    '{"schema_version": 1, "ladder": {"done/mike-evans-qi-video": {"done": true, '
    '"date": "2019-01-01", "minutes": 1e400}}}',
    '{"schema_version": 1, "culture": {"plan/x": {"name": 5, "items": "all"}}}',
    '{"schema_version": 1, "culture": {"log/how-to-huddle": [{"date": "soon"}]}}',
    '{"schema_version": 1, "calendar": {"event/x": {"uid": "x", "title": ["t"], "kind": 1}}}',
    '{"schema_version": 1, "window": {"geometry": 7, "last_tab": {"x": 1}}}',
    '{"schema_version": 1, "portfolio": {"cpd/x": {"date": "2025-01-01", "topic": "t", '
    '"minutes": -5}, "hours/y": {"start": "2025-02-01", "end": "2025-01-01", "hours": 3}}}',
    '{"schema_version": 1, "portfolio": {"discussion": {"date": 5}, "settings": '
    '{"dual_registration": "yes"}, "account/z": {"date": "2025-01-01", "code_theme": 7}}}',
]


def open_every_tab(window) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    assert window.calendar_tab.table.model().rowCount() > 0
    assert window.ladder_tab.grid.model().rowCount() > 0
    assert window.culture_tab.list.model().rowCount() > 0
    assert window.revalidation_tab.requirements.count() == 8


@pytest.mark.parametrize("text", HOSTILE_STATES)
def test_every_tab_opens_over_a_hostile_state(make_window, data_dir: Path, text: str) -> None:
    (data_dir / STORE_FILE).write_text(text)
    window = make_window(data_dir)
    open_every_tab(window)
    assert window.banner_area.count() == 2  # the notice about the set-aside part, then the tabs


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(VALID_ITEMS, max_size=4), st.lists(HOSTILE_ITEMS, max_size=4))
def test_every_tab_opens_over_generated_states(make_window, tmp_path: Path, valid, hostile) -> None:
    folder = tmp_path / "fuzz"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    state: dict = {"schema_version": 1}
    for section, key, value in [*hostile, *valid]:
        state.setdefault(section, {})[key] = value
    (folder / STORE_FILE).write_text(json.dumps(state, allow_nan=True))
    window = make_window(folder)
    open_every_tab(window)
    window.close()
