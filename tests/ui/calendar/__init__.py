"""Tests of mnhsc_desktop/ui/calendar."""
