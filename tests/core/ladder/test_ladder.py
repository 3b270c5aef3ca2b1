"""The 3Ls content against the page, progress rules, totals for revalidation, and the record."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.ladder.ladder import (
    LEVELS,
    Completion,
    Period,
    Progress,
    mark_done,
    revalidation_period,
    set_level,
    summarise,
    undo_done,
)
from mnhsc_desktop.core.revalidation.pack import log_csv, pack_document
from mnhsc_desktop.core.revalidation.status import status_now
from mnhsc_desktop.core.store.store import Store
from tests.conftest import REPO, SHIPPED_CONTENT

SEED = REPO.parent / "shared" / "seed" / "mnhsc-collaborative-page.txt"


@pytest.fixture(scope="module")
def ladder():
    content = load_content(SHIPPED_CONTENT)
    assert content.errors == ()
    return content.ladder


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store.open(data_dir)


def test_three_levels_in_the_pages_words(ladder) -> None:
    assert tuple(level.id for level in ladder.levels) == LEVELS
    assert ladder.level("learn").definition.startswith(
        "At the Learning level the subject may be new to you."
    )
    assert "whatever your job role" in ladder.level("leading").summary
    assert "Measurement" in ladder.note and "Using PDSAs" in ladder.note


@pytest.mark.skipif(not SEED.exists(), reason="the seed page sits beside the repository")
def test_every_resource_on_the_page_is_in_the_ladder(ladder) -> None:
    page = SEED.read_text(encoding="utf-8")
    section = page.split("What is Quality Improvement?", 1)[1].split("Developed based on", 1)[0]
    section = " ".join(section.split())  # the page uses non-breaking spaces here and there
    for resource in ladder.resources:
        first_words = " ".join(resource.page_text.split(":")[0].split())[:30]
        assert first_words in section, resource.id
    modules = [r for r in ladder.resources if r.id.startswith("improvement-fundamentals-")]
    assert len(modules) == 4, "the four Improvement Fundamentals modules are separate resources"
    assert {r.level for r in ladder.resources} == set(LEVELS)
    assert len(ladder.resources) == 23


def test_subjects_include_the_two_the_page_names(ladder) -> None:
    names = [s.name for s in ladder.subjects]
    assert "Measurement" in names and "Using PDSAs" in names
    assert 8 <= len(names) <= 12
    assert all(len(s.description) < 120 for s in ladder.subjects)


def test_levels_are_held_per_subject_with_history(store: Store) -> None:
    set_level(store, "measurement", "learn", dt.date(2026, 1, 5))
    set_level(store, "pdsa", "living", dt.date(2026, 2, 1), "Two cycles on the ward")
    set_level(store, "pdsa", "leading", dt.date(2026, 9, 1))
    progress = Progress(store)
    assert progress.level_of("measurement") == "learn"
    assert progress.level_of("pdsa") == "leading"
    assert [h.level for h in progress.history_of("pdsa")] == ["living", "leading"]
    assert progress.level_of("spread") == "none"


def test_tick_and_undo(store: Store, ladder) -> None:
    mark_done(store, Completion("mike-evans-qi-video", dt.date(2026, 11, 20), 20))
    assert "mike-evans-qi-video" in Progress(store).done
    undo_done(store, "mike-evans-qi-video")
    assert Progress(store).done == {}
    assert store.get("ladder", "done/mike-evans-qi-video")["done"] is False, "kept as a dated undo"


def test_totals_count_only_the_period(store: Store, ladder) -> None:
    account = {"learned": "x", "practice": "y", "code_theme": "preserve-safety"}
    mark_done(store, Completion("mike-evans-qi-video", dt.date(2026, 11, 20), 20, **account))
    mark_done(
        store,
        Completion(
            "anyone-for-tennis-workshop", dt.date(2025, 6, 2), 120, True, learned="half an account"
        ),
    )
    mark_done(store, Completion("q-network", dt.date(2020, 1, 1), 30))  # before the period
    period = Period.ending(dt.date(2027, 3, 31))
    summary = summarise(ladder, Progress(store))
    assert summary.done == 3 and summary.total == 23
    _portfolio, status = status_now(store, ladder, (), period)
    assert status.cpd_hours * 60 == 140 and status.participatory_hours * 60 == 120
    assert status.accounts == 1, "only an account with every prompt answered counts"


def test_period_is_three_years_to_the_due_date(store: Store) -> None:
    assert Period.ending(dt.date(2027, 3, 31)) == Period(dt.date(2024, 4, 1), dt.date(2027, 3, 31))
    assert Period.ending(dt.date(2028, 2, 29)).start == dt.date(2025, 3, 1)
    store.set("profile", "revalidation_due", "2027-03-31")
    assert revalidation_period(store).start == dt.date(2024, 4, 1)


def test_csv_opens_in_excel_and_reads_back(store: Store, ladder) -> None:
    mark_done(
        store,
        Completion(
            "mike-evans-qi-video", dt.date(2026, 11, 20), 20, False, "", "=SUM(A1)",
            "preserve-safety",
        ),
    )  # fmt: skip
    period = Period.ending(dt.date(2027, 3, 31))
    portfolio, _status = status_now(store, ladder, (), period)
    data = log_csv("cpd", portfolio.in_period(period))
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0][0] == "Date" and table[1][:2] == ["20 Nov 2026", "Watched a film or talk"]
    assert table[1][3] == "'=SUM(A1)", "text that Excel would run is neutralised"
    assert table[1][4:7] == ["0.33", "0", "Preserve safety"]


def test_the_pack_has_what_a_confirmer_needs(store: Store, ladder) -> None:
    mark_done(
        store,
        Completion(
            "mike-evans-qi-video", dt.date(2026, 11, 20), 20, False, "Systems matter",
            "I test small changes", "practise-effectively",  # every prompt: an account
        ),
    )  # fmt: skip
    set_level(store, "pdsa", "living", dt.date(2026, 11, 28))
    store.set("profile", "name", "Jane Midwife")
    period = Period.ending(dt.date(2027, 3, 31))
    portfolio, status = status_now(store, ladder, (), period, dt.date(2026, 11, 28))
    html = pack_document(store, portfolio, status, ladder=ladder).html()
    for words in ("Jane Midwife", "1 Apr 2024 to 31 Mar 2027", "0.33 of 35 hours",
                  "What did you learn from the CPD activity", "Systems matter",
                  "Using PDSAs: <b>Living</b>", "Signed (confirmer)", "must not identify patients",
                  "MyNMC", "☒ Practise effectively", "☐ Preserve safety"):  # fmt: skip
        assert words in html, words
    assert "NMC Online" not in html


def test_a_passed_date_offers_the_next_period_and_keeps_the_old_one(data_dir) -> None:
    """Once the revalidation date passed, CPD silently fell to 0 of 35 and exports were empty."""
    from mnhsc_desktop.core.ladder.ladder import date_passed, periods, start_next_period
    from mnhsc_desktop.core.store.store import Store

    store = Store.open(data_dir)
    today = dt.date(2026, 12, 2)
    store.set("profile", "revalidation_due", "2026-11-30")
    assert date_passed(store, today) == dt.date(2026, 11, 30)
    period = start_next_period(store, today)
    assert (period.start, period.end) == (dt.date(2026, 12, 1), dt.date(2029, 11, 30))
    assert date_passed(store, today) is None
    current, old = periods(store, today)
    assert (old.start, old.end) == (dt.date(2023, 12, 1), dt.date(2026, 11, 30))
    assert current == period
    store.undo_last()
    assert date_passed(store, today) == dt.date(2026, 11, 30), "one step to undo"


def test_a_date_long_past_moves_on_until_it_is_ahead(data_dir) -> None:
    from mnhsc_desktop.core.ladder.ladder import start_next_period
    from mnhsc_desktop.core.store.store import Store

    store = Store.open(data_dir)
    store.set("profile", "revalidation_due", "2020-02-29")
    period = start_next_period(store, dt.date(2026, 12, 2))
    assert period.end == dt.date(2029, 2, 28)


def test_an_unfinished_reflection_is_in_the_pack_but_not_counted(store: Store, ladder) -> None:
    mark_done(store, Completion("q-network", dt.date(2026, 11, 20), 30, learned="Half a thought"))
    period = Period.ending(dt.date(2027, 3, 31))
    portfolio, status = status_now(store, ladder, (), period)
    html = pack_document(store, portfolio, status).html()
    assert "Written reflective accounts (0 of 5)" in html
    assert "Reflections not yet complete" in html and "Half a thought" in html
