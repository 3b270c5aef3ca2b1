"""Fuzz the store loader and the progress import with generated JSON: valid items mixed with
wrong types, deep nesting, huge numbers, NaN and Infinity, broken characters and duplicated keys.

Whatever the file, opening never raises, everything kept passes the schema, every valid item
whose key is not duplicated is kept, and the result saves and opens again cleanly.
A long run: `HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/core/store/test_store_fuzz.py`.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.core.store.progress_file import FORMAT, plan_progress_import
from mnhsc_desktop.core.store.state_schema import check_item
from mnhsc_desktop.core.store.store import SECTIONS, STORE_FILE, Store

DAYS = st.dates().map(lambda d: d.isoformat()).filter(lambda s: "1900" <= s[:4] <= "2200")
STAMP = (
    st.datetimes()
    .map(lambda d: d.isoformat() + "+00:00")
    .filter(lambda s: "1900" <= s[:4] <= "2200")
)
NAME = st.text(max_size=30)
VALID_ITEMS = st.one_of(
    st.tuples(
        st.just("ladder"),
        st.text(min_size=1, max_size=12).map("done/{}".format),
        st.fixed_dictionaries(
            {"done": st.just(True), "date": DAYS, "minutes": st.integers(1, 600)},
            optional={"learned": st.text(max_size=50), "changed_at": STAMP},
        ),
    ),
    st.tuples(
        st.just("culture"),
        st.text(min_size=1, max_size=12).map("log/{}".format),
        st.lists(
            st.fixed_dictionaries(
                {"date": DAYS, "people": st.integers(1, 40), "minutes": st.integers(1, 300)}
            ),
            max_size=3,
        ),
    ),
    st.tuples(st.just("profile"), st.just("name"), NAME),
    st.tuples(st.just("calendar"), st.just("hidden"), st.lists(NAME, max_size=4)),
    st.tuples(
        st.just("portfolio"),
        st.text(min_size=1, max_size=12).map("cpd/{}".format),
        st.fixed_dictionaries(
            {"date": DAYS, "topic": NAME, "minutes": st.integers(0, 600)},
            optional={"participatory_minutes": st.integers(0, 600), "changed_at": STAMP},
        ),
    ),
    st.tuples(
        st.just("portfolio"),
        st.just("indemnity"),
        st.fixed_dictionaries({"done": st.booleans()}, optional={"provider": NAME}),
    ),
)
RAW_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
HOSTILE_ITEMS = st.tuples(
    st.sampled_from([*SECTIONS, "other"]),
    st.sampled_from(
        [
            "done/a",
            "log/a",
            "plan/a",
            "level/a",
            "hidden",
            "favourites",
            "event/a",
            "name",
            "x",
            "cpd/a",
            "hours/a",
            "feedback/a",
            "account/a",
            "discussion",
            "confirmation",
            "settings",
        ]
    ),
    RAW_JSON,
)
TRICKS = st.sampled_from(["none", "surrogate", "deep", "huge-int", "duplicate"])


def build_file(valid: list, hostile: list, trick: str) -> tuple[str, set[tuple[str, str]]]:
    """The file's text, and the (section, key) of valid items that must survive the load."""
    state: dict = {"schema_version": 1}
    for section, key, value in [*hostile, *valid]:
        state.setdefault(section, {})[key] = value
    text = json.dumps(state, allow_nan=True)
    expected = {(s, k) for s, k, _v in valid if all((s, k) != (hs, hk) for hs, hk, _ in hostile)}
    # a valid item placed last wins a key clash with a hostile one placed earlier
    expected |= {(s, k) for s, k, _v in valid}
    if trick == "surrogate":
        text = text.replace('"schema_version": 1', '"schema_version": 1, "profile_x": "\\udc00"')
    elif trick == "deep":
        text = text.replace(
            '"schema_version": 1', '"schema_version": 1, "zz": ' + "[" * 3000 + "]" * 3000
        )
    elif trick == "huge-int":
        text = text.replace('"schema_version": 1', '"schema_version": 1, "zz": ' + "7" * 6000)
    elif trick == "duplicate":
        text = text.replace('"schema_version": 1', '"schema_version": 1, "zz": 1, "zz": 2')
    return text, expected


@given(st.lists(VALID_ITEMS, max_size=6), st.lists(HOSTILE_ITEMS, max_size=6), TRICKS)
def test_the_store_loader_keeps_every_valid_item_and_nothing_bad(valid, hostile, trick) -> None:
    with tempfile.TemporaryDirectory() as folder:
        text, expected = build_file(valid, hostile, trick)
        (Path(folder) / STORE_FILE).write_text(text, encoding="utf-8")
        store = Store.open(Path(folder))
        assert not store.read_only
        snapshot = store.snapshot()
        for section in SECTIONS:
            for key, value in snapshot[section].items():
                assert check_item(section, key, value) is None
        survivors = {(s, k) for s in SECTIONS for k in snapshot[s]}
        if trick != "deep":  # too deep to parse: the whole file is set aside, and said so
            assert expected <= survivors
        for notice in store.notices:
            assert notice.kept_copy is not None and notice.kept_copy.exists()
        assert store.save()
        again = Store.open(Path(folder))
        assert again.notices == [] and again.snapshot() == store.snapshot()


@given(st.lists(VALID_ITEMS, max_size=6), st.lists(HOSTILE_ITEMS, max_size=6))
def test_the_progress_import_takes_only_valid_items(valid, hostile) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data: dict = {}
        for section, key, value in [*hostile, *valid]:
            if section in ("profile", "ladder", "calendar", "culture"):
                data.setdefault(section, {})[key] = value
        payload = {"format": FORMAT, "format_version": 1, "data": data}
        source = Path(folder) / "progress.json"
        source.write_text(json.dumps(payload, allow_nan=True), encoding="utf-8")
        store = Store.open(Path(folder) / "mine")
        try:
            plan = plan_progress_import(source, store)
        except Exception as error:  # only a refusal, in words, is allowed
            assert type(error).__name__ == "ProgressRefused", error
            return
        for section, items in plan.merged.items():
            for key, value in items.items():
                assert check_item(section, key, value) is None
                store.update(section, {key: value})
        assert store.save()
