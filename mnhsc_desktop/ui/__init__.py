"""The Qt shell: windows, tabs, dialogs. Logic lives in mnhsc_desktop.core."""
