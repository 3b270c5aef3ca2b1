"""The eight requirements, counted once: own entries, ladder ticks and team logs together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.culture.culture import LogEntry, add_log_entry
from mnhsc_desktop.core.ladder.ladder import Completion, Period, mark_done, undo_done
from mnhsc_desktop.core.revalidation.entries import (
    Account,
    CpdEntry,
    FeedbackEntry,
    HoursEntry,
    delete_entry,
    new_id,
    save_entry,
    save_sheet,
)
from mnhsc_desktop.core.revalidation.portfolio import (
    Portfolio,
    delete_account,
    save_account,
    save_cpd,
)
from mnhsc_desktop.core.revalidation.status import final_year, revalidation_status
from mnhsc_desktop.core.store.store import Store
from tests.conftest import SHIPPED_CONTENT

PERIOD = Period.ending(dt.date(2027, 3, 31))
TODAY = dt.date(2026, 12, 2)
DAY = dt.date(2026, 5, 1)


@pytest.fixture(scope="module")
def content():
    return load_content(SHIPPED_CONTENT)


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store.open(data_dir)


def status(store: Store, content):
    portfolio = Portfolio.read(store, content.ladder, content.culture.activities)
    return portfolio, revalidation_status(store, portfolio, PERIOD, TODAY)


def test_an_empty_portfolio_meets_nothing(store, content) -> None:
    _, s = status(store, content)
    assert [r.done for r in s.requirements()] == [False] * 8
    assert s.to_json() == {
        "period": {"start": "2024-04-01", "end": "2027-03-31"},
        "practice_hours": {"logged": 0, "required": 450},
        "cpd": {"hours": 0, "participatory_hours": 0, "required": 35,
                "participatory_required": 20},
        "feedback": {"count": 0, "required": 5},
        "reflective_accounts": {"count": 0, "required": 5},
        "reflective_discussion": {"done": False},
        "health_and_character": {"done": False},
        "indemnity": {"done": False},
        "confirmation": {"done": False},
        "days_to_revalidation": 119,
    }  # fmt: skip
    assert s.window_opens == dt.date(2027, 1, 30)
    assert final_year(PERIOD) == Period(dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_any_cpd_counts_with_ladder_ticks_and_team_logs(store, content) -> None:
    save_entry(store, CpdEntry(new_id(), DAY, "Course", "PROMPT", minutes=7 * 60,
                               participatory_minutes=7 * 60))  # fmt: skip
    save_entry(store, CpdEntry(new_id(), dt.date(2020, 1, 1), "Course", "Too old", minutes=600))
    mark_done(store, Completion("pdsa-1" if content.ladder.resource("pdsa-1") else
                                content.ladder.resources[0].id, DAY, 30))  # fmt: skip
    activity = content.culture.activities[0]
    add_log_entry(store, LogEntry(activity.id, DAY, 6, 45))
    portfolio, s = status(store, content)
    assert {e.origin for e in portfolio.cpd} == {"own", "ladder", "team"}
    assert s.cpd_hours == pytest.approx((420 + 30 + 45) / 60)
    assert s.participatory_hours == pytest.approx((420 + 45) / 60)


def test_thirty_five_hours_can_be_met(store, content) -> None:
    for week in range(36):
        save_entry(store, CpdEntry(new_id(), DAY + dt.timedelta(days=week), "Course",
                                   f"Study day {week}", minutes=60, participatory_minutes=60))  # fmt: skip
    _, s = status(store, content)
    assert s.requirements()[1].done and s.cpd_hours == 36


def test_practice_hours_count_by_their_last_day_and_dual_registration_doubles(
    store, content
) -> None:
    save_entry(store, HoursEntry(new_id(), dt.date(2024, 3, 1), dt.date(2024, 4, 2), 300))
    save_entry(store, HoursEntry(new_id(), dt.date(2024, 3, 1), dt.date(2024, 3, 31), 1000))
    save_entry(store, HoursEntry(new_id(), dt.date(2025, 1, 1), dt.date(2025, 12, 31), 200))
    _, s = status(store, content)
    assert (s.practice_hours, s.practice_hours_required, s.requirements()[0].done) == (
        500, 450, True)  # fmt: skip
    save_sheet(store, "settings", {"dual_registration": True})
    _, s = status(store, content)
    assert (s.practice_hours_required, s.requirements()[0].done) == (900, False)


def test_an_account_counts_only_with_all_four_prompts(store, content) -> None:
    full = Account(new_id(), DAY, "A study day", "What I learned", "What I changed",
                   "preserve-safety")  # fmt: skip
    save_entry(store, full)
    save_entry(store, Account(new_id(), DAY, "A study day", "Learned", "Changed", None))
    save_entry(store, Account(new_id(), DAY, "", "Learned", "Changed", "prioritise-people"))
    resource = content.ladder.resources[0].id
    mark_done(store, Completion(resource, DAY, 30, learned="L", practice="P",
                                code_theme="practise-effectively"))  # fmt: skip
    portfolio, s = status(store, content)
    assert s.accounts == 2 and len(portfolio.accounts) == 4


def test_untick_keeps_the_reflection_in_the_portfolio(store, content) -> None:
    resource = content.ladder.resources[0].id
    mark_done(store, Completion(resource, DAY, 30, learned="L", practice="P",
                                code_theme="practise-effectively"))  # fmt: skip
    undo_done(store, resource)
    portfolio, s = status(store, content)
    assert s.accounts == 1 and s.cpd_hours == 0
    (account,) = portfolio.accounts
    assert account.origin == "ladder" and account.learned == "L"
    delete_account(store, account)  # deleting it there clears the words, and can be undone
    portfolio, s = status(store, content)
    assert s.accounts == 0 and portfolio.accounts == []
    store.undo_last()
    assert status(store, content)[1].accounts == 1


def test_editing_a_ladder_entry_edits_the_tick_itself(store, content) -> None:
    resource = content.ladder.resources[0].id
    mark_done(store, Completion(resource, DAY, 30, learned="L", practice="P"))
    portfolio, _ = status(store, content)
    entry = portfolio.find("cpd", f"ladder/{resource}")
    from dataclasses import replace

    save_cpd(store, replace(entry, minutes=90, relevance="Changed my handovers"))
    tick = store.get("ladder", f"done/{resource}")
    assert (tick["minutes"], tick["practice"], tick["learned"]) == (90, "Changed my handovers", "L")
    account = status(store, content)[0].accounts[0]
    save_account(store, replace(account, code_theme="preserve-safety"))
    assert status(store, content)[1].accounts == 1
    assert len([e for e in status(store, content)[0].cpd if e.origin == "ladder"]) == 1


def test_editing_a_team_entry_edits_the_log(store, content) -> None:
    activity = content.culture.activities[0]
    add_log_entry(store, LogEntry(activity.id, DAY, 6, 45, "first"))
    (entry,) = [e for e in status(store, content)[0].cpd if e.origin == "team"]
    from dataclasses import replace

    save_cpd(store, replace(entry, minutes=60, relevance="huddle"))
    (log,) = store.get("culture", f"log/{activity.id}")
    assert (log["minutes"], log["note"], log["people"]) == (60, "huddle", 6)


def test_deleting_an_entry_is_undone_by_one_undo(store, content) -> None:
    entry = FeedbackEntry(new_id(), DAY, "A family", "Thank you card", "Shared at huddle")
    save_entry(store, entry)
    delete_entry(store, entry)
    assert status(store, content)[1].feedback == 0
    assert store.undo_last() == "a piece of feedback"
    (restored,) = status(store, content)[0].feedback
    assert (restored.id, restored.source, restored.used) == (
        entry.id,
        "A family",
        "Shared at huddle",
    )


def test_sheets_and_the_confirmation_window(store, content) -> None:
    save_sheet(store, "discussion", {"partner": "A. Midwife", "date": "2026-11-01"})
    save_sheet(store, "health_and_character", {"done": True})
    save_sheet(store, "indemnity", {"done": True, "provider": "My employer"})
    save_sheet(store, "confirmation", {"name": "B. Manager", "date": "2026-01-05"})
    _, s = status(store, content)
    assert (s.discussion_done, s.health_done, s.indemnity_done) == (True, True, True)
    assert not s.confirmation_done and "final 12 months" in s.confirmation_warning
    save_sheet(store, "confirmation", {"name": "B. Manager", "date": "2027-01-05"})
    _, s = status(store, content)
    assert s.confirmation_done and not s.confirmation_warning


def test_a_damaged_entry_is_not_shown_and_not_dropped(store, content) -> None:
    store._state["portfolio"]["cpd/x"] = {"date": "not a date", "topic": "t", "minutes": 1}
    portfolio, _ = status(store, content)
    assert portfolio.cpd == [] and "cpd/x" in store.keys("portfolio")


def _same(a: Portfolio, b: Portfolio) -> bool:
    def key(entries):
        return sorted(repr(e) for e in entries)

    return all(
        key(x) == key(y) for x, y in zip(a.lists().values(), b.lists().values(), strict=True)
    )


def test_taking_in_each_change_equals_reading_afresh(data_dir: Path, content) -> None:
    """The tabs keep their portfolio up to date change by change; it must never drift from
    what a fresh read finds, whatever the mix of changes."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from mnhsc_desktop.core.culture.culture import log_entries, remove_log_entry

    resources = [r.id for r in content.ladder.resources[:4]]
    activity = content.culture.activities[0].id
    steps = st.lists(st.tuples(st.integers(0, 7), st.integers(0, 3)), max_size=25)

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(steps)
    def check(actions) -> None:
        store = Store(data_dir / "never-saved")
        heard: list = []
        store.subscribe(heard.append)  # as the tabs hear of changes, undo included
        kept = Portfolio.read(store, content.ladder, content.culture.activities)
        for action, which in actions:
            resource = resources[which]
            if action == 0:
                mark_done(store, Completion(resource, DAY, 10 + which, learned="L"))
            elif action == 1:
                undo_done(store, resource)
            elif action == 2:
                save_entry(store, CpdEntry(f"c{which}", DAY, "m", f"t{which}", minutes=5))
            elif action == 3:
                delete_entry(store, CpdEntry(f"c{which}", DAY, "m", "t"))
            elif action == 4:
                add_log_entry(store, LogEntry(activity, DAY, 3, 20 + which))
            elif action == 5:
                if entries := log_entries(store, activity):
                    remove_log_entry(store, entries[0])
            elif action == 6:
                save_sheet(store, "indemnity", {"done": bool(which % 2)})
            else:
                store.undo_last()
            for change in heard:
                kept = kept.apply(store, change, content.ladder, content.culture.activities)
            heard.clear()
            fresh = Portfolio.read(store, content.ladder, content.culture.activities)
            assert _same(kept, fresh), (action, which)

    check()
