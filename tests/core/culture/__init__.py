"""Tests of mnhsc_desktop/core/culture."""
