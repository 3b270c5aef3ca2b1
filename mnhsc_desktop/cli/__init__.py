"""The command line: `mnhsc-desktop` opens the window; each sub-command is one module here."""
