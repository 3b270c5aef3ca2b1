"""Tests of mnhsc_desktop/ui/culture."""
