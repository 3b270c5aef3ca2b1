"""Tests of mnhsc_desktop/core/calendar."""
