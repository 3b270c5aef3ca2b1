"""Tests of mnhsc_desktop/core/ladder."""
