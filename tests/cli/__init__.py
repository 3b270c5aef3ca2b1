"""Tests of mnhsc_desktop/cli."""
