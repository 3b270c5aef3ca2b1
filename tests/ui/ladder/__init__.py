"""Tests of mnhsc_desktop/ui/ladder."""
