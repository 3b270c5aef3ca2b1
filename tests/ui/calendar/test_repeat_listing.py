"""An open-ended list shows a series with no end only so far, and says how far under the list;
a later month shows the rest."""

from __future__ import annotations

import datetime as dt

from mnhsc_desktop.core.calendar.calendar import save_events
from mnhsc_desktop.core.calendar.events import Event, Repeat, uk_date


def test_the_list_says_how_far_an_endless_series_is_listed(make_window) -> None:
    window = make_window()
    window.show_calendar()
    tab = window.calendar_tab
    start = tab.today - dt.timedelta(days=3)
    save_events(window.store, [Event(
        uid="huddle@test", title="Safety huddle", kind="meeting", start=start, end=start,
        start_time=dt.time(8, 30), origin="local", repeat=Repeat("weekly"))])  # fmt: skip
    tab.mode.setCurrentIndex(0)  # Upcoming
    listed_to = tab.calendar.listed_to(tab.today)
    assert f"repeating events are listed to {uk_date(listed_to)}" in tab.count_label.text()
    huddles = [o for o in tab.model.rows if o.event.uid == "huddle@test"]
    assert huddles[-1].start <= listed_to < huddles[-1].start + dt.timedelta(days=7)
    later = listed_to + dt.timedelta(days=62)
    tab.month_view.setCurrentPage(later.year, later.month)  # the month shown: the rest
    assert tab.mode.currentIndex() == 1
    assert any(o.event.uid == "huddle@test" for o in tab.model.rows)
    assert "repeating events are listed to" not in tab.count_label.text()
