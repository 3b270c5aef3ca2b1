"""The Calendar tab: month view, agenda, event details and dialogs, calendar files."""
