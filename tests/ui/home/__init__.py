"""Tests of mnhsc_desktop/ui/home."""
