"""`python -m mnhsc_desktop` runs the same entry point as the `mnhsc-desktop` command."""

import sys

from mnhsc_desktop.cli.main import main

sys.exit(main())
