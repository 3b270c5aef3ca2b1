"""What every tab shares: the app and main window, theme, glyphs, widgets, dialogs, PDF painting."""
