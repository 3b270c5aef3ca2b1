"""Tests of mnhsc_desktop/ui/shell."""
