"""Tests of mnhsc_desktop/core/content."""
