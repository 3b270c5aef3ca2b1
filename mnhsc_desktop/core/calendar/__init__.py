"""The programme calendar: events, the user's calendar, and choosing what to export."""
