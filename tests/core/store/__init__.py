"""Tests of mnhsc_desktop/core/store."""
