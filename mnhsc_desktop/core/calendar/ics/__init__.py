"""iCalendar (.ics) files in and out: reading the syntax, time zones, import and export."""
