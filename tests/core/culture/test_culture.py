"""The culture library: the page's activities, search and filters, favourites, the team log and CPD."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.culture.culture import (
    CultureFilter,
    LogEntry,
    add_log_entry,
    favourites,
    log_entries,
    remove_log_entry,
    search,
    set_favourite,
    suggestion,
)
from mnhsc_desktop.core.culture.kudos import KudosCard, paginate
from mnhsc_desktop.core.ladder.ladder import Period
from mnhsc_desktop.core.store.store import Store
from tests.conftest import REPO, SHIPPED_CONTENT

SEED = REPO.parent / "shared" / "seed" / "mnhsc-collaborative-page.txt"


@pytest.fixture(scope="module")
def content():
    loaded = load_content(SHIPPED_CONTENT)
    assert loaded.errors == ()
    return loaded


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store.open(data_dir)


@pytest.mark.skipif(not SEED.exists(), reason="the seed page sits beside the repository")
def test_every_paragraph_of_the_section_is_an_activity(content) -> None:
    page = SEED.read_text(encoding="utf-8")
    section = page.split("Safety Culture and Leadership", 1)[1].split("Back to top", 1)[0]
    paragraphs = [" ".join(p.split()) for p in section.split("\n") if p.strip()][
        2:
    ]  # after the introduction
    texts = [" ".join(a.page_text.split()) for a in content.culture.activities]
    for paragraph in paragraphs:
        assert any(paragraph[:60] in text for text in texts), paragraph[:60]
    assert len(content.culture.activities) == 20
    assert content.culture.introduction[0].startswith("Culture simply means")


def test_a_facilitator_finds_short_team_activities_on_praise(content) -> None:
    found = search(
        content.culture.activities, CultureFilter(who="team", max_minutes=15, tag="praise")
    )
    assert [a.id for a in found] == ["learning-from-excellence", "kudos-cards", "sharing-praise"]
    assert [a.id for a in search(content.culture.activities, CultureFilter(text="huddle"))] == [
        "how-to-huddle"
    ]
    assert search(content.culture.activities, CultureFilter(domain="work-life-balance"))


def test_favourites_and_the_team_log(store: Store, content) -> None:
    set_favourite(store, "how-to-huddle", True)
    assert favourites(store) == {"how-to-huddle"}
    assert [
        a.id
        for a in search(
            content.culture.activities, CultureFilter(favourites_only=True), favourites(store)
        )
    ] == ["how-to-huddle"]
    add_log_entry(
        store,
        LogEntry("how-to-huddle", dt.date(2026, 11, 27), 6, 10, "Huddle before the night shift"),
    )
    add_log_entry(store, LogEntry("how-to-huddle", dt.date(2026, 11, 28), 5, 12))
    entries = log_entries(store, "how-to-huddle")
    assert [e.date.day for e in entries] == [28, 27]
    remove_log_entry(store, entries[0])
    assert len(log_entries(store, "how-to-huddle")) == 1


def test_team_activities_count_as_participatory_cpd(store: Store, content) -> None:
    from mnhsc_desktop.core.revalidation.status import status_now

    add_log_entry(store, LogEntry("how-to-huddle", dt.date(2026, 11, 27), 6, 30, "Huddle"))
    period = Period.ending(dt.date(2027, 3, 31))
    portfolio, status = status_now(store, content.ladder, content.culture.activities, period)
    assert (status.cpd_hours, status.participatory_hours, status.accounts) == (0.5, 0.5, 0)
    (entry,) = portfolio.cpd
    assert entry.topic == "Watch How to Huddle, then huddle" and entry.origin == "team"
    assert entry.code_theme is None, "never a theme the user did not choose"


def test_a_suggestion_for_the_week_avoids_what_was_done_lately(store: Store, content) -> None:
    today = dt.date(2026, 11, 28)
    first = suggestion(content.culture.activities, store, today)
    assert suggestion(content.culture.activities, store, today + dt.timedelta(days=1)) == first, (
        "stable within a week"
    )
    add_log_entry(store, LogEntry(first.id, today, 4, 10))
    assert suggestion(content.culture.activities, store, today) != first


def test_kudos_pages() -> None:
    assert [len(p) for p in paginate([KudosCard()] * 10, 4)] == [4, 4, 2]
    with pytest.raises(ValueError):
        paginate([KudosCard()], 6)
